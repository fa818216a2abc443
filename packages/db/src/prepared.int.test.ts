import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '@ntm/testing';
import { createPrismaClient, poolOf, type Db } from './client.js';
import { preparedStatement, queryPrepared } from './prepared.js';

const config = testConfig();
const sum = preparedStatement<{ total: number }>('db-test.sum', 'SELECT $1::int + $2::int AS total');

describe('prepared statements on the Prisma client’s pool (real server)', () => {
  let db: Db;
  beforeAll(() => {
    db = createPrismaClient(config.postgres.url, { max: 1 });
  });
  afterAll(() => db.$disconnect());

  it('prepares a statement once per connection and runs it with each call’s parameters', async () => {
    expect(await queryPrepared(db, sum, [2, 3])).toEqual([{ total: 5 }]);
    expect(await queryPrepared(db, sum, [40, 2])).toEqual([{ total: 42 }]);
    // One connection in the pool: both calls ran on it, and PostgreSQL kept the statement by name.
    const prepared = await queryPrepared<{ name: string }>(db, preparedStatement('db-test.prepared', "SELECT name FROM pg_prepared_statements WHERE name LIKE 'db-test.%' ORDER BY name"), []);
    expect(prepared.map((p) => p.name)).toEqual(['db-test.prepared', 'db-test.sum']);
  });

  it('shares the pool with Prisma’s own queries', async () => {
    expect(poolOf(db).totalCount).toBe(1);
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
    expect(poolOf(db).totalCount).toBe(1);
  });

  it('refuses a name declared again with another text', () => {
    expect(preparedStatement('db-test.sum', 'SELECT $1::int + $2::int AS total')).toEqual(sum);
    expect(() => preparedStatement('db-test.sum', 'SELECT 1')).toThrow(/declared twice/);
  });
});
