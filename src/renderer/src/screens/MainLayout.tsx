import { Alert, AppShell, Badge, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core'
import { useIdle } from '@mantine/hooks'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SessionInfo } from '../../../shared/contract/session'
import type { StaffRole } from '../../../shared/domain'
import { call } from '../api/call'
import { resetSession } from '../api/resetSession'
import { clearDraft } from './people/intakeDraft'
import { clearSearch } from './people/recordsSearch'
import { LanguageSwitch } from '../components/LanguageSwitch'
import { SCREENS } from './screens'
import './skipLink.css'
import { formatLocal } from './governance/localTime'
import { instantToLocal } from '../../../shared/time'

/** The signed-in app: navigation by role, the current screen, idle lock, lock/sign-out. */
export function MainLayout({ session, idleLockMinutes }: { session: SessionInfo; idleLockMinutes: number }) {
  const { t, i18n } = useTranslation()
  const queryClient = useQueryClient()
  const [nav, setNav] = useState<{ screen: string; params: Record<string, string> }>({ screen: '', params: {} })
  const navigate = (screen: string, params: Record<string, string> = {}) => setNav({ screen, params })
  const idle = useIdle(idleLockMinutes * 60_000, { initialState: false })
  const lock = useMutation({
    mutationFn: (reason: 'idle' | 'manual') => call('lock', { reason }),
    onSettled: () => resetSession(queryClient)
  })
  const signOut = useMutation({
    mutationFn: () => call('signOut', {}),
    onSettled: () => {
      clearDraft() // a kept intake draft survives a lock, never a sign-out
      clearSearch() // so does the records search left behind
      resetSession(queryClient)
    }
  })
  // Issue 18 point 4: the vault's integrity check runs after unlocking; the answer comes once it is done.
  const vaultCheck = useQuery({ queryKey: ['vaultCheck', session.accountId], queryFn: () => call('awaitVaultCheck', {}), staleTime: Infinity, retry: false })
  useEffect(() => {
    if (idle) lock.mutate('idle')
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [idle])

  const allowed = SCREENS.filter((s) => s.roles.some((r: StaffRole) => session.roles.includes(r)))
  const current = allowed.find((s) => s.id === nav.screen) ?? allowed[0]!
  // A hidden screen (a person's page) keeps the item it was opened from active (issue 16).
  const activeId = current.hidden ? (allowed.find((s) => !s.hidden && s.id === nav.params['from'])?.id ?? allowed[0]!.id) : current.id
  const content = current.render({ session, navigate, params: nav.params })

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <a href="#main-content" className="skip-link" data-testid="skip-link">
        {t('nav.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Group gap="xs">
            <Text fw={700} fz="xl">{t('app.name')}</Text>
            <Text size="sm" c="dimmed">
              {session.displayName}
            </Text>
            {session.roles.map((r) => (
              <Badge key={r} size="xs" variant="light">
                {t(`roles.${r}`)}
              </Badge>
            ))}
          </Group>
          <Group gap="xs">
            <LanguageSwitch />
            <Button size="xs" variant="default" onClick={() => lock.mutate('manual')} data-testid="lock-button">
              {t('nav.lock')}
            </Button>
            <Button size="xs" variant="subtle" onClick={() => signOut.mutate()} data-testid="signout-button">
              {t('nav.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.label')}>
        <ScrollArea>
          <Stack gap={2}>
            {allowed.filter((s) => !s.hidden).map((s) => (
              <NavLink
                key={s.id}
                component="button"
                type="button"
                label={t(`nav.${s.id}`)}
                active={s.id === activeId}
                aria-current={s.id === activeId ? 'page' : undefined}
                onClick={() => navigate(s.id)}
                data-testid={`nav-${s.id}`}
              />
            ))}
          </Stack>
        </ScrollArea>
      </AppShell.Navbar>
      <AppShell.Main id="main-content" tabIndex={-1}>
        {vaultCheck.data?.integrity === 'damaged' && (
          <Alert color="red" mb="md" role="alert" title={t('vaultCheck.damagedTitle')} data-testid="vault-damaged">
            {t('vaultCheck.damagedBody')}
          </Alert>
        )}
        {session.auditAlert && (
          <Alert color="red" mb="md" title={t('governance.audit.alertTitle')} data-testid="audit-alert">
            {t(`governance.audit.brokenWitness.${session.auditAlert.problem}`, {
              seq: session.auditAlert.seq,
              account: session.auditAlert.accountName ?? t('governance.audit.unknownAccount'),
              at: formatLocal(instantToLocal(session.auditAlert.witnessedAt), i18n.language)
            })}{' '}
            {t('governance.audit.alertAction')}
          </Alert>
        )}
        {content}
      </AppShell.Main>
    </AppShell>
  )
}
