import { Anchor, Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { normaliseEmail } from '../../../../shared/validation/email'
import { formatPhone, normalisePhone } from '../../../../shared/validation/phone'
import { normalisePostcode } from '../../../../shared/validation/postcode'
import { formatDate } from '../../../../shared/time'
import { INTAKE_STEPS, type PersonFormValues } from './personForm'

/** The last intake step: everything typed, per step, each with a link back to change it. */
export function IntakeReview({ values, cv, onEdit }: { values: PersonFormValues; cv: File | null; onEdit: (step: number) => void }) {
  const { t, i18n } = useTranslation()
  // Shown as it will be stored: e-mail in lower case, the phone checked (and shown as people read it), postcode `1234 AB`.
  const v: PersonFormValues = {
    ...values,
    email: values.email.trim() ? normaliseEmail(values.email) : '',
    phone: values.phone.trim() ? formatPhone(normalisePhone(values.phone) ?? values.phone) : '',
    address: { ...values.address, postcode: values.address.postcode.trim() ? (normalisePostcode(values.address.postcode) ?? values.address.postcode) : '' }
  }
  const d = (date: string) => formatDate(date, i18n.language)
  const address = [[v.address.street, v.address.houseNumber].filter(Boolean).join(' '), [v.address.postcode, v.address.city].filter(Boolean).join(' ')]
    .filter(Boolean)
    .join(', ')
  const sections: { step: number; rows: [string, ReactNode][] }[] = [
    {
      step: 0,
      rows: [
        [t('person.field.name'), `${v.givenName} ${v.familyName}`],
        [t('person.field.birthDate'), d(v.birthDate)],
        [t('person.field.gender'), v.gender ? t(`people.gender.${v.gender}`) : ''],
        [t('person.field.roles'), <Badges key="roles" items={v.roles.map((r) => t(`people.role.${r}`))} />]
      ]
    },
    {
      step: 1,
      rows: [
        [t('person.field.email'), v.email],
        [t('person.field.phone'), v.phone],
        [t('person.field.otherContact'), v.otherContact],
        [t('person.field.address'), address]
      ]
    },
    {
      step: 2,
      rows: [
        [t('intake.cv'), cv?.name ?? ''],
        [t('person.field.education'), v.education],
        [t('person.field.internships'), v.internships],
        [t('person.field.workExperience'), v.workExperience]
      ]
    },
    {
      step: 3,
      rows: [
        [t('person.field.availability'), v.availability],
        [t('person.field.deployability'), v.deployability],
        [t('person.field.leave'), v.leave],
        [t('person.field.particulars'), v.particulars]
      ]
    },
    {
      step: 4,
      rows: [
        [t('person.field.sourceKind'), [t(`people.source.${v.source.kind}`), v.source.detail].filter(Boolean).join(': ')],
        [t('person.field.purposesShort'), <Badges key="purposes" items={v.purposes.map((p) => t(`people.purpose.${p}`))} />],
        [t('person.field.statement'), t('person.statementShownLines', { version: v.statementVersion, date: d(v.statementShownOn) })],
        [t('person.field.registeredOn'), d(v.registeredOn)],
        [t('person.field.ref'), v.ref]
      ]
    }
  ]
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg" data-testid="intake-review">
      {sections.map((section) => (
        <Stack key={section.step} gap={4}>
          <Group justify="space-between">
            <Title order={6}>{t(`intake.step.${INTAKE_STEPS[section.step]!.id}`)}</Title>
            <Anchor component="button" type="button" size="xs" onClick={() => onEdit(section.step)}>
              {t('intake.change')}
            </Anchor>
          </Group>
          {section.rows
            .filter(([, value]) => value !== '' && value !== null)
            .map(([label, value]) => (
              <Group key={label} gap="xs" wrap="nowrap" align="flex-start">
                <Text size="sm" c="dimmed" w={170} style={{ flexShrink: 0 }}>
                  {label}
                </Text>
                <Text size="sm" component="div" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {value}
                </Text>
              </Group>
            ))}
        </Stack>
      ))}
    </SimpleGrid>
  )
}

function Badges({ items }: { items: string[] }) {
  return (
    <Group gap={4}>
      {items.map((item) => (
        <Badge key={item} size="sm" variant="light" tt="none">
          {item}
        </Badge>
      ))}
    </Group>
  )
}
