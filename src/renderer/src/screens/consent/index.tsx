import type { ScreenDef } from '../screenTypes'
import { ConsentPersonScreen } from './ConsentPersonScreen'
import { ConsentReviewScreen } from './ConsentReviewScreen'

/** Screens of the consent capability, in navigation order. */
export const consentScreens: ScreenDef[] = [
  { id: 'consents', roles: ['privacy_officer'], render: (p) => <ConsentReviewScreen {...p} /> },
  // key: another person is a fresh screen, not the previous one's state (shown special data included).
  { id: 'consent-person', roles: ['staff', 'privacy_officer'], hidden: true, render: (p) => <ConsentPersonScreen key={p.params['personId'] ?? ''} {...p} /> }
]
