import type { ScreenDef } from '../screenTypes'
import { AccessReportScreen } from './AccessReportScreen'
import { ErasureScreen } from './ErasureScreen'
import { RequestsScreen } from './RequestsScreen'

/**
 * Screens of the rights capability (R-18..R-20): the request register in the navigation; the
 * access report and erasure reached with `navigate('access-report' | 'erasure', { personId })`.
 */
export const rightsScreens: ScreenDef[] = [
  { id: 'requests', roles: ['privacy_officer'], render: (p) => <RequestsScreen {...p} /> },
  // key: another person is a fresh screen (new report, new reference), not the previous one's state.
  { id: 'access-report', roles: ['staff', 'privacy_officer', 'admin'], hidden: true, render: (p) => <AccessReportScreen key={p.params['personId'] ?? ''} {...p} /> },
  { id: 'erasure', roles: ['privacy_officer'], hidden: true, render: (p) => <ErasureScreen key={p.params['personId'] ?? ''} {...p} /> }
]
