import type { Command } from 'commander'

/** CLI commands of the retention capability. */
export function registerRetentionCommands(program: Command): void {
  void program
}
