import { DossierError } from '../../shared/errors'

/**
 * Anchors: the chain's head (sequence number + hash) written down outside the vault. The
 * hash chain alone catches any edit, insertion or deletion in the middle, but not the loss of the
 * newest entries, nor a chain rebuilt from scratch by someone holding the key; an anchor kept on
 * paper or in another system catches both. Pure: text form, parsing and the check.
 */
export interface AnchorPoint {
  vaultId: string
  seq: number
  hash: string
  createdAt: string
}

const TITLE = 'Dossier audit anchor'

/** The printable form: plain lines, no personal data, easy to retype or paste back. */
export function anchorText(a: AnchorPoint): string {
  return [TITLE, `vault: ${a.vaultId}`, `entry: ${a.seq}`, `head: ${a.hash}`, `made: ${a.createdAt}`].join('\n') + '\n'
}

export function parseAnchorText(text: string): AnchorPoint {
  const field = (name: string, pattern: RegExp): string => {
    const m = new RegExp(`^\\s*${name}:\\s*(\\S+)\\s*$`, 'mi').exec(text)
    const value = m?.[1]
    if (!value || !pattern.test(value)) throw invalid()
    return value
  }
  return {
    vaultId: field('vault', /^[0-9a-f-]{36}$/i).toLowerCase(),
    seq: Number(field('entry', /^[1-9]\d{0,15}$/)),
    hash: field('head', /^[0-9a-f]{64}$/i).toLowerCase(),
    createdAt: field('made', /^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/)
  }
}

export type AnchorCheck = { ok: true } | { ok: false; problem: 'missing' | 'mismatch' }

/**
 * An anchor holds when the trail still has its entry and that entry's hash is the anchored one.
 * `missing`: the trail is shorter than the anchor (entries were cut off the end);
 * `mismatch`: the entry is there but hashes differently (the chain was rewritten).
 */
export function checkAnchor(anchor: Pick<AnchorPoint, 'seq' | 'hash'>, entryHashAt: string | null): AnchorCheck {
  if (entryHashAt === null) return { ok: false, problem: 'missing' }
  return entryHashAt === anchor.hash ? { ok: true } : { ok: false, problem: 'mismatch' }
}

function invalid(): DossierError {
  return new DossierError('VALIDATION_FAILED', 'This is not a Dossier audit anchor.', { issues: [{ path: 'anchorText', key: 'validation.anchor.invalid' }] })
}
