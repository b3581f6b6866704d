import { Badge, Button, Group, Paper, Stack, Switch, Table, Text, TextInput, Textarea, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { LegalBasisView } from '../../../../shared/contract/consent'
import { ApiError, call, fieldErrors } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { queryKeys } from '../../api/queryKeys'
import { contract } from '../../../../shared/contract'
import { schemaResolver } from '../../forms/schemaResolver'

const EMPTY: LegalBasisView = { key: '', label: '', description: '', active: true }

const basisInput = ({ key, label, description, active }: LegalBasisView) => ({ key, label, description, active })
const validateBasis = schemaResolver(contract.saveLegalBasis.input)

/**
 * A new basis's stored key, made from its name (issue 16: nobody types a code): lower case, no
 * accents, words joined by dashes, unique among the existing keys (`-2`, `-3`… when taken).
 */
export function keyFromLabel(label: string, taken: readonly string[]): string {
  const base =
    label
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 56)
      .replace(/-+$/, '') || 'grondslag'
  let key = base
  for (let n = 2; taken.includes(key); n++) key = `${base}-${n}`
  return key
}

/**
 * The privacy officer's list of legal bases (R-4: "a recorded legal basis chosen from a list that
 * the privacy officer maintains"). Seeded on first use; a basis is switched off, never deleted.
 */
export function LegalBasesPanel() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const bases = useQuery({ queryKey: queryKeys.legalBases, queryFn: () => call('listLegalBases', {}) })
  // saveLegalBasis's own rules (the key's form, label and description required) before any save.
  const taken = (bases.data ?? []).map((b) => b.key)
  const withKey = (v: LegalBasisView & { editing: boolean }) => (v.editing ? v : { ...v, key: keyFromLabel(v.label, taken) })
  const form = useForm<LegalBasisView & { editing: boolean }>({ initialValues: { ...EMPTY, editing: false }, validate: (v) => validateBasis(basisInput(withKey(v))) })
  const tr = (path: string) => {
    const e = form.errors[path]
    return typeof e === 'string' ? t(e) : undefined
  }
  const save = useMutation({
    mutationFn: () => call('saveLegalBasis', basisInput(withKey(form.values))),
    onSuccess: async () => {
      form.setValues({ ...EMPTY, editing: false })
      await qc.invalidateQueries({ queryKey: queryKeys.legalBases })
      await qc.invalidateQueries({ queryKey: queryKeys.consentReview })
    },
    onError: (e) => form.setErrors(fieldErrors(e, (k) => k))
  })

  return (
    <Stack gap="md" data-testid="legal-bases">
      <Text size="sm" c="dimmed">
        {t('consent.legalBases.intro')}
      </Text>
      <ErrorAlert error={bases.error} />
      <Table withTableBorder verticalSpacing={6}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('consent.legalBases.label')}</Table.Th>
            <Table.Th w={90}>{t('consent.legalBases.active')}</Table.Th>
            <Table.Th w={100} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(bases.data ?? []).map((b) => (
            <Table.Tr key={b.key} data-testid="legal-basis-row">
              <Table.Td>
                <Text size="sm" fw={500}>
                  {b.label}
                </Text>
                <Text size="xs" c="dimmed">
                  {b.description}
                </Text>
                {/* The stored key (import files name a basis by it), in small print for the privacy officer. */}
                <Text size="xs" c="dimmed" ff="monospace">
                  {b.key}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={b.active ? 'teal' : 'gray'} variant="light">
                  {b.active ? t('consent.legalBases.active') : t('consent.legalBases.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Button size="compact-sm" variant="subtle" onClick={() => form.setValues({ ...b, editing: true })}>
                  {t('consent.legalBases.edit')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Paper withBorder p="md" maw={720}>
        <form noValidate
          onSubmit={(e) => {
            e.preventDefault()
            save.reset()
            if (!form.validate().hasErrors) save.mutate()
          }}
        >
          <Stack gap="sm">
            <Title order={5}>{form.values.editing ? `${t('consent.legalBases.edit')}: ${form.values.label}` : t('consent.legalBases.add')}</Title>
            <TextInput label={t('consent.legalBases.label')} required {...form.getInputProps('label')} error={tr('label') ?? tr('key')} />
            <Textarea label={t('consent.legalBases.description')} required autosize minRows={2} {...form.getInputProps('description')} error={tr('description')} />
            <Switch label={t('consent.legalBases.active')} {...form.getInputProps('active', { type: 'checkbox' })} />
            {!(save.error instanceof ApiError && save.error.code === 'VALIDATION_FAILED') && <ErrorAlert error={save.error} />}
            <Group justify="flex-end">
              {form.values.editing && (
                <Button variant="default" onClick={() => form.setValues({ ...EMPTY, editing: false })}>
                  {t('common.cancel')}
                </Button>
              )}
              <Button type="submit" loading={save.isPending}>
                {t('consent.legalBases.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>
    </Stack>
  )
}
