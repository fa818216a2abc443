import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from './generated/prisma/client.js';

export type Db = PrismaClient;

/** The connection pool under each client: Prisma's queries and the prepared statements (prepared.ts) share it. */
const pools = new WeakMap<Db, pg.Pool>();

export function createPrismaClient(databaseUrl: string, options: { max?: number } = {}): Db {
  // A database that does not answer fails a query within seconds instead of holding the request.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
  // An idle connection's error (the server restarted) costs that connection, never the process.
  pool.on('error', () => undefined);
  const db = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(db, pool);
  return db;
}

/** The pool a client made by createPrismaClient runs on. */
export function poolOf(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('This database client was not made by createPrismaClient: it has no pool for prepared statements.');
  return pool;
}
