import { InitialSchema1795790000000 } from './InitialSchema1795790000000'
import { PersonLastActivity1796400000000 } from './PersonLastActivity1796400000000'
import { AuditChainKey1796500000000 } from './AuditChainKey1796500000000'
import { ProcessingConsent1796630000000 } from './ProcessingConsent1796630000000'
import { ProcessingLimits1796610000000 } from './ProcessingLimits1796610000000'
import { RequestsBreachesProcessors1796620000000 } from './RequestsBreachesProcessors1796620000000'
import { InformTask1796640000000 } from './InformTask1796640000000'
import { SearchCoveringIndexes1796700000000 } from './SearchCoveringIndexes1796700000000'
import { DuplicateCheckIndex1796700000001 } from './DuplicateCheckIndex1796700000001'
import { RetentionCheckDate1796700000002 } from './RetentionCheckDate1796700000002'
import { PersonVersion1796800000000 } from './PersonVersion1796800000000'
import { SealedColumnWidth1796900000000 } from './SealedColumnWidth1796900000000'
import { PostcodeAreaIndex1797000000000 } from './PostcodeAreaIndex1797000000000'

/**
 * The ordered, explicit migration list. The schema version of a vault is the number of
 * migrations applied (kept in `PRAGMA user_version`); a vault with a higher number was written
 * by a newer Dossier and is refused (VAULT_FUTURE_SCHEMA) before anything is written.
 */
export const MIGRATIONS = [
  InitialSchema1795790000000,
  PersonLastActivity1796400000000,
  AuditChainKey1796500000000,
  ProcessingLimits1796610000000,
  RequestsBreachesProcessors1796620000000,
  ProcessingConsent1796630000000,
  InformTask1796640000000,
  SearchCoveringIndexes1796700000000,
  DuplicateCheckIndex1796700000001,
  RetentionCheckDate1796700000002,
  PersonVersion1796800000000,
  SealedColumnWidth1796900000000,
  PostcodeAreaIndex1797000000000
]
export const SCHEMA_VERSION = MIGRATIONS.length
