import { consentScreens } from './consent'
import { governanceScreens } from './governance'
import { peopleScreens } from './people'
import { relationsScreens } from './relations'
import { retentionScreens } from './retention'
import { rightsScreens } from './rights'
import { AccountsScreen } from './AccountsScreen'
import { RecordsScreen } from './RecordsScreen'
import type { ScreenDef } from './screenTypes'

/** The navigation: each capability contributes its screens; the first visible one is home. */
export const SCREENS: ScreenDef[] = [
  ...(peopleScreens.length ? [] : [{ id: 'records', roles: ['staff', 'privacy_officer', 'admin'], render: () => <RecordsScreen /> } satisfies ScreenDef]),
  ...peopleScreens,
  ...relationsScreens,
  ...consentScreens,
  ...retentionScreens,
  ...rightsScreens,
  ...governanceScreens,
  { id: 'accounts', roles: ['admin'], render: () => <AccountsScreen /> }
]
