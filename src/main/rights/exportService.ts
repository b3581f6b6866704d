import { In } from 'typeorm'
import type { PersonExport } from '../../shared/contract/rights'
import { currentPolicy } from '../retention/policyStore'
import type { Workspace } from '../workspace/Workspace'
import { readSettings } from '../governance/settings'
import { AttachmentContentEntity } from '../vault/entities/Attachment'
import { attachmentFilePath, buildPersonExport } from './buildPersonExport'
import { findPerson } from './loadPersonRecord'
import { assertMayProduceFor } from './reportAccess'
import { noteDocumentOnOpenRequest } from './requestRegister'
import { dosDateTime, zipStore } from './zipStore'

/** The JSON file inside an export zip. */
export const EXPORT_JSON_NAME = 'dossier-export.json'

/**
 * R-20: export as JSON, or as a zip with the JSON and the attachment files (named by attachment
 * id, never by the person's name). Audited `export.person` with the sections exported; noted on
 * the person's open portability (or access) request. Shielded records: privacy officer only.
 */
export async function exportPerson(ws: Workspace, personId: string): Promise<PersonExport> {
  return (await exportWith(ws, personId, false)).document
}

export async function exportPersonArchive(ws: Workspace, personId: string): Promise<{ fileName: string; zip: Buffer; attachmentCount: number }> {
  const { document, files } = await exportWith(ws, personId, true)
  const json = Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8')
  const zip = zipStore([{ name: EXPORT_JSON_NAME, data: json }, ...files], dosDateTime(localParts(ws.clock.now())))
  return { fileName: `dossier-export-${personId}.zip`, zip, attachmentCount: files.length }
}

async function exportWith(ws: Workspace, personId: string, withAttachmentFiles: boolean) {
  return ws.write(async ({ manager: m, store, audit }) => {
    const person = await findPerson(m, personId)
    assertMayProduceFor(ws, person)
    const document = await buildPersonExport(m, personId, {
      today: ws.clock.today(),
      agency: (await readSettings(store)).agency,
      policy: await currentPolicy(m, ws.clock),
      withAttachmentFiles,
      restricted: ws.vault.restricted
    })
    const files: { name: string; data: Buffer }[] = []
    if (withAttachmentFiles && document.attachments.length > 0) {
      const contents = await m.getRepository(AttachmentContentEntity).find({ where: { attachmentId: In(document.attachments.map((a) => a.id)) } })
      const byId = new Map(contents.map((c) => [c.attachmentId, c.content]))
      for (const a of document.attachments) {
        const data = byId.get(a.id)
        if (data) files.push({ name: attachmentFilePath(a), data: Buffer.from(data) })
        else a.file = null
      }
    }
    if (person.state !== 'active') await audit({ action: 'person.shielded-open', subjectId: personId, reason: 'export' })
    const sections = (['attachments', 'consents', 'specialData', 'disclosures', 'employments', 'absence'] as const).filter((s) => document[s].length > 0)
    await audit({
      action: 'export.person',
      subjectId: personId,
      fields: [...Object.entries(document.data).flatMap(([k, v]) => (v === null ? [] : [k])), ...sections, ...(files.length ? ['attachmentFiles'] : [])],
      reason: withAttachmentFiles ? 'zip' : 'json'
    })
    await noteDocumentOnOpenRequest(m, personId, ['portability', 'access'], { kind: withAttachmentFiles ? 'export-zip' : 'export-json', producedAt: ws.clock.now().toISOString(), reference: document.exportedOn })
    return { document, files }
  })
}

/** Zip timestamps are local wall-clock time; the agency's is Europe/Amsterdam. */
function localParts(instant: Date): { year: number; month: number; day: number; hour: number; minute: number; second: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' })
      .formatToParts(instant)
      .map((p) => [p.type, Number(p.value)])
  ) as Record<string, number>
  return { year: parts['year'] ?? 1980, month: parts['month'] ?? 1, day: parts['day'] ?? 1, hour: parts['hour'] ?? 0, minute: parts['minute'] ?? 0, second: parts['second'] ?? 0 }
}
