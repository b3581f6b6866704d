/**
 * The sections of the person form, shared by the intake steps and the rectification form. Field
 * order is the tab order; every field has `data-testid="field-<path>"`. R-3a: no BSN, no health
 * or other special-category field exists here, and the free-text fields say so.
 */
import { Checkbox, Grid, NativeSelect, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { GENDERS, PERSON_ROLES, PURPOSES, SOURCE_KINDS } from '../../../../shared/domain'
import { REGISTERED_ROLES } from '../../../../shared/person/personSchema'
import { ageOn } from '../../../../shared/validation/calendarDate'
import { DateField } from '../../components/DateField'
import type { PersonFormValues } from './personForm'
import { useFieldProps } from './fieldErrors'
import { formatDate } from '../../../../shared/time'
import { useStatementVersions } from './statementVersions'

type Form = UseFormReturnType<PersonFormValues>

interface SectionProps {
  form: Form
  /** Focus the section's first field when it appears (each intake step). */
  autoFocus?: boolean
  today: string
}

const testId = (path: string) => ({ 'data-testid': `field-${path}` })

export function PersonalFields({ form, autoFocus, today }: SectionProps) {
  const { t } = useTranslation()
  const field = useFieldProps(form)
  const birth = form.values.birthDate
  const age = /^\d{4}-\d{2}-\d{2}$/.test(birth) && birth <= today ? ageOn(birth, today) : null
  return (
    <Stack gap="sm">
      <Grid>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('person.field.givenName')} required autoFocus={autoFocus} autoComplete="off" {...field('givenName')} {...testId('givenName')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <TextInput label={t('person.field.familyName')} placeholder={t('person.hint.familyName')} required autoComplete="off" {...field('familyName')} {...testId('familyName')} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <DateField
            label={t('person.field.birthDate')}
            required={form.values.roles.some((r) => REGISTERED_ROLES.includes(r))}
            description={age !== null ? t('person.hint.age', { age }) : t('person.hint.birthDate')}
            {...(field('birthDate') as { value: string; onChange: (v: string) => void; error?: string })}
            {...testId('birthDate')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 6 }}>
          <NativeSelect
            label={t('person.field.gender')}
            description={t('person.hint.gender')}
            required
            data={[{ value: '', label: t('people.choose') }, ...GENDERS.map((g) => ({ value: g, label: t(`people.gender.${g}`) }))]}
            {...field('gender')}
            {...testId('gender')}
          />
        </Grid.Col>
      </Grid>
      <Checkbox.Group label={t('person.field.roles')} required {...field('roles')} {...testId('roles')}>
        <SimpleGrid cols={{ base: 2, sm: 5 }} mt={6} spacing="xs">
          {PERSON_ROLES.map((r) => (
            <Checkbox key={r} value={r} label={t(`people.role.${r}`)} data-testid={`role-${r}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
    </Stack>
  )
}

export function ContactFields({ form, autoFocus }: SectionProps) {
  const { t } = useTranslation()
  const field = useFieldProps(form)
  return (
    <Grid>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('person.field.email')} type="text" inputMode="email" autoFocus={autoFocus} autoComplete="off" {...field('email')} {...testId('email')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label={t('person.field.phone')} inputMode="tel" autoComplete="off" {...field('phone')} {...testId('phone')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <TextInput label={t('person.field.otherContact')} description={t('person.hint.otherContact')} autoComplete="off" {...field('otherContact')} {...testId('otherContact')} />
      </Grid.Col>
      <Grid.Col span={{ base: 8, sm: 9 }}>
        <TextInput label={t('person.field.street')} autoComplete="off" {...field('address.street')} {...testId('address.street')} />
      </Grid.Col>
      <Grid.Col span={{ base: 4, sm: 3 }}>
        <TextInput label={t('person.field.houseNumber')} autoComplete="off" {...field('address.houseNumber')} {...testId('address.houseNumber')} />
      </Grid.Col>
      <Grid.Col span={{ base: 4, sm: 4 }}>
        <TextInput label={t('person.field.postcode')} placeholder="1234 AB" autoComplete="off" {...field('address.postcode')} {...testId('address.postcode')} />
      </Grid.Col>
      <Grid.Col span={{ base: 8, sm: 8 }}>
        <TextInput label={t('person.field.city')} autoComplete="off" {...field('address.city')} {...testId('address.city')} />
      </Grid.Col>
    </Grid>
  )
}

function FreeText({ form, path, autoFocus, description }: { form: Form; path: keyof PersonFormValues; autoFocus?: boolean; description?: string }) {
  const { t } = useTranslation()
  const field = useFieldProps(form)
  return <Textarea label={t(`person.field.${path}`)} description={description} autosize minRows={2} maxRows={8} autoFocus={autoFocus} {...field(path)} {...testId(path)} />
}

export function ExperienceFields({ form, autoFocus }: SectionProps) {
  return (
    <Stack gap="sm">
      <FreeText form={form} path="education" autoFocus={autoFocus} />
      <FreeText form={form} path="internships" />
      <FreeText form={form} path="workExperience" />
    </Stack>
  )
}

export function AvailabilityFields({ form, autoFocus }: SectionProps) {
  const { t } = useTranslation()
  return (
    <Stack gap="sm">
      <FreeText form={form} path="availability" autoFocus={autoFocus} description={t('person.hint.availability')} />
      <FreeText form={form} path="deployability" description={t('person.hint.deployability')} />
      <FreeText form={form} path="leave" />
      {/* R-3a / R-4: free text must not become a place for health or other special data. */}
      <FreeText form={form} path="particulars" description={t('person.hint.particulars')} />
    </Stack>
  )
}

export function SourceFields({ form, autoFocus }: SectionProps) {
  const { t, i18n } = useTranslation()
  const field = useFieldProps(form)
  const versions = useStatementVersions().data ?? []
  const chosen = form.values.statementVersion
  // A legacy record may carry a version the register does not list: keep it selectable.
  const versionOptions = [
    ...(chosen && !versions.some((v) => v.version === chosen) ? [{ value: chosen, label: chosen }] : []),
    ...versions.map((v) => ({ value: v.version, label: t('person.statementOption', { version: v.version, date: formatDate(v.validFrom, i18n.language) }) }))
  ]
  const publicWebsite = form.values.source.kind === 'public-website'
  return (
    <Stack gap="sm">
      <Grid>
        <Grid.Col span={{ base: 12, sm: 5 }}>
          <NativeSelect
            label={t('person.field.source')}
            required
            autoFocus={autoFocus}
            data={SOURCE_KINDS.map((k) => ({ value: k, label: t(`people.source.${k}`) }))}
            {...field('source.kind')}
            {...testId('source.kind')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, sm: 7 }}>
          <TextInput
            label={publicWebsite ? t('person.field.sourceWebsite') : t('person.field.sourceDetail')}
            description={publicWebsite ? t('person.hint.sourceWebsite') : undefined}
            required={publicWebsite}
            autoComplete="off"
            {...field('source.detail')}
            {...testId('source.detail')}
          />
        </Grid.Col>
      </Grid>
      <Checkbox.Group label={t('person.field.purposes')} description={t('person.hint.purposes')} required {...field('purposes')} {...testId('purposes')}>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} mt={6} spacing="xs" verticalSpacing={6}>
          {PURPOSES.map((p) => (
            <Checkbox key={p} value={p} label={t(`people.purpose.${p}`)} data-testid={`purpose-${p}`} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          {versionOptions.length > 0 ? (
            <NativeSelect label={t('person.field.statementVersion')} required data={versionOptions} {...field('statementVersion')} {...testId('statementVersion')} />
          ) : (
            <TextInput label={t('person.field.statementVersion')} required autoComplete="off" {...field('statementVersion')} {...testId('statementVersion')} />
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <DateField
            label={t('person.field.statementShownOn')}
            required
            {...(field('statementShownOn') as { value: string; onChange: (v: string) => void; error?: string })}
            {...testId('statementShownOn')}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 6, sm: 4 }}>
          <DateField
            label={t('person.field.registeredOn')}
            required
            {...(field('registeredOn') as { value: string; onChange: (v: string) => void; error?: string })}
            {...testId('registeredOn')}
          />
        </Grid.Col>
      </Grid>
      <Text size="xs" c="dimmed" mt={-6}>
        {t('person.hint.statement')}
      </Text>
      <Grid>
        <Grid.Col span={{ base: 12, sm: 4 }}>
          <TextInput label={t('person.field.ref')} placeholder={t('person.hint.ref')} autoComplete="off" {...field('ref')} {...testId('ref')} />
        </Grid.Col>
      </Grid>
    </Stack>
  )
}
