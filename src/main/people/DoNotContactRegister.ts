import { type KeyObject, createHmac, createSecretKey, randomUUID } from 'node:crypto'
import type { EntityManager } from 'typeorm'
import type { DoNotContactIdentifier, DoNotContactReason } from '../../shared/contract/people'
import type { CalendarDate, SourceKind } from '../../shared/domain'
import { DossierError } from '../../shared/errors'
import { normaliseEmail } from '../../shared/validation/email'
import { normalisePhone } from '../../shared/validation/phone'
import { type DoNotContactEntry, DoNotContactEntity } from '../vault/entities/DoNotContactEntry'
import type { VaultPort } from '../workspace/Workspace'
import { normaliseProfileUrl } from './profileUrl'

/** The identifiers a do-not-contact entry can recognise a person by (any may be absent). */
export interface ContactIdentifiers {
  email?: string | null | undefined
  phone?: string | null | undefined
  profileUrl?: string | null | undefined
}

type Hashes = Record<DoNotContactIdentifier, string | null>

const REGISTERS = new WeakMap<object, DoNotContactRegister>()

/** a prospect from a public website carries the profile URL in `source.detail`. */
export function profileUrlOf(source: { kind: SourceKind; detail?: string | null | undefined }): string | null {
  return source.kind === 'public-website' && source.detail ? source.detail : null
}

/**
 * the do-not-contact register. It holds keyed hashes (HMAC-SHA256 with the vault secret
 * `dnc`) of the normalised e-mail, E.164 phone and profile URL, the date and a reason category —
 * no name, no clear value. Without the vault's secret the hashes cannot be tested against guesses.
 * A match names the identifier that matched, never what is stored.
 */
export class DoNotContactRegister {
  private readonly key: KeyObject

  private constructor(secret: Buffer) {
    this.key = createSecretKey(secret)
  }

  /**
   * Read the secret before opening a transaction (it may be created on first use). One register
   * per open vault: the secret never changes while it is open, and every intake save asks.
   */
  static of(vault: Pick<VaultPort, 'secret'>): DoNotContactRegister {
    let register = REGISTERS.get(vault)
    if (!register) REGISTERS.set(vault, (register = new DoNotContactRegister(vault.secret('dnc'))))
    return register
  }

  hashes(ids: ContactIdentifiers): Hashes {
    const email = ids.email ? normaliseEmail(ids.email) : null
    const phone = ids.phone ? normalisePhone(ids.phone) : null
    const url = ids.profileUrl ? normaliseProfileUrl(ids.profileUrl) : null
    return {
      email: email ? this.hash('email', email) : null,
      phone: phone ? this.hash('phone', phone) : null,
      url: url ? this.hash('url', url) : null
    }
  }

  /** Which identifier (e-mail first, then phone, then URL) matches an entry, or `null`. */
  async findMatch(m: EntityManager, ids: ContactIdentifiers): Promise<DoNotContactIdentifier | null> {
    const hashes = this.hashes(ids)
    const repo = m.getRepository(DoNotContactEntity)
    if (hashes.email && (await repo.existsBy({ emailHash: hashes.email }))) return 'email'
    if (hashes.phone && (await repo.existsBy({ phoneHash: hashes.phone }))) return 'phone'
    if (hashes.url && (await repo.existsBy({ urlHash: hashes.url }))) return 'url'
    return null
  }

  /** the entries with id `entryId`, or matching any of `ids` (to lift them). */
  async findEntries(m: EntityManager, entryId: string | null, ids: ContactIdentifiers): Promise<DoNotContactEntry[]> {
    const repo = m.getRepository(DoNotContactEntity)
    if (entryId !== null) return repo.findBy({ id: entryId })
    const hashes = this.hashes(ids)
    const where = [
      ...(hashes.email ? [{ emailHash: hashes.email }] : []),
      ...(hashes.phone ? [{ phoneHash: hashes.phone }] : []),
      ...(hashes.url ? [{ urlHash: hashes.url }] : [])
    ]
    return where.length === 0 ? [] : repo.find({ where, order: { recordedOn: 'ASC', id: 'ASC' } })
  }

  /** Refuses with DO_NOT_CONTACT_MATCH (detail: which identifier) before anything is saved. */
  async refuseMatch(m: EntityManager, ids: ContactIdentifiers): Promise<void> {
    const identifier = await this.findMatch(m, ids)
    if (identifier !== null) {
      throw new DossierError('DO_NOT_CONTACT_MATCH', 'This person is on the do-not-contact register; nothing was saved.', { detail: { identifier } })
    }
  }

  /** Records an entry; returns it and which identifiers it can recognise. */
  async record(
    m: EntityManager,
    ids: ContactIdentifiers,
    reasonCategory: DoNotContactReason,
    recordedOn: CalendarDate
  ): Promise<{ entry: DoNotContactEntry; identifiers: DoNotContactIdentifier[] }> {
    const hashes = this.hashes(ids)
    const entry: DoNotContactEntry = {
      id: randomUUID(),
      emailHash: hashes.email,
      phoneHash: hashes.phone,
      urlHash: hashes.url,
      recordedOn,
      reasonCategory
    }
    await m.getRepository(DoNotContactEntity).insert(entry)
    const identifiers = (Object.keys(hashes) as DoNotContactIdentifier[]).filter((k) => hashes[k] !== null)
    return { entry, identifiers }
  }

  private hash(kind: DoNotContactIdentifier, value: string): string {
    // The kind is part of the message, so an e-mail hash can never equal a phone hash.
    return createHmac('sha256', this.key).update(`${kind}\u0000${value}`).digest('hex')
  }
}
