import type { Command } from 'commander'

/** CLI commands of the consent capability. */
export function registerConsentCommands(program: Command): void {
  void program
}
