import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { queryKeys } from '../../src/renderer/src/api/queryKeys'
import { resetSession } from '../../src/renderer/src/api/resetSession'

describe('react-query keys', () => {
  it('a family’s longer keys start with its short key, so one invalidation refreshes them all', () => {
    const families: [readonly unknown[], readonly unknown[]][] = [
      [queryKeys.persons.all, queryKeys.persons.search({ query: 'x' })],
      [queryKeys.person.all('p-1'), queryKeys.person.opened('p-1', 'reason')],
      [queryKeys.clients.all, queryKeys.clients.list('')],
      [queryKeys.disclosures.all('p-1'), queryKeys.disclosures.opened('p-1', null)],
      [queryKeys.subjectRequests.all, queryKeys.subjectRequests.list(true)],
      [queryKeys.audit.all, queryKeys.audit.list({ action: 'x' }, 200)]
    ]
    for (const [all, one] of families) expect(one.slice(0, all.length)).toEqual([...all])
  })

  it('after a lock forgets every cached answer (they may hold personal data) except the app state', () => {
    const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } })
    qc.setQueryData(queryKeys.appState, { state: 'locked' })
    qc.setQueryData(queryKeys.person.opened('p-1', null), { givenName: 'Sanne' })
    qc.setQueryData(queryKeys.persons.search({}), { items: [] })
    qc.setQueryData(queryKeys.settings, {})
    resetSession(qc)
    expect(qc.getQueryCache().getAll().map((q) => q.queryKey)).toEqual([[...queryKeys.appState]])
    qc.clear()
  })
})
