import type { ExportFile } from '../../../../shared/contract/governance'

/**
 * Hand a generated file to the user's "save" flow (Electron shows a save dialog; a browser
 * downloads). CSV gets a byte-order mark so spreadsheet programs read é and ë as UTF-8.
 */
export function saveFile(file: ExportFile): void {
  const content = file.mimeType.startsWith('text/csv') ? `\uFEFF${file.content}` : file.content
  const url = URL.createObjectURL(new Blob([content], { type: file.mimeType }))
  const a = document.createElement('a')
  a.href = url
  a.download = file.fileName
  a.rel = 'noopener'
  document.body.appendChild(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}
