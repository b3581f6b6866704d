/**
 * Intake of a walk-in (R-2, R-3a, R-6, R-7, R-10, R-24): one keyboard-first flow in steps. The
 * first field of each step has focus; Enter moves on (Ctrl+Enter inside a text area); errors stand
 * next to their field and the first one gets focus. The values live in the in-memory draft
 * (intakeDraft.ts) so a lock or a failed save loses nothing.
 */
import { Alert, Button, FileInput, Group, Kbd, Loader, Modal, Paper, Stack, Stepper, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { zod4Resolver } from 'mantine-form-zod-resolver'
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DoNotContactIdentifier } from '../../../../shared/contract/people'
import { makeIntakeSchema } from '../../../../shared/person/personSchema'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { DoNotContactNotice } from './DoNotContactNotice'
import { errorsUnder, serverFieldErrors } from './fieldErrors'
import { ATTACHMENT_ACCEPT, fileToBase64, hasAllowedExtension } from './fileBytes'
import { clearDraft, saveDraft, takeDraft } from './intakeDraft'
import { IntakeReview } from './IntakeReview'
import { AvailabilityFields, ContactFields, ExperienceFields, PersonalFields, SourceFields } from './PersonFields'
import { INTAKE_STEPS, type PersonFormValues, emptyPersonForm, stepOfPath, toIntakeInput } from './personForm'
import { currentStatementVersion, useStatementVersions } from './statementVersions'
import { amsterdamToday } from '../../api/amsterdamToday'

const REVIEW = INTAKE_STEPS.length - 1

/** The form field each do-not-contact identifier comes from (a profile URL is the source detail). */
const DNC_FIELD: Record<DoNotContactIdentifier, string> = { email: 'email', phone: 'phone', url: 'source.detail' }

interface Duplicate {
  existingId: string
  shielded: boolean
}

/** Waits for the statement versions so the form starts with the one in force today. */
export function IntakeScreen(props: ScreenProps) {
  const versions = useStatementVersions()
  if (versions.isPending) return <Loader />
  return <IntakeFlow {...props} statementVersion={currentStatementVersion(versions.data)} />
}

function IntakeFlow({ session, navigate, statementVersion }: ScreenProps & { statementVersion: string }) {
  const { t } = useTranslation()
  const [today] = useState(amsterdamToday)
  const [restored] = useState(() => takeDraft(session.accountId))
  const [step, setStep] = useState(restored?.step ?? 0)
  const [cv, setCv] = useState<File | null>(restored?.cv ?? null)
  const [cvError, setCvError] = useState<string | null>(null)
  const [duplicate, setDuplicate] = useState<Duplicate | null>(null)
  const [dnc, setDnc] = useState<DoNotContactIdentifier | null>(null)
  const [confirmDiscard, setConfirmDiscard] = useState(false)
  const [checking, setChecking] = useState(false)
  const [checkError, setCheckError] = useState<unknown>(null)
  const panel = useRef<HTMLDivElement>(null)
  const finished = useRef(false)

  const resolver = useMemo(() => zod4Resolver(makeIntakeSchema(today)), [today])
  // Validated per step with the shared schema (validateStep), not all at once.
  const form = useForm<PersonFormValues>({ initialValues: restored?.values ?? emptyPersonForm(today, statementVersion) })

  // Every keystroke goes to the in-memory draft (not before anything was typed).
  useEffect(() => {
    if (finished.current) return
    if (restored || form.isDirty() || step > 0 || cv) saveDraft({ accountId: session.accountId, values: form.values, step, cv })
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [form.values, step, cv])

  const focusFirstError = () =>
    requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>('[aria-invalid="true"], [data-error="true"] input')?.focus())

  /** Shows the errors of one step's fields; true when the step is valid. */
  const validateStep = (index: number): boolean => {
    const errors = errorsUnder(resolver(form.values as unknown as Record<string, unknown>), INTAKE_STEPS[index]!.fields)
    form.setErrors(errors)
    if (Object.keys(errors).length > 0) focusFirstError()
    return Object.keys(errors).length === 0
  }

  /** the notice, and the matching field marked (which identifier, never what is stored). */
  const showDoNotContact = (identifier: DoNotContactIdentifier | null) => {
    setDnc(identifier)
    if (identifier) form.setFieldError(DNC_FIELD[identifier], 'dnc.fieldMatch')
  }

  /** flag a do-not-contact match as soon as the identifiers are known, before any save. */
  const matchesDoNotContact = async (): Promise<boolean> => {
    const v = form.values
    const profileUrl = v.source.kind === 'public-website' ? v.source.detail.trim() : ''
    if (!v.email.trim() && !v.phone.trim() && !profileUrl) return false
    setChecking(true)
    setCheckError(null)
    try {
      const r = await call('checkDoNotContact', { email: v.email, phone: v.phone, ...(profileUrl ? { profileUrl } : {}) })
      showDoNotContact(r.identifier)
      return r.matched
    } catch (e) {
      setCheckError(e)
      return true
    } finally {
      setChecking(false)
    }
  }

  const create = useMutation({
    mutationFn: async (confirmNotDuplicate: boolean) => {
      const { personId } = await call('createPerson', { ...toIntakeInput(form.values), ...(confirmNotDuplicate ? { confirmNotDuplicate: true } : {}) })
      // The person is saved; a CV the vault refuses (type, size) is reported on the person's attachments.
      let attachmentError: string | null = null
      if (cv) {
        try {
          await call('addAttachment', { personId, kind: 'cv', fileName: cv.name, contentBase64: await fileToBase64(cv) })
        } catch (e) {
          attachmentError = e instanceof ApiError ? e.code : 'INTERNAL'
        }
      }
      return { personId, attachmentError }
    },
    onSuccess: ({ personId, attachmentError }) => {
      finished.current = true
      clearDraft()
      notifications.show({ color: 'teal', message: t('intake.saved', { name: `${form.values.givenName} ${form.values.familyName}`.trim() }) })
      navigate('person', { personId, ...(attachmentError ? { tab: 'attachments', attachmentError } : {}) })
    },
    onError: (e) => {
      setDuplicate(null)
      if (e instanceof ApiError && e.code === 'DUPLICATE_PERSON' && typeof e.detail?.['existingId'] === 'string') {
        setDuplicate({ existingId: e.detail['existingId'], shielded: e.detail['shielded'] === true })
        return
      }
      if (e instanceof ApiError && e.code === 'DO_NOT_CONTACT_MATCH') {
        showDoNotContact((e.detail?.['identifier'] as DoNotContactIdentifier | undefined) ?? 'email')
        return
      }
      const errors = serverFieldErrors(e)
      form.setErrors(errors)
      const steps = Object.keys(errors).map(stepOfPath).filter((i) => i >= 0)
      if (steps.length > 0) {
        setStep(Math.min(...steps))
        focusFirstError()
      }
    }
  })

  const next = async () => {
    if (create.isPending || checking) return
    if (step === REVIEW) {
      create.reset()
      create.mutate(false)
      return
    }
    if (!validateStep(step)) return
    const id = INTAKE_STEPS[step]!.id
    if ((id === 'contact' || id === 'source') && (await matchesDoNotContact())) return
    setStep(step + 1)
  }

  const goTo = (index: number) => {
    if (index < step || INTAKE_STEPS.slice(0, index).every((_, i) => i < step || validateStep(i))) setStep(index)
  }

  const discard = () => {
    finished.current = true
    clearDraft()
    navigate('records')
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || e.altKey || e.shiftKey || e.nativeEvent.isComposing) return
    const target = e.target as HTMLElement
    // Ctrl+Enter always moves on. Plain Enter: buttons (Back, the CV chooser, review links) do
    // their own thing and a text area takes a new line; anywhere else it moves on.
    const always = e.ctrlKey || e.metaKey
    if (!always && (target.tagName === 'BUTTON' || target.tagName === 'A' || target.tagName === 'TEXTAREA')) return
    e.preventDefault()
    void next()
  }

  const current = INTAKE_STEPS[step]!.id
  const sectionProps = { form, autoFocus: true, today }

  return (
    <Stack gap="md" maw={980}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{t('intake.title')}</Title>
          <Text size="sm" c="dimmed" data-testid="intake-gate">
            {t('intake.gate')}
          </Text>
        </div>
        {restored && (
          <Text size="sm" c="dimmed" data-testid="intake-restored">
            {t('intake.restored')}
          </Text>
        )}
      </Group>

      <Stepper active={step} onStepClick={goTo} size="sm" iconSize={30} wrap={false} allowNextStepsSelect={false}>
        {INTAKE_STEPS.map((s) => (
          <Stepper.Step key={s.id} label={t(`intake.stepShort.${s.id}`)} aria-label={t(`intake.step.${s.id}`)} data-testid={`intake-step-${s.id}`} />
        ))}
      </Stepper>

      <form
        noValidate
        onKeyDown={onKeyDown}
        onSubmit={(e) => {
          e.preventDefault()
          void next()
        }}
        data-testid="intake-form"
        data-step={current}
      >
        <Paper withBorder p="lg" ref={panel}>
          <Stack gap="md">
            <Title order={4}>{t(`intake.step.${current}`)}</Title>
            <ErrorAlert error={checkError} />
            {dnc && <DoNotContactNotice identifier={dnc} onDiscard={() => setConfirmDiscard(true)} />}
            {current === 'personal' && <PersonalFields {...sectionProps} />}
            {current === 'contact' && (
              <>
                <Text size="sm" c="dimmed">
                  {t('intake.contactHint')}
                </Text>
                <ContactFields {...sectionProps} />
              </>
            )}
            {current === 'experience' && (
              <>
                <FileInput
                  label={t('intake.cv')}
                  description={t('intake.cvHint')}
                  placeholder={t('intake.cvPlaceholder')}
                  accept={ATTACHMENT_ACCEPT}
                  clearable
                  value={cv}
                  error={cvError}
                  autoFocus
                  onChange={(file) => {
                    setCvError(file && !hasAllowedExtension(file.name) ? t('errors.ATTACHMENT_TYPE_NOT_ALLOWED') : null)
                    setCv(file && hasAllowedExtension(file.name) ? file : null)
                  }}
                  data-testid="intake-cv"
                />
                <ExperienceFields {...sectionProps} autoFocus={false} />
              </>
            )}
            {current === 'availability' && <AvailabilityFields {...sectionProps} />}
            {current === 'source' && <SourceFields {...sectionProps} />}
            {current === 'review' && <IntakeReview values={form.values} cv={cv} onEdit={(i) => setStep(i)} />}
            {current === 'review' && !dnc && !duplicate && <ErrorAlert error={create.error} />}

            <Group justify="space-between" mt="xs">
              <Group gap="xs">
                <Button
                  // a new element on the review step, so that autoFocus puts Enter on "save"
                  key={current === 'review' ? 'save' : 'next'}
                  type="submit"
                  loading={create.isPending || checking}
                  autoFocus={current === 'review'}
                  data-testid="intake-next"
                >
                  {current === 'review' ? t('intake.save') : t('intake.next')}
                </Button>
                {step > 0 && (
                  <Button type="button" variant="default" onClick={() => setStep(step - 1)} data-testid="intake-back">
                    {t('intake.back')}
                  </Button>
                )}
                <Text size="xs" c="dimmed">
                  {current === 'review' ? (
                    <>
                      <Kbd size="xs">Enter</Kbd> {t('intake.keys.save')}
                    </>
                  ) : (
                    <>
                      <Kbd size="xs">Enter</Kbd> {t('intake.keys.next')}
                      {(current === 'experience' || current === 'availability') && (
                        <>
                          {' · '}
                          <Kbd size="xs">Ctrl</Kbd>+<Kbd size="xs">Enter</Kbd> {t('intake.keys.inText')}
                        </>
                      )}
                    </>
                  )}
                </Text>
              </Group>
              <Button type="button" variant="subtle" color="red" onClick={() => setConfirmDiscard(true)} data-testid="intake-discard">
                {t('intake.discard')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </form>

      <Modal opened={duplicate !== null} onClose={() => setDuplicate(null)} title={t('intake.duplicate.title')} centered>
        <Stack data-testid="duplicate-choice">
          <Text size="sm">{t('intake.duplicate.body')}</Text>
          {duplicate?.shielded && (
            <Alert color="orange" variant="light">
              {t('intake.duplicate.shielded')}
            </Alert>
          )}
          <Button data-autofocus onClick={() => duplicate && navigate('person', { personId: duplicate.existingId })} data-testid="duplicate-open">
            {t('intake.duplicate.open')}
          </Button>
          <Button
            variant="default"
            onClick={() => {
              setDuplicate(null)
              create.mutate(true)
            }}
            data-testid="duplicate-save-anyway"
          >
            {t('intake.duplicate.saveAnyway')}
          </Button>
          <Button variant="subtle" onClick={() => setDuplicate(null)}>
            {t('intake.duplicate.back')}
          </Button>
        </Stack>
      </Modal>

      <Modal opened={confirmDiscard} onClose={() => setConfirmDiscard(false)} title={t('intake.discardTitle')} centered>
        <Stack>
          <Text size="sm">{t('intake.discardBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" data-autofocus onClick={() => setConfirmDiscard(false)}>
              {t('common.cancel')}
            </Button>
            <Button color="red" onClick={discard} data-testid="intake-discard-confirm">
              {t('intake.discard')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  )
}
