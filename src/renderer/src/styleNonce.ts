/**
 * This page load's style nonce (the CSP's `style-src`, see src/main/shell/securityPolicy.ts): Vite
 * puts a `<meta property="csp-nonce">` in the page and the server fills in a fresh nonce per load.
 * A `<style>` element without it is refused.
 */
export const styleNonce = document.querySelector<HTMLMetaElement>('meta[property="csp-nonce"]')?.nonce ?? ''

/**
 * A document from the main process for a `srcdoc` frame (reports, forms, previews): the frame
 * inherits this page's policy, so the document's own `<style>` (its print CSS) needs the nonce.
 * Main builds these documents with every value escaped and no script, so a literal `<style>` in
 * them is always main's own.
 */
export function withStyleNonce(html: string): string {
  return html.replaceAll('<style>', `<style nonce="${styleNonce}">`)
}
