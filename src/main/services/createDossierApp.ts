import type { Clock } from '../clock'
import { DossierApp } from './DossierApp'

/** Builds the application core with every capability's unlock hook (retention catch-up, ...). */
export function createDossierApp(opts: { vaultDir: string; clock: Clock; kdfN?: number }): DossierApp {
  return new DossierApp(opts)
}
