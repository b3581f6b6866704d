import { consentScreens } from './consent'
import { governanceScreens } from './governance'
import { peopleScreens } from './people'
import { relationsScreens } from './relations'
import { retentionScreens } from './retention'
import { rightsScreens } from './rights'
import { AccountsScreen } from './AccountsScreen'
import type { ScreenDef } from './screenTypes'

/** The navigation: each capability contributes its screens; the first visible one is home (people's records list). */
export const SCREENS: ScreenDef[] = [
  ...peopleScreens,
  ...relationsScreens,
  ...consentScreens,
  ...retentionScreens,
  ...rightsScreens,
  ...governanceScreens,
  { id: 'accounts', roles: ['admin'], render: () => <AccountsScreen /> }
]
