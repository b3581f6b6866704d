import { EntitySchema } from 'typeorm'
import { date, pk, ref, text } from './columns'

/** a client company (opdrachtgever). */
export interface Client {
  id: string
  name: string
  street: string | null
  houseNumber: string | null
  postcode: string | null
  city: string | null
  email: string | null
  phone: string | null
  createdAt: string
}
export const ClientEntity = new EntitySchema<Client>({
  name: 'Client',
  tableName: 'client',
  columns: {
    id: pk(),
    name: text(),
    street: text(true),
    houseNumber: text(true),
    postcode: text(true),
    city: text(true),
    email: text(true),
    phone: text(true),
    createdAt: date()
  }
})

/** a contact person (contactpersoon) at a client, with their function. */
export interface ClientContact {
  id: string
  clientId: string
  givenName: string
  familyName: string
  email: string | null
  phone: string | null
  function: string | null
}
export const ClientContactEntity = new EntitySchema<ClientContact>({
  name: 'ClientContact',
  tableName: 'client_contact',
  columns: { id: pk(), clientId: ref(), givenName: text(), familyName: text(), email: text(true), phone: text(true), function: text(true) },
  indices: [{ name: 'idx_client_contact_client', columns: ['clientId'] }]
})
