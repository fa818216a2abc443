import { roleCommands, type Command } from '@ntm/domain/authorization';
import type { CurrentUser } from './session.js';

/**
 * Whether one of the user's grants gives the command somewhere, read from the one authorization
 * table (packages/domain). Only decides which links and pages to show: the API checks every request.
 */
export function mayRun(user: CurrentUser | null, command: Command): boolean {
  return (user?.grants ?? []).some((g) => roleCommands[g.role].includes(command));
}
