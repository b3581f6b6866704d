import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import './i18n'
import { Notifications } from '@mantine/notifications'
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { setNonce } from 'get-nonce'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ApiError } from './api/call'
import { resetSession } from './api/resetSession'
import { styleNonce } from './styleNonce'
import { ThemedProvider } from './theme/ThemedProvider'

// Mantine's run-time <style> elements and react-remove-scroll's (modals) carry the page's nonce.
setNonce(styleNonce)

/** Any call answered "locked" (idle lock in main, suspend) sends the user back to sign-in. */
function onApiError(e: unknown): void {
  if (e instanceof ApiError && (e.code === 'VAULT_LOCKED' || e.code === 'NOT_SIGNED_IN')) resetSession(queryClient)
}
const queryClient: QueryClient = new QueryClient({
  defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false } },
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError })
})

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ThemedProvider>
      <Notifications position="top-right" />
      <QueryClientProvider client={queryClient}>
        <App />
      </QueryClientProvider>
    </ThemedProvider>
  </StrictMode>
)
