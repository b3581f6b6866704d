import type { ScreenDef } from '../screenTypes'
import { AuditScreen } from './AuditScreen'
import { BreachesScreen } from './BreachesScreen'
import { DpiasScreen } from './DpiasScreen'
import { ProcessorsScreen } from './ProcessorsScreen'
import { ProcessingRegisterScreen } from './ProcessingRegisterScreen'
import { SettingsScreen } from './SettingsScreen'
import { StatementsScreen } from './StatementsScreen'

/**
 * Screens of the governance capability (R-21..R-25), in navigation order. Another screen can
 * open the audit trail for one record with `navigate('audit', { subjectId })`.
 */
export const governanceScreens: ScreenDef[] = [
  { id: 'audit', roles: ['privacy_officer'], render: (p) => <AuditScreen key={p.params['subjectId'] ?? ''} {...p} /> },
  { id: 'breaches', roles: ['privacy_officer'], render: () => <BreachesScreen /> },
  { id: 'processingRegister', roles: ['privacy_officer', 'admin'], render: () => <ProcessingRegisterScreen /> },
  // printed by the processing register.
  { id: 'processors', roles: ['privacy_officer', 'admin'], render: () => <ProcessorsScreen /> },
  { id: 'dpias', roles: ['privacy_officer', 'admin'], render: () => <DpiasScreen /> },
  { id: 'statements', roles: ['staff', 'privacy_officer', 'admin'], render: (p) => <StatementsScreen {...p} /> },
  { id: 'settings', roles: ['admin'], render: (p) => <SettingsScreen {...p} /> }
]
