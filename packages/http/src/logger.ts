import pino from 'pino';

/**
 * A service's logger: pino at `level`, writing to stdout in batches. Lines are gathered up to 4 KB
 * and written off the main thread, at least every second, instead of one blocking write per line
 * (the two lines Fastify logs per request cost about a tenth of a dossier read's CPU: docs/scale.md,
 * "Reads"). What is gathered is written when the process exits, however it exits; a process killed
 * outright (SIGKILL) can lose its last second of lines.
 */
export function serviceLogger(level: string) {
  const stream = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  setInterval(() => {
    // Ended (the process is exiting): nothing left to write.
    if (!(stream as { destroyed?: boolean }).destroyed) stream.flush();
  }, 1000).unref();
  return { level, stream };
}
