/**
 * Printing with the operating system's dialog is the Electron shell's job
 * (`src/main/shell/printReport.ts`); the preload exposes it as `window.dossierShell`. In the
 * browser test harness there is no such bridge: "Afdrukken" then opens the PDF made by the main
 * process, which the browser's PDF viewer prints.
 */
export interface DossierShell {
  printAccessReport(input: { personId: string; lang: 'nl' | 'en'; reference: string }): Promise<{ printed: boolean }>
}

declare global {
  interface Window {
    dossierShell?: DossierShell
  }
}

export function shellPrinter(): DossierShell | null {
  return typeof window !== 'undefined' && window.dossierShell ? window.dossierShell : null
}
