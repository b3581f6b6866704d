import { Center, Loader } from '@mantine/core'
import { useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect } from 'react'
import { call } from './api/call'
import { resetSession } from './api/resetSession'
import { MainLayout } from './screens/MainLayout'
import { SetupScreen } from './screens/SetupScreen'
import { SignInScreen } from './screens/SignInScreen'
import { queryKeys } from './api/queryKeys'

/** Top level: first-run setup, sign-in, or the signed-in app — decided by the main process. */
export function App() {
  const queryClient = useQueryClient()
  const state = useQuery({ queryKey: queryKeys.appState, queryFn: () => call('getAppState', {}) })

  useEffect(() => {
    // Main locked the vault (idle, suspend, screen lock): drop every cached answer, show sign-in.
    return window.dossierEvents?.onLocked(() => resetSession(queryClient))
  }, [queryClient])

  if (!state.data) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    )
  }
  if (state.data.vault === 'none') return <SetupScreen />
  if (state.data.vault === 'locked' || !state.data.session) return <SignInScreen />
  return <MainLayout session={state.data.session} idleLockMinutes={state.data.idleLockMinutes} />
}
