import { roleCommands, type Command } from '@ntm/domain/authorization';
import type { CurrentUser } from './session.js';

/**
 * Whether one of the user's grants gives the command somewhere, read from the one authorization
 * table (packages/domain). Only decides which links and pages to show: the API checks every request.
 */
export function mayRun(user: CurrentUser | null, command: Command): boolean {
  return (user?.grants ?? []).some((g) => roleCommands[g.role].includes(command));
}

/** The units of the user's grants that give the command (a provincial office's province, say), from the same table. */
export function unitsWhere(user: CurrentUser | null, command: Command): string[] {
  return (user?.grants ?? []).flatMap((g) => (roleCommands[g.role].includes(command) && g.unitCode !== null ? [g.unitCode] : []));
}
