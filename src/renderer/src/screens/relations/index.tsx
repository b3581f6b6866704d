import type { ScreenDef } from '../screenTypes'
import { ClientDetailScreen } from './ClientDetailScreen'
import { ClientsScreen } from './ClientsScreen'
import { SharePersonScreen } from './SharePersonScreen'

const STAFF: ScreenDef['roles'] = ['staff', 'privacy_officer', 'admin']

/** Screens of the relations capability, in navigation order. */
export const relationsScreens: ScreenDef[] = [
  { id: 'clients', roles: STAFF, render: ({ navigate }) => <ClientsScreen navigate={navigate} /> },
  { id: 'client', roles: STAFF, hidden: true, render: ({ navigate, params }) => <ClientDetailScreen key={params['clientId']} clientId={params['clientId'] ?? ''} navigate={navigate} /> },
  { id: 'share-person', roles: STAFF, hidden: true, render: ({ params }) => <SharePersonScreen key={params['personId']} personId={params['personId'] ?? ''} {...(params['clientId'] ? { clientId: params['clientId'] } : {})} /> }
]
