import type { UpdateDefinition } from '@temporalio/common';
import { setHandler } from '@temporalio/workflow';

export type HandleCommand = <Ret, C>(update: UpdateDefinition<Ret, [C]>, handler: (command: C) => Promise<Ret>, validate: (command: C) => void) => void;

/**
 * Registers people's commands so that each runs once every command accepted before it has
 * finished, checked again first against the state they left. A validator judges the state as the
 * command arrives; without this, a command awaiting its activity could be overtaken between its
 * check and its write. `ordered` false: runs recorded before ordering existed replay as they ran.
 */
export function commandQueue(ordered: boolean): HandleCommand {
  let tail: Promise<unknown> = Promise.resolve();
  function inOrder<T>(recheck: () => void, run: () => Promise<T>): Promise<T> {
    if (!ordered) return run();
    const next = tail.then(() => {
      recheck();
      return run();
    });
    tail = next.catch(() => undefined);
    return next;
  }
  return (update, handler, validate) => {
    setHandler(update, (command) => inOrder(() => validate(command), () => handler(command)), { validator: validate });
  };
}
