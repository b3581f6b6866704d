/**
 * Import of a `dossier-import/1` file (issue 3): all or nothing. The screen explains the format in
 * words and offers the example file to download (issue 16: no format code shown to people). The file is read in memory and its
 * text sent to `importPersons`; the answer is either what was imported or every bad row with its
 * position and field (translated i18n keys, never the rejected values) and "nothing imported".
 * Free text that looks like special data (R-4a) is imported and listed as a warning per row and field.
 */
import { Alert, Button, FileInput, Group, List, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useFieldLabel } from './fieldLabel'
import { queryKeys } from '../../api/queryKeys'
import { saveFile } from '../governance/saveFile'
import importExample from '../../../../../resources/examples/import-example.json?raw'

export interface ImportIssueRow {
  /** `persons`, `clients`, … or '' for the file itself */
  list: string
  /** 1-based position in that list, or null */
  position: number | null
  /** the field inside the row (`address.postcode`), or '' */
  field: string
  key: string
}

/** `persons[3].address.postcode` → persons, position 4, field address.postcode. */
export function describeImportPath(path: string, key: string): ImportIssueRow {
  const m = /^([A-Za-z]+)\[(\d+)\]\.?(.*)$/.exec(path)
  if (!m) return { list: '', position: null, field: path, key }
  return { list: m[1]!, position: Number(m[2]) + 1, field: m[3]!.replace(/\[(\d+)\]/g, (_, i: string) => `.${Number(i) + 1}`), key }
}

export function ImportScreen() {
  const { t } = useTranslation()
  const qc = useQueryClient()
  const [file, setFile] = useState<File | null>(null)
  const run = useMutation({
    mutationFn: async (f: File) => call('importPersons', { text: await f.text() }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.persons.all })
  })
  const invalid = run.error instanceof ApiError && (run.error.code === 'IMPORT_INVALID' || run.error.code === 'VALIDATION_FAILED') ? run.error : null
  const rows = invalid ? invalid.issues.map((i) => describeImportPath(i.path, i.key)) : []
  // A file with thousands of bad rows lists the first 100; the count is of all of them.
  const problems = typeof invalid?.detail?.['problems'] === 'number' ? invalid.detail['problems'] : rows.length
  const fieldLabel = useFieldLabel()
  const listLabel = (list: string) => (list ? t(`personImport.list.${list}`, { defaultValue: list }) : t('personImport.file'))

  return (
    <Stack gap="md" maw={980}>
      <Title order={1}>{t('personImport.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('personImport.intro')}
      </Text>
      <List size="sm" c="dimmed">
        <List.Item>{t('personImport.formatPersons')}</List.Item>
        <List.Item>{t('personImport.formatDoNotContact')}</List.Item>
        <List.Item>{t('personImport.formatClients')}</List.Item>
        <List.Item>{t('personImport.formatValues')}</List.Item>
        <List.Item>{t('personImport.allOrNothing')}</List.Item>
        <List.Item>{t('personImport.noBsn')}</List.Item>
      </List>
      <Group>
        <Button variant="default" size="xs" onClick={() => saveFile({ fileName: 'dossier-import-voorbeeld.json', mimeType: 'application/json', content: importExample })} data-testid="import-example">
          {t('personImport.example')}
        </Button>
      </Group>
      <form noValidate
        onSubmit={(e) => {
          e.preventDefault()
          if (file) run.mutate(file)
        }}
      >
        <Group align="flex-end">
          <FileInput
            label={t('personImport.fileLabel')}
            placeholder={t('personImport.choose')}
            accept=".json,application/json"
            value={file}
            onChange={(f) => {
              run.reset()
              setFile(f)
            }}
            clearable
            autoFocus
            w={420}
            data-testid="import-file"
          />
          <Button type="submit" disabled={!file} loading={run.isPending} data-testid="import-submit">
            {t('personImport.run')}
          </Button>
        </Group>
      </form>

      {run.data && (
        <Alert color="teal" variant="light" title={t('personImport.doneTitle')} data-testid="import-done">
          {t('personImport.done', {
            persons: t('personImport.persons', { count: run.data.persons }),
            doNotContact: t('personImport.doNotContact', { count: run.data.doNotContact }),
            clients: t('personImport.clients', { count: run.data.clients })
          })}
        </Alert>
      )}

      {run.data && run.data.warnings.length > 0 && (
        // R-4a: imported, but free text that looks like special data is named by row and field (never the text).
        <Stack gap="xs" data-testid="import-warnings">
          <Alert color="orange" variant="light" title={t('personImport.warningsTitle')}>
            {t('personImport.warnings', { count: run.data.warnings.length })}
          </Alert>
          <Table withTableBorder striped verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{t('personImport.col.list')}</Table.Th>
                <Table.Th w={90}>{t('personImport.col.position')}</Table.Th>
                <Table.Th w={240}>{t('personImport.col.field')}</Table.Th>
                <Table.Th>{t('personImport.col2.category')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {run.data.warnings.map((w, i) => {
                const r = describeImportPath(w.path, w.key)
                return (
                  <Table.Tr key={i} data-testid="import-warning">
                    <Table.Td>{listLabel(r.list)}</Table.Td>
                    <Table.Td>{r.position ?? ''}</Table.Td>
                    <Table.Td>{fieldLabel(r.field)}</Table.Td>
                    <Table.Td>{t(`consent.category.${w.category}`)}</Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Stack>
      )}

      {invalid && (
        <Stack gap="xs" data-testid="import-invalid">
          <Alert color="red" variant="light" title={t('personImport.nothingImported')}>
            {t('personImport.badRows', { count: problems })}
            {problems > rows.length && ` ${t('personImport.firstListed', { shown: rows.length })}`}
          </Alert>
          <Table withTableBorder striped verticalSpacing={4} data-testid="import-issues">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{t('personImport.col.list')}</Table.Th>
                <Table.Th w={90}>{t('personImport.col.position')}</Table.Th>
                <Table.Th w={240}>{t('personImport.col.field')}</Table.Th>
                <Table.Th>{t('personImport.col.problem')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={i} data-testid="import-issue">
                  <Table.Td>{listLabel(r.list)}</Table.Td>
                  <Table.Td>{r.position ?? ''}</Table.Td>
                  <Table.Td>{fieldLabel(r.field)}</Table.Td>
                  <Table.Td>{t(r.key)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
      {run.error && !invalid && <ErrorAlert error={run.error} />}
    </Stack>
  )
}
