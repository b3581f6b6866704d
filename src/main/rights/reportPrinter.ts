/**
 * prints a document's HTML with the operating system's print dialog; resolves whether it was
 * printed (false when the user cancelled). Only a shell with a screen has one: Electron hands its
 * `electronReportPrinter` (`shell/printReport.ts`, `webContents.print`) to the app
 * (`DossierAppOptions.reportPrinter`), as it does its PDF renderer. The CLI, the test harness and
 * the bench have none, and `printAccessReport` then fails with PRINT_UNAVAILABLE.
 */
export type ReportPrinter = (html: string) => Promise<boolean>
