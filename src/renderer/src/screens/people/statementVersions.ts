import { useQuery } from '@tanstack/react-query'
import type { StatementVersionView } from '../../../../shared/contract/governance'
import { call } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'

/**
 * the privacy-statement versions (governance's register), newest valid-from first. The
 * intake offers them in a select and pre-selects the one in force today.
 */
export function useStatementVersions() {
  return useQuery({ queryKey: queryKeys.statementVersions, queryFn: () => call('listStatementVersions', {}), staleTime: 60_000 })
}

/** The version in force today, or the newest one, or '' when the register is empty. */
export function currentStatementVersion(versions: readonly StatementVersionView[] | undefined): string {
  return (versions?.find((v) => v.current) ?? versions?.[0])?.version ?? ''
}
