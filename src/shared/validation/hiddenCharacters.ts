/**
 * Characters that change how text looks without being seen (issue 15 point 7): C0 controls other
 * than tab, line feed and carriage return (ESC starts terminal escape sequences, BEL rings), DEL
 * and the C1 controls, the bidirectional overrides, embeddings and isolates (a name that reads
 * backwards: U+202E), and the zero-width characters (two names that look the same: `an\u200Bna`).
 * Refused in every name and free text at validation; the CLI escapes any it would print.
 */
// eslint-disable-next-line no-control-regex
export const HIDDEN_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/u

export function hasHiddenCharacters(text: string): boolean {
  return HIDDEN_CHARACTERS.test(text)
}

const HIDDEN_GLOBAL = new RegExp(HIDDEN_CHARACTERS.source, 'gu')

/**
 * `text` with each hidden character written out, safe to print on a terminal: `\u{202E}` for
 * people, or `\u202e` inside JSON text (a valid JSON escape, so a program reads the same string;
 * every hidden character is in the Basic Multilingual Plane).
 */
export function escapeHiddenCharacters(text: string, style: 'human' | 'json' = 'human'): string {
  return text.replace(HIDDEN_GLOBAL, (c) => {
    const hex = c.codePointAt(0)!.toString(16).padStart(4, '0')
    return style === 'json' ? `\\u${hex}` : `\\u{${hex.toUpperCase()}}`
  })
}
