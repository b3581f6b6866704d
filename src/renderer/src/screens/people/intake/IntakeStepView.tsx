import { FileInput, Text } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { Dispatch, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CalendarDate } from '../../../../../shared/domain'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { ATTACHMENT_ACCEPT } from '../fileBytes'
import { IntakeReview } from '../IntakeReview'
import { AvailabilityFields, ContactFields, ExperienceFields, PersonalFields, SourceFields } from '../PersonFields'
import type { IntakeStepId, PersonFormValues } from '../personForm'
import type { IntakeAction, IntakeState } from './intakeFlow'

export interface IntakeStepProps {
  form: UseFormReturnType<PersonFormValues>
  today: CalendarDate
  state: IntakeState
  dispatch: Dispatch<IntakeAction>
  /** The last save's error, shown on the review step. */
  saveError: unknown
}

/** Each step's first field has focus when the step appears (keyboard-first intake). */
function PersonalStep({ form, today }: IntakeStepProps) {
  return <PersonalFields form={form} today={today} autoFocus />
}

function ContactStep({ form, today }: IntakeStepProps) {
  const { t } = useTranslation()
  return (
    <>
      <Text size="sm" c="dimmed">
        {t('intake.contactHint')}
      </Text>
      <ContactFields form={form} today={today} autoFocus />
    </>
  )
}

/** The CV comes first here; it is uploaded after the person is saved. */
function ExperienceStep({ form, today, state, dispatch }: IntakeStepProps) {
  const { t } = useTranslation()
  return (
    <>
      <FileInput
        label={t('intake.cv')}
        description={t('intake.cvHint')}
        placeholder={t('intake.cvPlaceholder')}
        accept={ATTACHMENT_ACCEPT}
        clearable
        value={state.cv}
        error={state.cvError ? t(state.cvError) : null}
        autoFocus
        onChange={(file) => dispatch({ type: 'cvChosen', file })}
        data-testid="intake-cv"
      />
      <ExperienceFields form={form} today={today} autoFocus={false} />
    </>
  )
}

function AvailabilityStep({ form, today }: IntakeStepProps) {
  return <AvailabilityFields form={form} today={today} autoFocus />
}

function SourceStep({ form, today }: IntakeStepProps) {
  return <SourceFields form={form} today={today} autoFocus />
}

function ReviewStep({ form, state, dispatch, saveError }: IntakeStepProps) {
  return (
    <>
      <IntakeReview values={form.values} cv={state.cv} onEdit={(step) => dispatch({ type: 'goTo', step })} />
      {/* A do-not-contact match or a duplicate has its own notice or dialog. */}
      {!state.doNotContact && !state.duplicate && <ErrorAlert error={saveError} />}
    </>
  )
}

const STEPS: Record<IntakeStepId, (props: IntakeStepProps) => ReactNode> = {
  personal: PersonalStep,
  contact: ContactStep,
  experience: ExperienceStep,
  availability: AvailabilityStep,
  source: SourceStep,
  review: ReviewStep
}

/** The fields (or the review) of one intake step. */
export function IntakeStepView({ id, ...props }: IntakeStepProps & { id: IntakeStepId }) {
  const Step = STEPS[id]
  return <Step {...props} />
}
