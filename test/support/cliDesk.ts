import type { ServerAddress } from '../../src/main/server/initServer'

/**
 * Issue 17 point 6 for the built CLI: the CLI suites name a desk by its vault folder
 * (`--vault DIR`). With `DOSSIER_TEST_ENGINE=postgres` the test kits (`newTestApp`,
 * `createCliVault`) make an office on the test server instead, and remember which folder stands
 * for it; every run of the CLI then goes to that office as `--server URL`, exactly where
 * `--vault DIR` was. The same suites, the same commands, on either engine.
 */
const offices = new Map<string, { host: string; port: number; database: string; owner: string }>()

/** From now on, the CLI runs that name `vaultDir` go to this office instead. */
export function deskFolderIsOffice(vaultDir: string, address: ServerAddress): void {
  if ('url' in address) throw new Error('a test office has a socket address')
  offices.set(vaultDir, { host: address.host, port: address.port, database: address.database, owner: address.username })
}

/** The office a folder stands for (`deskFolderIsOffice`), for a desk (no user), or null for a local vault. */
export function officeOf(vaultDir: string): ServerAddress | null {
  const office = offices.get(vaultDir)
  return office ? { host: office.host, port: office.port, database: office.database, username: '' } : null
}

/** The same office as its schema's owner (the cluster's superuser in the tests), or null for a local vault. */
export function officeOwnerOf(vaultDir: string): ServerAddress | null {
  const office = offices.get(vaultDir)
  return office ? { host: office.host, port: office.port, database: office.database, username: office.owner } : null
}

/** A desk's address of the office as `--server` takes it: no user (each run signs in as its own login). */
function deskUrl(office: { host: string; port: number; database: string }): string {
  return `postgresql://localhost/${encodeURIComponent(office.database)}?host=${encodeURIComponent(office.host)}&port=${office.port}`
}

/** A CLI run's arguments with `--vault DIR` as `--server URL` where DIR stands for an office. */
export function deskArgs(args: readonly string[]): string[] {
  const at = args.indexOf('--vault')
  const office = at >= 0 ? offices.get(args[at + 1] ?? '') : undefined
  if (!office) return [...args]
  return [...args.slice(0, at), '--server', deskUrl(office), ...args.slice(at + 2)]
}
