import type { QueryClient } from '@tanstack/react-query'

/** After a lock or sign-out: forget every answer that may hold personal data, re-ask the state. */
export function resetSession(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'appState' })
  void queryClient.refetchQueries({ queryKey: ['appState'] })
}
