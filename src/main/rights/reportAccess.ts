import { DossierError } from '../../shared/errors'
import type { Workspace } from '../workspace/Workspace'
import type { Person } from '../vault/entities/Person'

/**
 * a record that is not active (shielded, legal hold, due for deletion) is not in anything
 * office staff print or export; only a privacy officer may produce its access report or export
 * (the person's own request is the stated reason, and the opening is audited by the caller).
 */
export function assertMayProduceFor(ws: Workspace, person: Pick<Person, 'state'>): void {
  if (person.state !== 'active' && !ws.hasRole('privacy_officer')) {
    throw new DossierError('RETENTION_SHIELDED', 'This record is shielded; only a privacy officer can produce its report or export.')
  }
}
