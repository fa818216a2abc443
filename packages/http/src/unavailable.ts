/*
 * Recognises an error that means a dependency (PostgreSQL, Temporal, the object store) cannot be
 * reached right now, whoever threw it, so the caller gets a 503 to retry instead of a 500. Read by
 * shape, so this package depends on neither Prisma nor Temporal.
 */

/** Node's socket errors. */
const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'EPIPE']);
/** Prisma: database unreachable, timed out, connection closed, pool timed out. */
const prismaCodes = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** Prisma's driver adapter (pg): what kind of failure it saw. */
const adapterKinds = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);
/** PostgreSQL's own codes: connection exceptions (08…), shutting down or starting (57P0…), too many connections. */
const postgresCode = /^(08\d{3}|57P0[1-3]|53300)$/;
/** gRPC statuses a Temporal call fails with when the server is away: DEADLINE_EXCEEDED, UNAVAILABLE. */
const grpcUnavailable = new Set([4, 14]);
/** Messages of pg's pool and client when a connection cannot be had or was lost. */
const postgresMessages = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/;

function isUnavailableOne(e: Record<string, unknown>): boolean {
  const code = e.code;
  if (typeof code === 'string' && (networkCodes.has(code) || prismaCodes.has(code) || postgresCode.test(code))) return true;
  if (typeof code === 'number' && grpcUnavailable.has(code) && 'details' in e) return true;
  if (e.name === 'PrismaClientInitializationError') return true;
  const kind = (e.cause as { kind?: unknown } | undefined)?.kind;
  if (typeof kind === 'string' && adapterKinds.has(kind)) return true;
  return typeof e.message === 'string' && postgresMessages.test(e.message);
}

/** True when the error, or anything it wraps, says a dependency is unreachable or timed out. */
export function isDependencyUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0 && seen.size < 20) {
    const e = queue.shift();
    if (e === null || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const record = e as Record<string, unknown>;
    if (isUnavailableOne(record)) return true;
    queue.push(record.cause);
    const meta = record.meta as Record<string, unknown> | undefined;
    if (meta) queue.push(meta.driverAdapterError);
    if (Array.isArray(record.errors)) queue.push(...(record.errors as unknown[]));
  }
  return false;
}
