import { Alert, Badge, Button, Center, Group, Loader, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { useMutation, useQuery } from '@tanstack/react-query'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ReportLang } from '../../../../shared/contract/rights'
import { ApiError, call } from '../../api/call'
import { ErrorAlert } from '../../components/ErrorAlert'
import type { ScreenProps } from '../screenTypes'
import { base64ToBlob, saveBlob } from './files'
import { NewRequestModal } from './NewRequestModal'
import { queryKeys } from '../../api/queryKeys'
import { withStyleNonce } from '../../styleNonce'

/**
 * the access report of one person (`navigate('access-report', { personId })`), shown as the
 * very document that is printed: the main process renders it, the screen shows it in a sandboxed
 * frame (no scripts, no navigation, its own CSP). Print (`printAccessReport`: the OS dialog in
 * Electron; where there is none, PRINT_UNAVAILABLE and the PDF is handed over instead), save as PDF
 * (made in the main process), export; erasure for privacy officers.
 */
export function AccessReportScreen({ session, navigate, params }: ScreenProps) {
  const { t, i18n } = useTranslation()
  const personId = params['personId']
  const [lang, setLang] = useState<ReportLang>(i18n.language === 'en' ? 'en' : 'nl')
  const [requestOpen, setRequestOpen] = useState(false)
  const isPrivacyOfficer = session.roles.includes('privacy_officer')

  // Each opening issues a report (new reference, audited); the HTML is not kept once the screen closes.
  const report = useQuery({
    queryKey: queryKeys.accessReport(personId, lang),
    queryFn: () => call('getAccessReportHtml', { personId: personId!, lang }),
    enabled: !!personId,
    staleTime: Infinity,
    gcTime: 0
  })
  const reference = report.data?.reference

  const savePdf = useMutation({
    mutationFn: () => call('getAccessReportPdf', { personId: personId!, lang, reference: reference! }),
    onSuccess: (pdf) => {
      saveBlob(base64ToBlob(pdf.pdfBase64, 'application/pdf'), pdf.fileName)
      notifications.show({ color: 'teal', message: t('rights.report.saved') })
    }
  })
  const print = useMutation({
    mutationFn: async () => {
      try {
        return (await call('printAccessReport', { personId: personId!, lang, reference: reference! })).printed
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'PRINT_UNAVAILABLE')) throw e
      }
      // No OS print dialog where this runs (the browser harness): hand over the PDF, which the browser prints.
      const pdf = await call('getAccessReportPdf', { personId: personId!, lang, reference: reference! })
      saveBlob(base64ToBlob(pdf.pdfBase64, 'application/pdf'), pdf.fileName)
      return true
    },
    onSuccess: (printed) => {
      if (printed) notifications.show({ color: 'teal', message: t('rights.report.printed') })
    }
  })
  const exportJson = useMutation({
    mutationFn: () => call('exportPerson', { personId: personId! }),
    onSuccess: (document) => {
      saveBlob(new Blob([`${JSON.stringify(document, null, 2)}\n`], { type: 'application/json' }), `dossier-export-${personId}.json`)
      notifications.show({ color: 'teal', message: t('rights.report.exported') })
    }
  })
  const exportZip = useMutation({
    mutationFn: () => call('exportPersonArchive', { personId: personId! }),
    onSuccess: (archive) => {
      saveBlob(base64ToBlob(archive.zipBase64, 'application/zip'), archive.fileName)
      notifications.show({ color: 'teal', message: t('rights.report.exported') })
    }
  })

  if (!personId) return <Alert color="gray">{t('rights.report.noPerson')}</Alert>
  const busy = !reference || savePdf.isPending || print.isPending

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end">
        <Stack gap={2}>
          <Title order={1}>{t('rights.report.title')}</Title>
          <Text size="sm" c="dimmed" maw={720}>
            {t('rights.report.intro')}
          </Text>
        </Stack>
        <Button variant="subtle" onClick={() => navigate('person', { personId })}>
          {t('rights.report.back')}
        </Button>
      </Group>
      <Group justify="space-between">
        <Group gap="xs">
          <SegmentedControl
            aria-label={t('rights.report.language')}
            value={lang}
            onChange={(v) => setLang(v === 'en' ? 'en' : 'nl')}
            data={[
              { value: 'nl', label: 'NL' },
              { value: 'en', label: 'EN' }
            ]}
            data-testid="report-lang"
          />
          {reference && (
            <Badge variant="light" size="lg" tt="none" data-testid="report-reference">
              {t('rights.report.reference', { reference })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Button onClick={() => print.mutate()} disabled={busy} loading={print.isPending} data-testid="report-print">
            {t('rights.report.print')}
          </Button>
          <Button variant="default" onClick={() => savePdf.mutate()} disabled={busy} loading={savePdf.isPending} data-testid="report-save-pdf">
            {t('rights.report.savePdf')}
          </Button>
          <Button variant="default" onClick={() => exportJson.mutate()} loading={exportJson.isPending} data-testid="report-export-json">
            {t('rights.report.exportJson')}
          </Button>
          <Button variant="default" onClick={() => exportZip.mutate()} loading={exportZip.isPending} data-testid="report-export-zip">
            {t('rights.report.exportZip')}
          </Button>
        </Group>
      </Group>
      <Group gap="xs">
        <Button size="xs" variant="light" onClick={() => setRequestOpen(true)} data-testid="report-register-request">
          {t('rights.report.registerRequest')}
        </Button>
        {isPrivacyOfficer && (
          <Button size="xs" variant="light" color="red" onClick={() => navigate('erasure', { personId })} data-testid="report-erase">
            {t('rights.report.erase')}
          </Button>
        )}
      </Group>
      <ErrorAlert error={report.error ?? savePdf.error ?? print.error ?? exportJson.error ?? exportZip.error} />
      {report.isPending && (
        <Center h={300}>
          <Loader />
        </Center>
      )}
      {report.data && (
        <iframe
          title={t('rights.report.preview')}
          // No permissions at all: the document has no scripts and needs none.
          sandbox=""
          srcDoc={withStyleNonce(report.data.html)}
          style={{ width: '100%', height: 'calc(100vh - 250px)', minHeight: 560, border: '1px solid var(--mantine-color-gray-4)', background: 'white' }}
          data-testid="access-report-frame"
        />
      )}
      <NewRequestModal opened={requestOpen} onClose={() => setRequestOpen(false)} personId={personId} kinds={isPrivacyOfficer ? undefined : ['access']} />
    </Stack>
  )
}
