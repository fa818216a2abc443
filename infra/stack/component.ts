import type { Config } from '@ntm/config';
import type { StackPaths } from './paths.js';

export interface StackContext {
  config: Config;
  paths: StackPaths;
  progress: (line: string) => void;
}

/** One part of the local stack: a server process we install, start, check and stop. */
export interface Component {
  name: string;
  /** Idempotent: a running, healthy component is left as it is. */
  start(ctx: StackContext): Promise<void>;
  /** Returns whether anything was running. */
  stop(ctx: StackContext): Promise<boolean>;
  health(ctx: StackContext): Promise<boolean>;
  logFile(paths: StackPaths): string;
  /** Folders that `reset` wipes. */
  dataDirs(paths: StackPaths): string[];
}
