/**
 * Helpers for the people screens' browser tests: keyboard moves, reading a field's inline error,
 * calling the real services directly (as the signed-in browser user), and tiny real files.
 */
import type { Page } from 'playwright-core'
import { createDispatcher } from '../../../src/main/services/dispatcher'
import { createContractClient, type ContractClient } from '../../../src/shared/contract/client'
import { PersonEntity } from '../../../src/main/vault/entities/Person'
import type { Harness } from '../harness/server'

/** The `data-testid` of the focused element (or of the input wrapper holding it). */
export async function focusedTestId(page: Page): Promise<string | null> {
  return page.evaluate<string | null>("document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid') ?? null")
}

/** Press Tab until the element with `testId` has focus (keyboard only); fails after `max` presses. */
export async function tabTo(page: Page, testId: string, max = 12): Promise<void> {
  for (let i = 0; i < max; i++) {
    if ((await focusedTestId(page)) === testId) return
    await page.keyboard.press('Tab')
  }
  if ((await focusedTestId(page)) !== testId) throw new Error(`could not reach ${testId} with Tab`)
}

/**
 * The intake's first step by keyboard, from the focused given-name field: names and birth date
 * (Tab between), the gender picked with ArrowDown (`genderDown` presses: 1 Vrouw, 2 Man), Enter.
 */
export async function typeIntakePersonal(page: Page, person: { givenName: string; familyName: string; birthDate: string; genderDown: number }): Promise<void> {
  await page.keyboard.type(person.givenName)
  await page.keyboard.press('Tab')
  await page.keyboard.type(person.familyName)
  await page.keyboard.press('Tab')
  await page.keyboard.type(person.birthDate)
  await page.keyboard.press('Tab')
  for (let i = 0; i < person.genderDown; i++) await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
}

/** Select the focused field's text and type over it. */
export async function retype(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Control+A')
  await page.keyboard.type(text)
}

/** The inline error shown next to the field `data-testid="field-<path>"`, or null. */
export async function fieldError(page: Page, path: string): Promise<string | null> {
  const wrapper = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId(`field-${path}`) }).last()
  const error = wrapper.locator('.mantine-InputWrapper-error')
  return (await error.count()) > 0 ? ((await error.first().textContent())?.trim() ?? null) : null
}

/** The inline error next to the input with `data-testid=testId` (any input, not only `field-…`). */
export async function fieldErrorOf(page: Page, testId: string): Promise<string | null> {
  const wrapper = page.locator('.mantine-InputWrapper-root', { has: page.getByTestId(testId) }).last()
  const error = wrapper.locator('.mantine-InputWrapper-error')
  await error.first().waitFor({ timeout: 5000 }).catch(() => undefined)
  return (await error.count()) > 0 ? ((await error.first().textContent())?.trim() ?? null) : null
}

/** Waits until the intake shows `step` (personal, contact, experience…). */
export async function waitForStep(page: Page, step: string): Promise<void> {
  await page.locator(`[data-testid="intake-form"][data-step="${step}"]`).waitFor()
}

/** Waits until the field `data-testid="field-<path>"` is marked invalid (its error is shown). */
export async function waitForInvalid(page: Page, path: string): Promise<void> {
  await page.locator(`[data-testid="field-${path}"][aria-invalid="true"]`).waitFor()
}

/**
 * Records the `blob:` URLs the page revokes from now on (the CSP forbids fetching blob: URLs, so a
 * revoked URL cannot be probed directly). Returns a function that lists them.
 */
export async function watchRevokedBlobs(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    window.__revoked = []
    const revoke = URL.revokeObjectURL.bind(URL)
    URL.revokeObjectURL = (url) => { window.__revoked.push(url); revoke(url) }
  })()`)
  return () => page.evaluate<string[]>('window.__revoked')
}

/** A field's current value (by its `data-testid`). */
export async function fieldValue(page: Page, path: string): Promise<string> {
  return page.getByTestId(`field-${path}`).inputValue()
}

/** Calls operations on the real services as whoever is signed in (the browser's session). */
export function services(harness: Harness): ContractClient['call'] {
  return createContractClient(createDispatcher(harness.app)).call
}

/** Persons stored in the vault, read from the database directly (not through the UI). */
export async function storedPersons(harness: Harness): Promise<{ id: string; givenName: string; familyName: string; email: string | null; phone: string | null; postcode: string | null }[]> {
  return harness.app.vault.dataSource.getRepository(PersonEntity).find({ select: { id: true, givenName: true, familyName: true, email: true, phone: true, postcode: true } })
}

/** A tiny but real one-page PDF ("CV"), made here so no fixture file is needed. */
export function tinyPdf(text = 'Curriculum vitae'): Buffer {
  const stream = `BT /F1 18 Tf 72 720 Td (${text}) Tj ET`
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((object, i) => {
    offsets.push(body.length)
    body += `${i + 1} 0 obj\n${object}\nendobj\n`
  })
  const xref = body.length
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}

/** Closes the toasts (the page's clock is fixed in these tests, so they do not time out). */
export async function closeNotifications(page: Page): Promise<void> {
  const toast = page.locator('.mantine-Notification-root')
  while ((await toast.count()) > 0) {
    await toast.first().locator('.mantine-Notification-closeButton').dispatchEvent('click')
    await toast.first().waitFor({ state: 'detached' })
  }
}

/** Lets Mantine's open/close transitions (about 200 ms) finish, so a screenshot shows the end state. */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(350)
}
