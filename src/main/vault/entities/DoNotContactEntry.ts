import { EntitySchema } from 'typeorm'
import { date, pk } from './columns'

/**
 * the minimum needed to honour "do not contact me again": keyed hashes (HMAC with a vault
 * secret) of normalised identifiers, the date and a reason category. No name, no clear values.
 */
export interface DoNotContactEntry {
  id: string
  emailHash: string | null
  phoneHash: string | null
  urlHash: string | null
  recordedOn: string
  reasonCategory: string
}
export const DoNotContactEntity = new EntitySchema<DoNotContactEntry>({
  name: 'DoNotContactEntry',
  tableName: 'do_not_contact',
  columns: {
    id: pk(),
    emailHash: { type: 'varchar', length: 64, nullable: true },
    phoneHash: { type: 'varchar', length: 64, nullable: true },
    urlHash: { type: 'varchar', length: 64, nullable: true },
    recordedOn: date(),
    reasonCategory: { type: 'varchar', length: 32 }
  },
  indices: [
    { name: 'idx_dnc_email', columns: ['emailHash'] },
    { name: 'idx_dnc_phone', columns: ['phoneHash'] },
    { name: 'idx_dnc_url', columns: ['urlHash'] }
  ]
})
