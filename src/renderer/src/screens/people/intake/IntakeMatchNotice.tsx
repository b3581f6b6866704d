import { Alert, Button, Group, Loader, Text } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { OperationInput, OperationOutput } from '../../../../../shared/contract/client'
import { formatDate } from '../../../../../shared/time'
import { isCalendarDate } from '../../../../../shared/validation/calendarDate'
import { emailSchema } from '../../../../../shared/validation/email'
import { normalisePhone } from '../../../../../shared/validation/phone'
import { call } from '../../../api/call'
import { queryKeys } from '../../../api/queryKeys'
import type { PersonFormValues } from '../personForm'

type MatchInput = OperationInput<'checkIntakeMatch'>
export type IntakeMatch = OperationOutput<'checkIntakeMatch'>

/**
 * What the check can use so far: a family name with a whole birth date, an e-mail address, a
 * phone number — each only once it is complete and valid (half-typed values match nothing).
 * Null while there is nothing to check.
 */
export function intakeMatchInput(v: Pick<PersonFormValues, 'familyName' | 'birthDate' | 'email' | 'phone'>): MatchInput | null {
  const familyName = v.familyName.trim()
  const email = emailSchema.safeParse(v.email.trim())
  const phone = v.phone.trim() ? normalisePhone(v.phone) : null
  const input: MatchInput = {
    ...(familyName && isCalendarDate(v.birthDate) ? { familyName, birthDate: v.birthDate } : {}),
    ...(v.email.trim() && email.success ? { email: email.data } : {}),
    ...(phone ? { phone } : {})
  }
  return Object.keys(input).length > 0 ? input : null
}

/**
 * Issue 16 point 5: the duplicate and do-not-contact check (the main process's own, as the save
 * makes it) as soon as a family name and birth date, an e-mail or a phone are typed — debounced,
 * so a person already known is opened instead of typed in again through every step.
 */
export function useIntakeMatch(values: PersonFormValues): { match: IntakeMatch | undefined; checking: boolean } {
  const input = useMemo(() => intakeMatchInput(values), [values])
  const [debounced] = useDebouncedValue(input, 400)
  const query = useQuery({
    queryKey: queryKeys.intakeMatch(debounced ?? {}),
    queryFn: () => call('checkIntakeMatch', debounced!),
    enabled: debounced !== null,
    placeholderData: keepPreviousData,
    staleTime: 30_000
  })
  return { match: debounced === null ? undefined : query.data, checking: query.isFetching }
}

/** The match as staff see it: who (reference, name, birth date) and a way to open them; a shielded record only as a fact. */
export function IntakeMatchNotice({ match, checking, onOpen, onDismiss }: { match: IntakeMatch | undefined; checking: boolean; onOpen: (personId: string) => void; onDismiss: () => void }) {
  const { t, i18n } = useTranslation()
  const d = match?.duplicate
  if (!d) {
    return checking ? (
      <Group gap="xs" data-testid="intake-match-checking">
        <Loader size="xs" />
        <Text size="xs" c="dimmed">
          {t('intake.match.checking')}
        </Text>
      </Group>
    ) : null
  }
  const on = t(`intake.match.on.${d.matchedOn}`)
  return (
    <Alert color="orange" variant="light" title={t('intake.match.title')} role="status" data-testid="intake-match" data-person-id={d.personId}>
      <Text size="sm">
        {d.shielded
          ? t('intake.match.shielded', { on })
          : t(d.ref ? 'intake.match.body' : 'intake.match.bodyNoRef', {
              on,
              name: `${d.givenName ?? ''} ${d.familyName ?? ''}`.trim(),
              birthDate: d.birthDate ? formatDate(d.birthDate, i18n.language) : '—',
              ref: d.ref ?? ''
            })}
      </Text>
      <Group mt="sm" gap="xs">
        {!d.shielded && (
          <Button size="xs" onClick={() => onOpen(d.personId)} data-testid="intake-match-open">
            {t('intake.match.open')}
          </Button>
        )}
        <Button size="xs" variant="default" onClick={onDismiss} data-testid="intake-match-dismiss">
          {t('intake.match.continue')}
        </Button>
      </Group>
    </Alert>
  )
}
