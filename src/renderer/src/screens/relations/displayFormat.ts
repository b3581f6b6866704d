import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

/** A stored E.164 number (`+31534801234`) grouped for reading: `+31 53 480 1234`. */
export function formatPhone(e164: string | null): string {
  if (!e164) return ''
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164
}
