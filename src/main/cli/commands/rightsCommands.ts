import type { Command } from 'commander'

/** CLI commands of the rights capability. */
export function registerRightsCommands(program: Command): void {
  void program
}
