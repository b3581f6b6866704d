/**
 * a privacy officer lifts a do-not-contact entry at the person's own request: the person is
 * recognised by the e-mail address, phone number or profile URL they were registered with (the
 * register keeps only keyed hashes), and the reason is recorded in the audit trail.
 */
import { Button, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'

const IDENTIFIERS = ['email', 'phone', 'profileUrl'] as const
type Identifier = (typeof IDENTIFIERS)[number]

export function LiftDoNotContactAction() {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const [values, setValues] = useState<Record<Identifier | 'reason', string>>({ email: '', phone: '', profileUrl: '', reason: '' })
  const [missing, setMissing] = useState<Partial<Record<Identifier | 'reason', string>>>({})
  const lift = useMutation({
    mutationFn: () =>
      call('liftDoNotContact', {
        ...Object.fromEntries(IDENTIFIERS.filter((k) => values[k].trim()).map((k) => [k, values[k].trim()])),
        reason: values.reason
      }),
    onSuccess: (r) => {
      setOpen(false)
      setValues({ email: '', phone: '', profileUrl: '', reason: '' })
      notifications.show({ color: 'teal', message: t('dnc.lift.done', { count: r.lifted }) })
    }
  })
  // Errors next to their field: what the service names (no match, bad format) or what is missing.
  const errorOf = (field: Identifier | 'reason'): string | undefined => {
    if (missing[field]) return missing[field]
    const issue = lift.error instanceof ApiError ? lift.error.issues.find((i) => i.path === field || (field === 'email' && i.path === 'entryId')) : undefined
    return issue ? t(issue.key) : undefined
  }
  const anyFieldError = [...IDENTIFIERS, 'reason' as const].some((f) => errorOf(f) !== undefined)
  const input = (field: Identifier | 'reason', autoFocus = false) => (
    <TextInput
      label={t(`dnc.lift.${field}`)}
      value={values[field]}
      onChange={(e) => {
        const value = e.currentTarget.value
        setValues((v) => ({ ...v, [field]: value }))
        setMissing({})
      }}
      error={errorOf(field)}
      withAsterisk={field === 'reason'}
      data-autofocus={autoFocus || undefined}
      data-testid={`dnc-lift-${field}`}
    />
  )
  return (
    <>
      <Button variant="default" onClick={() => setOpen(true)} data-testid="dnc-lift-open">
        {t('dnc.lift.title')}
      </Button>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('dnc.lift.title')} centered>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault()
            const problems = {
              ...(IDENTIFIERS.some((k) => values[k].trim()) ? {} : { email: t('validation.required') }),
              ...(values.reason.trim() ? {} : { reason: t('validation.required') })
            }
            setMissing(problems)
            if (Object.keys(problems).length === 0) lift.mutate()
          }}
        >
          <Stack>
            <Text size="sm">{t('dnc.lift.body')}</Text>
            {input('email', true)}
            {input('phone')}
            {input('profileUrl')}
            {input('reason')}
            {!anyFieldError && <ErrorAlert error={lift.error} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setOpen(false)}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={lift.isPending} data-testid="dnc-lift-confirm">
                {t('dnc.lift.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>
    </>
  )
}
