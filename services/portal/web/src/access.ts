import { roleCommands, type Command } from '@ntm/domain/authorization';
import type { CurrentUser } from './session.js';

/**
 * Whether one of the user's grants gives the command somewhere, read from the one authorization
 * table (packages/domain). Only decides which links and pages to show: the API checks every request.
 */
export function mayRun(user: CurrentUser | null, command: Command): boolean {
  return (user?.grants ?? []).some((g) => roleCommands[g.role].includes(command));
}

/**
 * The units where the user's grants give the command, from the same table (null: everywhere, a
 * grant without a unit); the report page offers these as the scopes it reads, the campaign page takes its province from them.
 */
export function unitsFor(user: CurrentUser | null, command: Command): Array<string | null> {
  const units = (user?.grants ?? []).filter((g) => roleCommands[g.role].includes(command)).map((g) => g.unitCode ?? null);
  return [...new Set(units)];
}
