import '@mantine/core/styles.css'
import '@mantine/dates/styles.css'
import '@mantine/notifications/styles.css'
import './i18n'
import { MantineProvider, Modal, createTheme } from '@mantine/core'
import { Notifications } from '@mantine/notifications'
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { setNonce } from 'get-nonce'
import { type ReactNode, StrictMode, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { ApiError } from './api/call'
import { resetSession } from './api/resetSession'
import { styleNonce } from './styleNonce'

// Mantine's run-time <style> elements and react-remove-scroll's (modals) carry the page's nonce.
setNonce(styleNonce)

/**
 * The theme, in the language on screen: every modal's close button is named (axe: buttons need a
 * name), in the words of the current language.
 */
function ThemedProvider({ children }: { children: ReactNode }) {
  const { t, i18n } = useTranslation()
  const theme = useMemo(
    () =>
      createTheme({
        primaryColor: 'teal',
        defaultRadius: 'sm',
        fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
        components: { Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } }) }
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [i18n.language]
  )
  return (
    <MantineProvider theme={theme} getStyleNonce={() => styleNonce}>
      {children}
    </MantineProvider>
  )
}
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
