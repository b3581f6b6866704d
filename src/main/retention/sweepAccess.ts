import type { Workspace } from '../workspace/Workspace'

/**
 * Whether a sweep on this workspace sees every record it must evaluate. A local vault's sweep
 * does, whoever signed in. On the office server a login sees what its roles allow (row-level
 * security, server/serverRoles.ts): a staff login sees active records only and no special-category
 * data, so its sweep would evaluate part of the office, fail at the first shield or reduction (the
 * record would leave what staff may see), and after a change of policy mark every stored check
 * date as computed under the new version without having read the restricted records — their
 * deletions would come at the old, later dates. There only a privacy officer's or an
 * administrator's login sees every row; the scheduler does not start the office's runs on other
 * desks (services/retentionScheduling.ts), and `sweepDue` refuses them.
 */
export async function sweepSeesEveryRecord(ws: Workspace): Promise<boolean> {
  if (ws.hasRole('privacy_officer', 'admin')) return true
  return ws.read(async ({ manager }) => manager.connection.driver.options.type !== 'postgres')
}
