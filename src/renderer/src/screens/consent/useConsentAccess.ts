import { useQuery } from '@tanstack/react-query'
import type { StaffRole } from '../../../../shared/domain'
import { call } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'

/**
 * The signed-in account's roles, from the app state App.tsx already loaded (same query key, so no
 * extra call). Consent work is for office staff and privacy officers (contract `consent.ts`); the
 * main process checks again on every call.
 */
export function useConsentAccess(): { desk: boolean; officer: boolean } {
  const state = useQuery({ queryKey: queryKeys.appState, queryFn: () => call('getAppState', {}) })
  const roles: StaffRole[] = state.data?.session?.roles ?? []
  return { desk: roles.includes('staff') || roles.includes('privacy_officer'), officer: roles.includes('privacy_officer') }
}
