import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir, userInfo } from 'node:os'
import { join } from 'node:path'

/**
 * A throwaway PostgreSQL cluster for the server tests (issue 17 point 6): `initdb` in a temporary
 * folder, listening only on a Unix socket in that folder (no TCP), on a free port number (the
 * socket's name), stopped and removed by `stop()`. Debian's server binaries
 * (`/usr/lib/postgresql/<version>/bin`, 15 or newer). `initdb` refuses root: as root the
 * cluster runs as the `postgres` user, its folder handed to it.
 */
export interface PgCluster {
  /** socket folder, for `host` */
  host: string
  port: number
  /** the cluster's superuser (it owns what the migrations create) */
  user: string
  stop(): void
}

export function serverBinaries(): string | null {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const versions = readdirSync(root).map(Number).filter((v) => v >= 15).sort((a, b) => b - a)
  return versions.length === 0 ? null : join(root, String(versions[0]), 'bin')
}

/**
 * `passwordLogins`: logins that must prove their password (SCRAM-SHA-256) on the socket; every
 * other login is trusted, as the owner is. `'all'`: every login but the owner's. `durable`: the
 * server's defaults (fsync, full-page writes) as an office runs it — for the bench; tests skip
 * the flushes they do not need (`fsync=off`).
 */
export async function startPgCluster(opts: { passwordLogins?: string[] | 'all'; durable?: boolean; settings?: string[] } = {}): Promise<PgCluster> {
  const bin = serverBinaries()
  if (!bin) throw new Error('PostgreSQL 15 or newer is not installed (Debian: apt-get install postgresql)')
  const asRoot = userInfo().uid === 0
  const dir = mkdtempSync(join(tmpdir(), 'dossier-pg-'))
  chmodSync(dir, 0o700)
  const owner = asRoot ? 'postgres' : userInfo().username
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', owner], { encoding: 'utf8' }).trim())
    const gid = Number(execFileSync('id', ['-g', owner], { encoding: 'utf8' }).trim())
    chownSync(dir, uid, gid)
  }
  const run = (program: string, args: string[]) =>
    execFileSync(asRoot ? 'runuser' : join(bin, program), asRoot ? ['-u', owner, '--', join(bin, program), ...args] : args, { stdio: 'pipe', cwd: dir })
  const data = join(dir, 'data')
  const user = 'dossier_owner'
  const port = await freePort()
  run('initdb', ['-D', data, '-U', user, '-A', 'trust', ...(opts.durable ? [] : ['--no-sync']), '-E', 'UTF8', '--locale', 'C.UTF-8'])
  if (opts.passwordLogins?.length) {
    // pg_hba.conf is read top down, the first matching line decides: these go before the trust lines.
    const hba = join(data, 'pg_hba.conf')
    const lines = opts.passwordLogins === 'all' ? [`local all ${user} trust`, 'local all all scram-sha-256'] : opts.passwordLogins.map((login) => `local all ${login} scram-sha-256`)
    writeFileSync(hba, lines.map((l) => `${l}\n`).join('') + readFileSync(hba, 'utf8'))
  }
  const flushes = opts.durable ? '' : ' -c fsync=off -c full_page_writes=off'
  const options = `-k ${dir} -p ${port} -c listen_addresses=''${flushes}${(opts.settings ?? []).map((s) => ` -c ${s}`).join('')}`
  run('pg_ctl', ['-D', data, '-o', options, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start'])
  watchOwner(dir, data, bin, asRoot ? owner : null)
  return {
    host: dir,
    port,
    user,
    stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(dir, { recursive: true, force: true })
      }
    }
  }
}

/**
 * The cluster goes when the process that started it goes, however it ends: a test worker that
 * Vitest kills, or one killed by a test's timeout, runs no exit handler, and a cluster left running
 * holds five processes and its folder until the machine restarts. A detached shell polls the
 * owner every second; when it is gone, it stops the cluster (immediate) and removes the folder.
 * After a normal `stop()` it finds nothing left to do.
 */
function watchOwner(dir: string, data: string, bin: string, runAs: string | null): void {
  const pgCtl = `${runAs ? `runuser -u ${runAs} -- ` : ''}'${join(bin, 'pg_ctl')}' -D '${data}' -m immediate -w stop`
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; if [ -d '${data}' ]; then ${pgCtl} >/dev/null 2>&1; rm -rf '${dir}'; fi`
  spawn('sh', ['-c', script], { detached: true, stdio: 'ignore' }).unref()
}

/** A port number no one listens on (the socket file's name; nothing listens on TCP). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))))
    })
  })
}
