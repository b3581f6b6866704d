import type { ScreenDef } from '../screenTypes'
import { PolicyScreen } from './PolicyScreen'
import { RetentionDashboard } from './RetentionDashboard'
import { ShieldedScreen } from './ShieldedScreen'

/** Screens of the retention capability, in navigation order. */
export const retentionScreens: ScreenDef[] = [
  { id: 'retention', roles: ['privacy_officer'], render: () => <RetentionDashboard /> },
  { id: 'shielded', roles: ['privacy_officer'], render: (p) => <ShieldedScreen {...p} /> },
  { id: 'retentionPolicy', roles: ['staff', 'privacy_officer', 'admin'], render: (p) => <PolicyScreen {...p} /> }
]
