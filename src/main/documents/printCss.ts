/**
 * The one stylesheet of every printable document: readable on screen (centred column, system
 * fonts) and on A4 paper. Inline only — the documents load nothing (CSP `default-src 'none'`).
 *
 * Page numbers are not in here: Chromium does not reliably print CSS counters in `@page` margin
 * boxes, so the PDF paths add them through the footer template (`pdfFooter.ts`), which is drawn
 * inside the bottom margin below. Keep the two in step through `PAGE_MARGINS_MM`.
 */

/** A4 page margins in millimetres, shared by the `@page` rule and both PDF paths. */
export const PAGE_MARGINS_MM = { top: 18, right: 16, bottom: 20, left: 16 } as const

const m = PAGE_MARGINS_MM

export const PRINT_CSS = `
@page { size: A4; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  padding: 24px 16px 48px;
  color: #1a1a1a;
  background: #fff;
  font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 10.5pt;
  line-height: 1.45;
}
main { max-width: 820px; margin: 0 auto; }
h1 { font-size: 18pt; margin: 0 0 4px; line-height: 1.2; }
h2 {
  font-size: 12.5pt;
  margin: 22px 0 8px;
  padding-bottom: 3px;
  border-bottom: 1.5px solid #1f4e79;
  color: #1f4e79;
  break-after: avoid;
  page-break-after: avoid;
}
h3 { font-size: 11pt; margin: 14px 0 6px; break-after: avoid; page-break-after: avoid; }
p { margin: 0 0 8px; }
ul { margin: 0 0 8px; padding-left: 20px; }
li { margin: 0 0 4px; }
.doc-header {
  display: flex;
  justify-content: space-between;
  align-items: flex-start;
  gap: 24px;
  padding-bottom: 10px;
  margin-bottom: 14px;
  border-bottom: 2px solid #1f4e79;
}
.agency-name { font-size: 13pt; font-weight: 700; color: #1f4e79; }
.agency-lines, .doc-meta { font-size: 9.5pt; color: #333; }
.doc-meta { text-align: right; }
.doc-meta dl { margin: 0; display: grid; grid-template-columns: auto auto; column-gap: 10px; }
.doc-meta dt { font-weight: 600; }
.doc-meta dd { margin: 0; }
.intro { color: #333; }
.nowrap { white-space: nowrap; }
.none { color: #555; font-style: italic; }
.note { font-size: 9.5pt; color: #444; }
.notice { border: 1px solid #1f4e79; background: #eef3f8; padding: 8px 10px; margin: 10px 0; }
table {
  width: 100%;
  border-collapse: collapse;
  margin: 0 0 10px;
  font-size: 9.5pt;
}
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td {
  text-align: left;
  vertical-align: top;
  padding: 4px 6px;
  border: 1px solid #c8c8c8;
  overflow-wrap: break-word;
}
th { background: #eef3f8; font-weight: 600; }
table.kv th { width: 34%; }
td { white-space: pre-wrap; }
section { margin-bottom: 6px; }
.signature-lines { margin-top: 28px; display: grid; grid-template-columns: 1fr 1fr; gap: 28px 32px; }
.signature-line { border-bottom: 1px solid #1a1a1a; height: 40px; }
.signature-label { font-size: 9pt; color: #333; margin-top: 3px; }
.checkbox { display: inline-block; width: 11px; height: 11px; border: 1px solid #1a1a1a; margin-right: 6px; vertical-align: -1px; }
@media print {
  body { padding: 0; font-size: 10pt; }
  main { max-width: none; }
  a { color: inherit; text-decoration: none; }
}
`
