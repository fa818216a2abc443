import { poolOf, type Db } from './client.js';

/**
 * A statement of a hot read path, sent as a named prepared statement: PostgreSQL parses and plans it
 * once per connection instead of at every call, and it skips Prisma's query machinery (see
 * docs/scale.md, "Reads"). Rows come as node-postgres types them: json and jsonb parsed, timestamptz
 * as Date, bigint and numeric as strings, arrays as arrays; cast in the SQL what should come otherwise.
 * A name stands for one text in the process (PostgreSQL keeps the statement per connection by name).
 */
export interface PreparedStatement<Row> {
  readonly name: string;
  readonly text: string;
  /** Only carries the row type. */
  readonly row?: Row;
}

const texts = new Map<string, string>();

export function preparedStatement<Row>(name: string, text: string): PreparedStatement<Row> {
  const known = texts.get(name);
  if (known !== undefined && known !== text) throw new Error(`Prepared statement "${name}" is declared twice with different texts.`);
  texts.set(name, text);
  return { name, text };
}

/** Runs the statement on the client's pool with these parameters ($1, $2, …). */
export async function queryPrepared<Row>(db: Db, statement: PreparedStatement<Row>, values: readonly unknown[]): Promise<Row[]> {
  const result = await poolOf(db).query({ name: statement.name, text: statement.text, values: [...values] });
  return result.rows as Row[];
}
