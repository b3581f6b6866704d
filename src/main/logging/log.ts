import { appendFileSync, existsSync, renameSync, statSync } from 'node:fs'
import { isDossierError } from '../../shared/errors'

/**
 * The app's logger (R-21: no personal data in logs). Deliberately tiny and strict: a line holds a
 * time, a level, an event NAME (a fixed, lower-case identifier chosen in code) and at most a few
 * numbers, booleans, error codes or short safe words. Every string still passes `redact`, a last
 * line of defence against e-mail addresses, phone numbers, BSNs, postcodes, IBANs and URLs that
 * slipped into a value. Error messages and stack traces are never written: driver messages can
 * quote values. No dependency; the Electron shell writes to a size-capped file.
 */

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi
const URL_PATTERN = /\b(?:https?|ftp|file):\/\/[^\s"'<>]+|\bwww\.[^\s"'<>]+/gi
const EMAIL = /[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]+/g
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,3})?\b/gi
/** BSN: nine digits, also written with dots or spaces (1234.56.782, 123 456 782). */
const BSN = /\b\d{9}\b|\b\d{4}[. ]\d{2}[. ]\d{3}\b|\b\d{3}[. ]\d{3}[. ]\d{3}\b/g
/** A run of digits with separators, as phone numbers are written; judged by its digit count. */
const PHONE = /(?:\+|\b00)?\(?\d[\d\s().-]{6,}\d/g
/**
 * Dutch postcode: four digits (not starting with 0), optional space, two letters. No exception for
 * units: "1000 MS" and "2000 KB" are real postcodes, so "1500 ms" in a string is redacted too.
 * Durations and sizes belong in numeric detail fields (`durationMs: 1500`), which are not redacted.
 */
const POSTCODE = /\b[1-9]\d{3}[ ]?[a-z]{2}\b/gi

/**
 * Replace anything that looks like contact or identity data with a marker. UUIDs (record ids)
 * stay: they are needed to follow an event and identify no one without the vault.
 */
export function redact(text: string): string {
  const kept: string[] = []
  // Private-use characters mark the kept ids while the other patterns run.
  let out = text.replace(UUID, (m) => `\uE000${kept.push(m) - 1}\uE001`)
  out = out
    .replace(URL_PATTERN, '[url]')
    .replace(EMAIL, '[email]')
    .replace(IBAN, (m) => (/\d/.test(m.slice(4)) ? '[iban]' : m))
    .replace(BSN, '[bsn]')
    .replace(PHONE, (m) => {
      const digits = m.replace(/\D/g, '').length
      return digits >= 9 && digits <= 15 ? '[phone]' : m
    })
    .replace(POSTCODE, '[postcode]')
  return out.replace(/\uE000(\d+)\uE001/g, (_m, i: string) => kept[Number(i)] ?? '')
}

export type LogLevel = 'info' | 'warn' | 'error'
export type LogDetail = Record<string, string | number | boolean | null | undefined>

export interface LogSink {
  write(line: string): void
}

export interface Logger {
  info(event: string, detail?: LogDetail): void
  warn(event: string, detail?: LogDetail): void
  /** An error by its code only (a DossierError's code, or the error's class/driver code). */
  error(event: string, error?: unknown, detail?: LogDetail): void
}

const EVENT_NAME = /^[a-z][a-z0-9]*(?:[.-][a-z0-9]+)*$/

export function createLogger(sink: LogSink, now: () => Date = () => new Date()): Logger {
  const line = (level: LogLevel, event: string, detail: LogDetail | undefined) => {
    const name = EVENT_NAME.test(event) ? event : 'invalid-event-name'
    const parts = [now().toISOString(), level, name]
    for (const [key, value] of Object.entries(detail ?? {})) {
      if (value === undefined || !/^[a-zA-Z][a-zA-Z0-9]{0,39}$/.test(key)) continue
      parts.push(`${key}=${typeof value === 'string' ? quoted(redact(value).slice(0, 200)) : String(value)}`)
    }
    try {
      sink.write(parts.join(' ') + '\n')
    } catch {
      // A full disk must not take the app down; there is nowhere else to report it.
    }
  }
  return {
    info: (event, detail) => line('info', event, detail),
    warn: (event, detail) => line('warn', event, detail),
    error: (event, error, detail) => line('error', event, { ...detail, ...(error === undefined ? {} : { code: errorCode(error) }) })
  }
}

/** Codes and identifiers bare; anything else quoted, so a line stays parseable. */
function quoted(value: string): string {
  return /^[A-Za-z0-9_.:-]{1,64}$/.test(value) ? value : JSON.stringify(value)
}

/** A stable, value-free name for an error: never its message. */
export function errorCode(e: unknown): string {
  if (isDossierError(e)) return e.code
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code
    return typeof code === 'string' && /^[A-Z0-9_]{1,64}$/.test(code) ? `${e.name}:${code}` : e.name
  }
  return typeof e
}

/** Appends to a file; past `maxBytes` the file moves to `<file>.1` (one generation kept). */
export function fileSink(path: string, maxBytes = 1024 * 1024): LogSink {
  return {
    write(line: string) {
      if (existsSync(path) && statSync(path).size + line.length > maxBytes) renameSync(path, `${path}.1`)
      appendFileSync(path, line, { mode: 0o600 })
    }
  }
}

export const stderrSink: LogSink = { write: (line) => void process.stderr.write(line) }
