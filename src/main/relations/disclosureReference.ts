/**
 * The reference printed on a shared profile and shown in the disclosure list: `DISC-` and the
 * first eight hex digits of the disclosure's random id, so it is derived, never stored twice, and
 * carries nothing about the person.
 */
export function disclosureReference(disclosureId: string): string {
  return `DISC-${disclosureId.replace(/-/g, '').slice(0, 8).toUpperCase()}`
}
