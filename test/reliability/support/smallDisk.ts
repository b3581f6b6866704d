import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/**
 * A small file system of its own, for the full-disk and read-only cases: a tmpfs of `sizeMiB`
 * (needs root, or CAP_SYS_ADMIN), else an ext4 image on a loop device. When neither can be
 * mounted here, `reason` says why and the caller skips the case, printing that reason.
 */
export interface SmallDisk {
  dir: string
  kind: 'tmpfs' | 'loop'
  setReadOnly(readOnly: boolean): void
  unmount(): void
}

export function mountSmallDisk(parent: string, sizeMiB: number): SmallDisk | { reason: string } {
  const dir = join(parent, 'small-disk')
  mkdirSync(dir, { recursive: true })
  const remount = (ro: boolean) => run('mount', ['-o', `remount,${ro ? 'ro' : 'rw'}`, dir])
  const unmount = () => {
    try {
      run('umount', [dir])
    } catch {
      // A connection the code under test failed to close still holds a file: detach lazily.
      run('umount', ['-l', dir])
    }
  }
  const errors: string[] = []
  try {
    run('mount', ['-t', 'tmpfs', '-o', `size=${sizeMiB}m,mode=0700`, 'tmpfs', dir])
    return { dir, kind: 'tmpfs', setReadOnly: remount, unmount }
  } catch (e) {
    errors.push(`tmpfs: ${firstLine(e)}`)
  }
  const image = join(parent, 'small-disk.img')
  try {
    run('truncate', ['-s', `${Math.max(sizeMiB, 2)}M`, image])
    run('mkfs.ext4', ['-q', '-F', image])
    run('mount', ['-o', 'loop', image, dir])
    return {
      dir,
      kind: 'loop',
      setReadOnly: remount,
      unmount: () => {
        unmount()
        rmSync(image, { force: true })
      }
    }
  } catch (e) {
    errors.push(`loop: ${firstLine(e)}`)
    rmSync(image, { force: true })
  }
  return { reason: `cannot mount a small file system here (${errors.join('; ')})` }
}

function run(cmd: string, args: string[]): void {
  execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] })
}

function firstLine(e: unknown): string {
  const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim()
  return (stderr || (e instanceof Error ? e.message : String(e))).split('\n')[0]!
}
