import type { ScreenDef } from '../screenTypes'
import { ImportScreen } from './ImportScreen'
import { InformTaskList } from './InformTaskList'
import { IntakeScreen } from './IntakeScreen'
import { PersonScreen } from './PersonScreen'
import { RecordsScreen } from './RecordsScreen'

/** Screens of the people capability, in navigation order; `records` is the home screen. */
export const peopleScreens: ScreenDef[] = [
  { id: 'records', roles: ['staff', 'privacy_officer', 'admin'], render: (p) => <RecordsScreen {...p} /> },
  { id: 'intake', roles: ['staff', 'privacy_officer', 'admin'], render: (p) => <IntakeScreen {...p} /> },
  // the people who contact persons inform them.
  { id: 'inform', roles: ['staff', 'privacy_officer'], render: (p) => <InformTaskList {...p} /> },
  // key: a different person (or tab request) is a fresh screen, not the previous one's state.
  { id: 'person', roles: ['staff', 'privacy_officer', 'admin'], hidden: true, render: (p) => <PersonScreen key={`${p.params['personId']}:${p.params['tab'] ?? ''}`} {...p} /> },
  { id: 'import', roles: ['admin', 'privacy_officer'], render: () => <ImportScreen /> }
]
