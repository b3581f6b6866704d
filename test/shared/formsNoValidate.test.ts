import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/**
 * Issue 16 point 7: no native validation bubble ("Please fill out this field.", in the browser's
 * language, not the app's): every form validates with Mantine and shows its errors next to the
 * field, so every `<form>` in the renderer carries `noValidate`.
 */
const SCREENS = join(__dirname, '../../src/renderer/src')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.tsx') ? [join(dir, e.name)] : []))
}

describe('forms', () => {
  it('every <form> in the renderer turns the browser’s own validation off (noValidate)', () => {
    const missing: string[] = []
    let forms = 0
    for (const file of sources(SCREENS)) {
      const text = readFileSync(file, 'utf8')
      for (const m of text.matchAll(/<form\b([\s\S]*?)>[ \t]*\n/g)) {
        forms++
        if (!/\bnoValidate\b/.test(m[1] ?? '')) missing.push(`${file.slice(SCREENS.length + 1)}: ${m[0].slice(0, 80)}`)
      }
    }
    expect(forms).toBeGreaterThan(10)
    expect(missing).toEqual([])
  })
})
