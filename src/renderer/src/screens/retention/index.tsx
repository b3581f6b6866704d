import type { ScreenDef } from '../screenTypes'
import { PolicyScreen } from './PolicyScreen'
import { ReconfirmationList } from './ReconfirmationList'
import { RetentionDashboard } from './RetentionDashboard'
import { ShieldedScreen } from './ShieldedScreen'

/** Screens of the retention capability, in navigation order. */
export const retentionScreens: ScreenDef[] = [
  { id: 'retention', roles: ['privacy_officer'], render: (p) => <RetentionDashboard navigate={p.navigate} /> },
  // R-11a: office staff make the calls, so the re-confirmation list is theirs too.
  { id: 'reconfirmations', roles: ['staff', 'privacy_officer'], render: () => <ReconfirmationList /> },
  { id: 'shielded', roles: ['privacy_officer'], render: (p) => <ShieldedScreen {...p} /> },
  { id: 'retentionPolicy', roles: ['staff', 'privacy_officer', 'admin'], render: (p) => <PolicyScreen {...p} /> }
]
