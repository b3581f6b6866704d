import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { BreachView } from '../../../../shared/contract/governance'
import { call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import { BreachForm } from './BreachForm'
import { Countdown } from './Countdown'
import { DocumentPreview } from './DocumentPreview'
import { formatLocal } from './localTime'
import { saveFile } from './saveFile'
import { queryKeys } from '../../api/queryKeys'

const REGULATOR_COLOR: Record<BreachView['regulator'], string> = { 'not-required': 'gray', due: 'orange', overdue: 'red', reported: 'green', 'reported-late': 'yellow' }
/** Status words are short; never cut them to "NOG …" when the table is narrow. */
const NO_TRUNCATE = { root: { minWidth: 'max-content' }, label: { overflow: 'visible' } }
const PERSONS_COLOR: Record<BreachView['persons'], string> = { 'not-required': 'gray', required: 'orange', done: 'green' }

/** R-23: the breach register with its live 72-hour clocks (privacy officer). */
export function BreachesScreen() {
  const { t, i18n } = useTranslation()
  const L = 'governance.breaches'
  const list = useQuery({
    queryKey: queryKeys.breaches,
    queryFn: async () => ({ ...(await call('listBreaches', {})), receivedAt: performance.now() })
  })
  const [editing, setEditing] = useState<BreachView | 'new' | null>(null)
  const [saved, setSaved] = useState(false)
  const [preview, setPreview] = useState<string | null>(null)
  const lang = i18n.language === 'en' ? 'en' : 'nl'
  const exportCsv = useMutation({ mutationFn: () => call('exportBreaches', { format: 'csv', lang }), onSuccess: saveFile })
  const exportHtml = useMutation({ mutationFn: () => call('exportBreaches', { format: 'html', lang }), onSuccess: (f) => setPreview(f.content) })

  return (
    <Stack data-testid="breaches-screen">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>{t(`${L}.title`)}</Title>
        <Group gap="xs">
          <Button variant="default" onClick={() => exportCsv.mutate()} loading={exportCsv.isPending} data-testid="breach-export-csv">
            {t('governance.common.exportCsv')}
          </Button>
          <Button variant="default" onClick={() => exportHtml.mutate()} loading={exportHtml.isPending} data-testid="breach-export-pdf">
            {t('governance.common.printPdf')}
          </Button>
          <Button
            onClick={() => {
              setSaved(false)
              setEditing('new')
            }}
            data-testid="breach-add"
          >
            {t(`${L}.add`)}
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed" maw={900}>
        {t(`${L}.intro`)}
      </Text>
      <ErrorAlert error={list.error ?? exportCsv.error ?? exportHtml.error} />
      {saved && (
        <Alert color="green" data-testid="breach-saved">
          {t(`${L}.saved`)}
        </Alert>
      )}
      {editing !== null && (
        <BreachForm
          key={editing === 'new' ? 'new' : editing.id}
          breach={editing === 'new' ? null : editing}
          onDone={() => {
            setSaved(true)
            setEditing(null)
          }}
        />
      )}
      {list.data && list.data.breaches.length === 0 && <Text c="dimmed">{t(`${L}.empty`)}</Text>}
      {list.data && list.data.breaches.length > 0 && (
        <Table withTableBorder striped verticalSpacing="xs" data-testid="breach-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t(`${L}.discoveredAt`)}</Table.Th>
              <Table.Th>{t(`${L}.description`)}</Table.Th>
              <Table.Th>{t(`${L}.risk`)}</Table.Th>
              <Table.Th>{t(`${L}.deadline`)}</Table.Th>
              <Table.Th>{t(`${L}.regulatorState`)}</Table.Th>
              <Table.Th>{t(`${L}.personsState`)}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.breaches.map((b) => (
              <Table.Tr key={b.id} data-testid="breach-row">
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  {formatLocal(b.discoveredAtLocal, lang)}
                  <Text size="xs" c="dimmed">
                    {t(`${L}.statusValue.${b.status}`)}
                  </Text>
                </Table.Td>
                <Table.Td maw={360}>
                  <Text size="sm" lineClamp={2}>
                    {b.description}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {b.dataCategories.map((c) => t(`${L}.category.${c}`)).join(', ')} · {b.personsAffected}
                    {b.affected.length > 0 && ` · ${t(`${L}.linkedCount`, { count: b.affected.length })}`}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={b.risk === 'high' ? 'red' : b.risk === 'low' ? 'orange' : 'gray'} styles={NO_TRUNCATE}>
                    {t(`${L}.riskValue.${b.risk}`)}
                  </Badge>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }} data-testid="breach-deadline">
                  {formatLocal(b.deadlineLocal, lang)}
                  {(b.regulator === 'due' || b.regulator === 'overdue') && <Countdown deadline={b.deadline} asOf={list.data.asOf} receivedAt={list.data.receivedAt} />}
                </Table.Td>
                <Table.Td>
                  <Badge color={REGULATOR_COLOR[b.regulator]} styles={NO_TRUNCATE} data-testid="breach-regulator" data-state={b.regulator}>
                    {t(`${L}.regulatorValue.${b.regulator}`)}
                  </Badge>
                  {b.reportedToRegulatorAtLocal && <Text size="xs">{formatLocal(b.reportedToRegulatorAtLocal, lang)}</Text>}
                  {b.lateReason && (
                    <Text size="xs" c="dimmed" lineClamp={2} title={b.lateReason}>
                      {b.lateReason}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={PERSONS_COLOR[b.persons]} variant="light" styles={NO_TRUNCATE}>
                    {t(`${L}.personsValue.${b.persons}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    onClick={() => {
                      setSaved(false)
                      setEditing(b)
                    }}
                    data-testid="breach-edit"
                  >
                    {t(`${L}.edit`)}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <DocumentPreview html={preview} title={t(`${L}.title`)} onClose={() => setPreview(null)} />
    </Stack>
  )
}
