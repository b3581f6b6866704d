/**
 * Intake of a walk-in (R-2, R-3a, R-6, R-7, R-10, R-24): one keyboard-first flow in steps. The
 * first field of each step has focus; Enter moves on (Ctrl+Enter inside a text area); errors stand
 * next to their field and the first one gets focus. The values live in the in-memory draft
 * (intakeDraft.ts) so a lock or a failed save loses nothing. Free text that looks like special data
 * is flagged while typing and asked about before the save (R-4a). The flow's state is a pure reducer
 * (intake/intakeFlow.ts); each step is its own component (intake/IntakeStepView.tsx).
 */
import { Group, Loader, Paper, Stack, Stepper, Text, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation } from '@tanstack/react-query'
import { type KeyboardEvent, useEffect, useMemo, useReducer, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DoNotContactIdentifier } from '../../../../shared/contract/people'
import { makeIntakeSchema } from '../../../../shared/person/personSchema'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { DoNotContactNotice } from './DoNotContactNotice'
import { errorsUnder, serverFieldErrors } from './fieldErrors'
import { fileToBase64 } from './fileBytes'
import { DiscardDialog } from './intake/DiscardDialog'
import { DuplicateDialog } from './intake/DuplicateDialog'
import { SpecialDataAlert, SpecialDataDialog } from './SpecialDataWarning'
import { detectSpecialDataInFields } from '../../../../shared/person/detectSpecialData'
import { IntakeActions } from './intake/IntakeActions'
import { IntakeMatchNotice, useIntakeMatch } from './intake/IntakeMatchNotice'
import { IntakeStepView } from './intake/IntakeStepView'
import { DNC_FIELD, REVIEW_STEP, checksDoNotContact, doNotContactQuery, enterMovesOn, firstStepWithError, initialIntakeState, intakeReducer, saveFailureOf } from './intake/intakeFlow'
import { clearDraft, saveDraft, takeDraft } from './intakeDraft'
import { INTAKE_STEPS, type PersonFormValues, emptyPersonForm, stepOfPath, toIntakeInput } from './personForm'
import { currentStatementVersion, useStatementVersions } from './statementVersions'
import { amsterdamToday } from '../../../../shared/time'
import { schemaResolver } from '../../forms/schemaResolver'

/** Waits for the statement versions so the form starts with the one in force today. */
export function IntakeScreen(props: ScreenProps) {
  const versions = useStatementVersions()
  if (versions.isPending) return <Loader />
  return <IntakeFlow {...props} statementVersion={currentStatementVersion(versions.data)} />
}

function IntakeFlow({ session, navigate, statementVersion }: ScreenProps & { statementVersion: string }) {
  const { t } = useTranslation()
  const [today] = useState(() => amsterdamToday(Date.now()))
  const [restored] = useState(() => takeDraft(session.accountId))
  const [state, dispatch] = useReducer(intakeReducer, restored, initialIntakeState)
  const { step, cv } = state
  const panel = useRef<HTMLDivElement>(null)
  const finished = useRef(false)

  const resolver = useMemo(() => schemaResolver(makeIntakeSchema(today)), [today])
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
    const errors = errorsUnder(resolver(form.values), INTAKE_STEPS[index]!.fields)
    form.setErrors(errors)
    if (Object.keys(errors).length > 0) focusFirstError()
    return Object.keys(errors).length === 0
  }

  /** the matching field marked (which identifier, never what is stored). */
  const markDoNotContact = (identifier: DoNotContactIdentifier | null) => {
    if (identifier) form.setFieldError(DNC_FIELD[identifier], 'dnc.fieldMatch')
  }

  /** flag a do-not-contact match as soon as the identifiers are known, before any save. */
  const matchesDoNotContact = async (): Promise<boolean> => {
    const query = doNotContactQuery(form.values)
    if (!query) return false
    dispatch({ type: 'checkStarted' })
    try {
      const r = await call('checkDoNotContact', query)
      dispatch({ type: 'checkAnswered', identifier: r.identifier })
      markDoNotContact(r.identifier)
      return r.matched
    } catch (e) {
      dispatch({ type: 'checkFailed', error: e })
      return true
    }
  }

  // Issue 16: the duplicate and do-not-contact check while typing (step 1: family name and birth
  // date; the contact step: e-mail and phone), so a known person is opened instead of re-entered.
  const { match, checking: matchChecking } = useIntakeMatch(form.values)
  const [dismissedMatch, setDismissedMatch] = useState<string | null>(null)
  const liveDoNotContact = match?.doNotContact ?? null
  useEffect(() => {
    if (liveDoNotContact && liveDoNotContact !== state.doNotContact) {
      dispatch({ type: 'checkAnswered', identifier: liveDoNotContact })
      markDoNotContact(liveDoNotContact)
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [liveDoNotContact])
  const openExisting = (personId: string) => {
    // The person is known: what was typed here is not kept.
    finished.current = true
    clearDraft()
    navigate('person', { personId, from: 'records' })
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
      // Focus goes to the new record's title (issue 16), not to <body>.
      navigate('person', { personId, focus: 'title', ...(attachmentError ? { tab: 'attachments', attachmentError } : {}) })
    },
    onError: (e) => {
      const failure = saveFailureOf(e, serverFieldErrors)
      dispatch({ type: 'saveFailed', failure })
      if (failure.kind === 'doNotContact') markDoNotContact(failure.identifier)
      if (failure.kind === 'fields') {
        form.setErrors(failure.errors)
        if (firstStepWithError(failure.errors) !== null) focusFirstError()
      }
    }
  })

  // R-4a: free text that looks like special data, live; the save asks first (SpecialDataDialog).
  const specialHints = useMemo(() => detectSpecialDataInFields(form.values), [form.values])
  const [specialAsked, setSpecialAsked] = useState(false)

  const save = () => {
    create.reset()
    create.mutate(false)
  }

  /** Back to the first field that looks like special data, with focus on it. */
  const adjustSpecial = () => {
    setSpecialAsked(false)
    const first = specialHints[0]
    if (!first) return
    dispatch({ type: 'goTo', step: stepOfPath(first.field) })
    requestAnimationFrame(() => panel.current?.querySelector<HTMLElement>(`[data-testid="field-${first.field}"]`)?.focus())
  }

  const next = async () => {
    if (create.isPending || state.checking) return
    if (step === REVIEW_STEP) {
      if (specialHints.length > 0) setSpecialAsked(true)
      else save()
      return
    }
    if (!validateStep(step)) return
    if (checksDoNotContact(step) && (await matchesDoNotContact())) return
    dispatch({ type: 'next' })
  }

  const goTo = (index: number) => {
    if (index < step || INTAKE_STEPS.slice(0, index).every((_, i) => i < step || validateStep(i))) dispatch({ type: 'goTo', step: index })
  }

  const discard = () => {
    finished.current = true
    clearDraft()
    navigate('records')
  }

  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    const press = { key: e.key, altKey: e.altKey, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, isComposing: e.nativeEvent.isComposing }
    if (!enterMovesOn({ ...press, targetTag: (e.target as HTMLElement).tagName })) return
    e.preventDefault()
    void next()
  }

  const current = INTAKE_STEPS[step]!.id

  return (
    <Stack gap="md" maw={980}>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('intake.title')}</Title>
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
          <Stepper.Step key={s.id} label={t(`intake.step.${s.id}`)} data-testid={`intake-step-${s.id}`} />
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
            <ErrorAlert error={state.checkError} />
            {state.doNotContact && <DoNotContactNotice identifier={state.doNotContact} onDiscard={() => dispatch({ type: 'discardAsked' })} />}
            <IntakeStepView id={current} form={form} today={today} state={state} dispatch={dispatch} saveError={create.error} />
            {(current === 'personal' || current === 'contact') && (
              <IntakeMatchNotice
                match={match?.duplicate && match.duplicate.personId === dismissedMatch ? undefined : match}
                checking={matchChecking}
                onOpen={openExisting}
                onDismiss={() => setDismissedMatch(match?.duplicate?.personId ?? null)}
              />
            )}
            <SpecialDataAlert hints={current === 'review' ? specialHints : specialHints.filter((h) => stepOfPath(h.field) === step)} />
            <IntakeActions
              current={current}
              busy={create.isPending || state.checking}
              onBack={step > 0 ? () => dispatch({ type: 'back' }) : null}
              onDiscard={() => dispatch({ type: 'discardAsked' })}
            />
          </Stack>
        </Paper>
      </form>

      <DuplicateDialog
        duplicate={state.duplicate}
        onOpen={(personId) => navigate('person', { personId })}
        onSaveAnyway={() => {
          dispatch({ type: 'duplicateClosed' })
          create.mutate(true)
        }}
        onClose={() => dispatch({ type: 'duplicateClosed' })}
      />
      <SpecialDataDialog
        hints={specialAsked ? specialHints : null}
        onAdjust={adjustSpecial}
        onSaveAnyway={() => {
          setSpecialAsked(false)
          save()
        }}
      />
      <DiscardDialog opened={state.confirmDiscard} onCancel={() => dispatch({ type: 'discardCancelled' })} onDiscard={discard} />
    </Stack>
  )
}
