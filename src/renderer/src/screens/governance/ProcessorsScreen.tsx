import { Button, Checkbox, Group, Modal, SimpleGrid, Stack, Table, Text, Textarea, TextInput, Title } from '@mantine/core'
import { useForm } from '@mantine/form'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { contract } from '../../../../shared/contract'
import { DATA_CATEGORIES, type ProcessorView } from '../../../../shared/contract/governance'
import { formatDate } from '../../../../shared/time'
import { call, fieldErrors } from '../../api/call'
import { queryKeys } from '../../api/queryKeys'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { schemaResolver } from '../../forms/schemaResolver'
import { translatedErrors } from '../../forms/translatedErrors'

const L = 'registers.processors'
const validateProcessor = schemaResolver(contract.saveProcessor.input)

interface Values {
  name: string
  purpose: string
  dataCategories: string[]
  agreementOn: string
  location: string
  country: string
  subProcessors: string
}

function toInput(v: Values, id: string | undefined) {
  return {
    ...(id ? { id } : {}),
    name: v.name,
    purpose: v.purpose,
    dataCategories: v.dataCategories as ProcessorView['dataCategories'],
    agreementOn: v.agreementOn || null,
    location: v.location,
    country: v.country,
    subProcessors: v.subProcessors
  }
}

/** R-28, GDPR art. 28: the processors working for the agency; privacy officer and admin keep it. */
export function ProcessorsScreen() {
  const { t, i18n } = useTranslation()
  const qc = useQueryClient()
  const list = useQuery({ queryKey: queryKeys.processors, queryFn: () => call('listProcessors', {}) })
  const [editing, setEditing] = useState<ProcessorView | 'new' | null>(null)
  const [deleting, setDeleting] = useState<ProcessorView | null>(null)
  const remove = useMutation({
    mutationFn: (id: string) => call('deleteProcessor', { id }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: queryKeys.processors })
      void qc.invalidateQueries({ queryKey: queryKeys.processingRegisterAll })
      setDeleting(null)
    }
  })
  const rows = list.data ?? []
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t(`${L}.title`)}</Title>
          <Text size="sm" c="dimmed" maw={760}>
            {t(`${L}.intro`)}
          </Text>
        </Stack>
        <Button onClick={() => setEditing('new')} data-testid="processor-add">
          {t(`${L}.formNew`)}
        </Button>
      </Group>
      <ErrorAlert error={list.error} />
      {list.isSuccess && rows.length === 0 && <Text c="dimmed">{t(`${L}.empty`)}</Text>}
      {rows.length > 0 && (
        <Table.ScrollContainer minWidth={820}>
          <Table striped withTableBorder verticalSpacing="xs" data-testid="processor-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t(`${L}.name`)}</Table.Th>
                <Table.Th>{t(`${L}.columns.purpose`)}</Table.Th>
                <Table.Th>{t(`${L}.dataCategories`)}</Table.Th>
                <Table.Th>{t(`${L}.columns.agreementOn`)}</Table.Th>
                <Table.Th>{t(`${L}.columns.location`)}</Table.Th>
                <Table.Th>{t(`${L}.columns.subProcessors`)}</Table.Th>
                <Table.Th>{t('registers.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((p) => (
                <Table.Tr key={p.id} data-testid="processor-row">
                  <Table.Td fw={600}>{p.name}</Table.Td>
                  <Table.Td>{p.purpose}</Table.Td>
                  <Table.Td>{p.dataCategories.map((c) => t(`governance.breaches.category.${c}`)).join(', ')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {p.agreementOn ? (
                      formatDate(p.agreementOn, i18n.language)
                    ) : (
                      <Text size="sm" c="red.8">
                        {t(`${L}.noAgreement`)}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {p.location}, {p.country}
                  </Table.Td>
                  <Table.Td>{p.subProcessors ?? '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="default" onClick={() => setEditing(p)}>
                        {t('registers.common.edit')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" color="red" onClick={() => setDeleting(p)}>
                        {t('registers.common.delete')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <ProcessorForm processor={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {deleting && (
        <Modal opened onClose={() => setDeleting(null)} title={t(`${L}.deleteTitle`, { name: deleting.name })} centered>
          <Stack>
            <ErrorAlert error={remove.error} />
            <Text size="sm">{t(`${L}.deleteText`, { name: deleting.name })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setDeleting(null)}>
                {t('registers.common.cancel')}
              </Button>
              <Button color="red" loading={remove.isPending} onClick={() => remove.mutate(deleting.id)} data-testid="processor-delete-confirm">
                {t(`${L}.deleteTitle`, { name: deleting.name })}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  )
}

function ProcessorForm({ processor, onClose }: { processor: ProcessorView | null; onClose: () => void }) {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const form = useForm<Values>({
    initialValues: {
      name: processor?.name ?? '',
      purpose: processor?.purpose ?? '',
      dataCategories: processor?.dataCategories ?? [],
      agreementOn: processor?.agreementOn ?? '',
      location: processor?.location ?? '',
      country: processor?.country ?? 'Nederland',
      subProcessors: processor?.subProcessors ?? ''
    },
    validate: (v) => translatedErrors(validateProcessor(toInput(v, processor?.id)), t)
  })
  const save = useMutation({
    mutationFn: (v: Values) => call('saveProcessor', toInput(v, processor?.id)),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t(`${L}.saved`) })
      void qc.invalidateQueries({ queryKey: queryKeys.processors })
      void qc.invalidateQueries({ queryKey: queryKeys.processingRegisterAll })
      onClose()
    },
    onError: (e) => form.setErrors(fieldErrors(e, t))
  })
  return (
    <Modal opened onClose={onClose} title={t(processor ? `${L}.formEdit` : `${L}.formNew`)} centered size="xl">
      <form noValidate onSubmit={form.onSubmit((v) => save.mutate(v))}>
        <Stack>
          <ErrorAlert error={save.error} />
          <TextInput label={t(`${L}.name`)} required data-autofocus {...form.getInputProps('name')} data-testid="processor-name" />
          <Textarea label={t(`${L}.purpose`)} required autosize minRows={2} {...form.getInputProps('purpose')} data-testid="processor-purpose" />
          <Checkbox.Group label={t(`${L}.dataCategories`)} required {...form.getInputProps('dataCategories')}>
            <SimpleGrid cols={{ base: 2, md: 4 }} mt={6} spacing={6}>
              {DATA_CATEGORIES.map((c) => (
                <Checkbox key={c} value={c} label={t(`governance.breaches.category.${c}`)} data-testid={`processor-category-${c}`} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <DateField
              label={t(`${L}.agreementOn`)}
              value={form.values.agreementOn}
              onChange={(v) => form.setFieldValue('agreementOn', v)}
              error={form.errors['agreementOn']}
              data-testid="processor-agreement"
            />
            <TextInput label={t(`${L}.location`)} required {...form.getInputProps('location')} data-testid="processor-location" />
            <TextInput label={t(`${L}.country`)} required {...form.getInputProps('country')} data-testid="processor-country" />
          </SimpleGrid>
          <Textarea label={t(`${L}.subProcessors`)} autosize minRows={1} {...form.getInputProps('subProcessors')} data-testid="processor-subprocessors" />
          <Group>
            <Button type="submit" loading={save.isPending} data-testid="processor-save">
              {t('registers.common.save')}
            </Button>
            <Button variant="subtle" onClick={onClose}>
              {t('registers.common.cancel')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
