import type { Command } from 'commander'

/** CLI commands of the people capability. */
export function registerPeopleCommands(program: Command): void {
  void program
}
