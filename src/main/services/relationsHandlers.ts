import type { relationsOperations } from '../../shared/contract/relations'
import { addAssignment, listAssignments } from '../relations/assignments'
import { addClientContact, removeClientContact, updateClientContact } from '../relations/clientContacts'
import { createClient, getClient, listClients, updateClient } from '../relations/clients'
import { createDisclosure } from '../relations/createDisclosure'
import { currentDisclosureRules, saveDisclosureRules, toRulesView } from '../relations/disclosureRulesStore'
import { listDisclosures } from '../relations/listDisclosures'
import { previewDisclosure } from '../relations/previewDisclosure'
import type { Handlers } from './handlerTypes'

/** R-9a: clients, contacts, assignments and disclosures (logic in `main/relations/`). */
export const relationsHandlers = {
  createClient: async (input, app) => createClient(app, input),
  updateClient: async (input, app) => updateClient(app, input),
  listClients: async (input, app) => listClients(app, input),
  getClient: async (input, app) => getClient(app, input),
  addClientContact: async (input, app) => addClientContact(app, input),
  updateClientContact: async (input, app) => updateClientContact(app, input),
  removeClientContact: async (input, app) => removeClientContact(app, input),
  addAssignment: async (input, app) => addAssignment(app, input),
  listAssignments: async (input, app) => listAssignments(app, input),
  getDisclosureRules: async (_input, app) => toRulesView(await app.read(({ manager }) => currentDisclosureRules(manager))),
  updateDisclosureRules: async ({ reason, ...rules }, app) => saveDisclosureRules(app, rules, reason),
  previewDisclosure: async (input, app) => previewDisclosure(app, input),
  createDisclosure: async (input, app) => createDisclosure(app, input),
  listDisclosures: async (input, app) => listDisclosures(app, input)
} satisfies Handlers<keyof typeof relationsOperations>
