import type { Command } from 'commander'

/** CLI commands of the governance capability. */
export function registerGovernanceCommands(program: Command): void {
  void program
}
