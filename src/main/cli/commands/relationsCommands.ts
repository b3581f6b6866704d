import type { Command } from 'commander'

/** CLI commands of the relations capability. */
export function registerRelationsCommands(program: Command): void {
  void program
}
