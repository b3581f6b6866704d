import { copyFileSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { performance } from 'node:perf_hooks'
import { seedDemo } from '../src/main/demo/seedDemo'
import { sweepDue } from '../src/main/retention/sweep'
import { DossierApp } from '../src/main/services/DossierApp'
import { openPlain } from '../src/main/vault/openPlain'
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
 * so it is in a steady state, holding at least `size` persons; and its plain
 * twin: a database created by the same migrations, into which every row is copied. Both hold the
 * same rows, so any difference in the measurements is the cipher's.
 */
export async function prepare(size: number, root: string, generatorVersion: string, log: (line: string) => void): Promise<PreparedMeta> {
  const dirs = twinDirs(root)
  rmSync(root, { recursive: true, force: true })
  mkdirSync(root, { recursive: true })
  const clock = benchClock()

  const app = new DossierApp({ vaultDir: dirs.enc, clock })
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
  await makePlainTwin(dirs.enc, dirs.plain)
  const twinMs = performance.now() - t1
  log(`  plain twin copied in ${(twinMs / 1000).toFixed(1)} s`)

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
 * The plain twin: created by openPlain (same migrations), then every table's rows copied from
 * the encrypted vault through an ATTACH with an empty key (plain). TypeORM's own `migrations`
 * table is already filled by the migration run.
 */
async function makePlainTwin(encDir: string, plainDir: string): Promise<void> {
  mkdirSync(plainDir, { recursive: true })
  const enc = vaultPaths(encDir)
  const plain = vaultPaths(plainDir)
  copyFileSync(enc.manifest, plain.manifest)
  copyFileSync(enc.keyring, plain.keyring)
  const twin = await openPlain(plainDir, { create: true })
  await twin.close()

  const vault = await Vault.open(encDir, BENCH_USER, BENCH_PASSPHRASE)
  try {
    await vault.whenWritable() // read-only until the integrity check after unlock has passed
    const db = vault.db
    // `person` last: inserting a fact row clears its person's retention check date (a trigger,
    // migration RetentionCheckDate), which must arrive as the vault has it.
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'migrations' ORDER BY name = 'person', name").all() as { name: string }[]).map((t) => t.name)
    db.prepare('ATTACH DATABASE ? AS plain KEY ?').run(plain.db, '')
    // Rows are copied verbatim; the foreign keys held in the source already.
    db.pragma('foreign_keys = OFF')
    db.transaction(() => {
      // What the twin's own migrations wrote (the audit chain's key) gives way to the vault's rows.
      for (const t of tables) db.exec(`DELETE FROM plain."${t}"; INSERT INTO plain."${t}" SELECT * FROM main."${t}"`)
    })()
    db.pragma('foreign_keys = ON')
    db.exec('DETACH DATABASE plain')
    // Both twins get a fresh, compact file layout, so neither is favoured by fragmentation.
    db.exec('VACUUM')
  } finally {
    await vault.close()
  }
  const again = await openPlain(plainDir)
  again.db.exec('VACUUM')
  await again.close()
}

async function countPersons(encDir: string): Promise<number> {
  const vault = await Vault.open(encDir, BENCH_USER, BENCH_PASSPHRASE)
  try {
    return (vault.db.prepare('SELECT count(*) AS n FROM person').get() as { n: number }).n
  } finally {
    await vault.close()
  }
}
