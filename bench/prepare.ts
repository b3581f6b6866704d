import { copyFileSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import Database from 'better-sqlite3-multiple-ciphers'
import { seedDemo } from '../src/main/demo/seedDemo'
import { sweepDue } from '../src/main/retention/sweep'
import { DossierApp } from '../src/main/services/DossierApp'
import { openPlain } from '../src/main/vault/openPlain'
import { applyKey } from '../src/main/vault/cipher'
import { findAccountSlot, unwrapDataKey } from '../src/main/vault/keyring'
import { Vault } from '../src/main/vault/Vault'
import { vaultPaths } from '../src/main/vault/vaultFiles'
import { BENCH_PASSPHRASE, BENCH_SEED, BENCH_TODAY, BENCH_USER, benchClock, twinDirs } from './benchVault'

export interface PreparedMeta {
  size: number
  generatorVersion: string
  seed: number
  today: string
  persons: number
  seedMs: number
  twinMs: number
  encBytes: number
  plainBytes: number
}

/**
 * Build the cached data set for one size: an encrypted vault seeded with synthetic persons (the
 * demo generator and its bulk insert, as `dossier seed-demo` does) and swept as of the bench date
 * so it is in a steady state, holding at least `size` persons; then written out as the two twins,
 * encrypted and plain, the same way (`makeTwins`).
 */
export async function prepare(size: number, root: string, generatorVersion: string, log: (line: string) => void): Promise<PreparedMeta> {
  const dirs = twinDirs(root)
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  const clock = benchClock()

  const build = join(root, 'build')
  const app = new DossierApp({ vaultDir: build, clock })
  await app.setup({ username: BENCH_USER, displayName: 'Bench', passphrase: BENCH_PASSPHRASE })
  const t0 = performance.now()
  // The generator's bulk path (`dossier seed-demo`): the import's rows, batched prepared inserts.
  // Its persons include records already past their terms, which the steady-state sweep removes
  // (about a sixth): top up with further seeds until at least `size` persons remain, so "100,000
  // persons" means 100,000 in the vault the measurements run on.
  const count = () => (app.vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n
  for (let round = 0, remaining = 0; remaining < size; round++) {
    const share = round === 0 ? 1 : remaining / size
    await seedDemo(app, { persons: round === 0 ? size : Math.ceil(((size - remaining) / Math.max(share, 0.5)) * 1.02) + 10, seed: BENCH_SEED + round })
    await sweepDue(app, { asOf: BENCH_TODAY, trigger: 'manual' })
    remaining = count()
    if (round > 5) throw new Error('bench data: could not reach the requested size')
  }
  app.vault.checkpoint()
  const seedMs = performance.now() - t0
  await app.signOut()
  log(`  seeded ${size} persons in ${(seedMs / 1000).toFixed(1)} s`)

  const t1 = performance.now()
  await makeTwins(build, dirs)
  rmSync(build, { recursive: true, force: true })
  const twinMs = performance.now() - t1
  log(`  both twins written in ${(twinMs / 1000).toFixed(1)} s`)

  const persons = await countPersons(dirs.enc)
  const meta: PreparedMeta = {
    size,
    generatorVersion,
    seed: BENCH_SEED,
    today: BENCH_TODAY,
    persons,
    seedMs: Math.round(seedMs),
    twinMs: Math.round(twinMs),
    encBytes: statSync(vaultPaths(dirs.enc).db).size,
    plainBytes: statSync(vaultPaths(dirs.plain).db).size
  }
  // Written last: a data set without meta.json is incomplete and is rebuilt.
  writeFileSync(dirs.meta, JSON.stringify(meta, null, 2) + '\n')
  return meta
}

/**
 * The twins, both made the same way from the built vault: a new database file (encrypted with the
 * vault's own key, or plain), the schema's tables and indexes, every row inserted in the order it
 * was made (rowid order), then the triggers. Same rows, same page layout, so any difference in the
 * measurements is the cipher's.
 *
 * The layout is a vault's in use: its indexes grew by inserts, their leaf pages ~88 % full
 * (SQLite shares a split among siblings). Not a VACUUM (as until 2026-12-06), nor the bulk load's
 * CREATE INDEX: both pack every page full (99 %), and then nearly every one of the first thousands
 * of intake saves split a page in each B-tree a person touches — 52-57 WAL frames a save against
 * 29, p95 10.8-11.4 ms against 8.0 at 100,000 persons (encrypted): the state right after a restore
 * from backup (its VACUUM INTO), not a desk's (bench/README.md).
 */
async function makeTwins(buildDir: string, dirs: { enc: string; plain: string }): Promise<void> {
  const built = vaultPaths(buildDir)
  const vault = await Vault.open(buildDir, BENCH_USER, BENCH_PASSPHRASE)
  let dataKey: Buffer | null
  try {
    await vault.whenWritable() // the integrity check after unlock has passed
    const slot = findAccountSlot(vault.keyring, BENCH_USER)
    dataKey = slot ? await unwrapDataKey(vault.keyring, slot, BENCH_PASSPHRASE) : null
  } finally {
    await vault.close() // its last checkpoint empties the WAL into the file
  }
  if (!dataKey) throw new Error('bench: the bench account cannot unwrap the data key')
  try {
    for (const [dir, key] of [[dirs.enc, dataKey], [dirs.plain, null]] as const) {
      mkdirSync(dir, { recursive: true, mode: 0o700 })
      const target = vaultPaths(dir)
      // The vault's other files (manifest, keyring, sign-in journal, ledger) as they are.
      for (const f of readdirSync(buildDir)) if (!f.startsWith('dossier.db')) copyFileSync(join(buildDir, f), join(dir, f))
      copyRows(built.db, dataKey, target.db, key)
    }
  } finally {
    dataKey.fill(0)
  }
  // Both open as the bench opens them (migrations checked: none left to run; the integrity check).
  const enc = await Vault.open(dirs.enc, BENCH_USER, BENCH_PASSPHRASE)
  await enc.whenWritable()
  await enc.close()
  await (await openPlain(dirs.plain)).close()
}

/** `source`'s schema and rows into a new database file `target` (see `makeTwins`). */
function copyRows(source: string, sourceKey: Buffer, target: string, targetKey: Buffer | null): void {
  const db = new Database(target)
  try {
    applyKey(db, targetKey)
    // A build step, redone from scratch if it fails: no journal, no syncs; the whole file in cache.
    db.pragma('journal_mode = OFF')
    db.pragma('synchronous = OFF')
    db.pragma('cache_size = -4194304')
    db.prepare(`ATTACH DATABASE ? AS source KEY "x'${sourceKey.toString('hex')}'"`).run(source)
    const schema = db.prepare("SELECT type, name, sql FROM source.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as { type: string; name: string; sql: string }[]
    const ofType = (type: string) => schema.filter((o) => o.type === type)
    db.transaction(() => {
      for (const o of [...ofType('table'), ...ofType('index')]) db.exec(o.sql)
      // Row by row (the WHERE keeps SQLite from copying the indexes' pages whole, its transfer
      // optimisation, which packs them as a VACUUM does).
      for (const t of ofType('table')) db.exec(`INSERT INTO main."${t.name}" SELECT * FROM source."${t.name}" WHERE true`)
      const sequence = db.prepare("SELECT count(*) AS n FROM source.sqlite_master WHERE name = 'sqlite_sequence'").get() as { n: number }
      if (sequence.n > 0) db.exec('DELETE FROM main.sqlite_sequence; INSERT INTO main.sqlite_sequence SELECT * FROM source.sqlite_sequence')
      for (const o of [...ofType('trigger'), ...ofType('view')]) db.exec(o.sql)
    })()
    db.exec('DETACH DATABASE source')
    db.pragma('journal_mode = WAL')
  } finally {
    db.close()
  }
}

async function countPersons(encDir: string): Promise<number> {
  const vault = await Vault.open(encDir, BENCH_USER, BENCH_PASSPHRASE)
  try {
    return (vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n
  } finally {
    await vault.close()
  }
}
