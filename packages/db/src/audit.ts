import { createHash } from 'node:crypto';
import { poolOf, type Db } from './client.js';
import { Prisma, type AuditEvent } from './generated/prisma/client.js';

/**
 * The audit trail: one append-only, hash-chained table (`audit_events`).
 *
 * Each row stores the hash of the row before it (`prevHash`; the first row links to
 * GENESIS_HASH) and its own hash over its whole content, including its `seq` and that
 * `prevHash`. Editing a row breaks its own hash; removing or inserting a row breaks the
 * link of the row after it. The database refuses UPDATE, DELETE and TRUNCATE (triggers in the
 * identity_audit_process_control migration), so the chain is the second line of defence: it
 * shows tampering by someone who could get around the triggers.
 *
 * What the chain cannot show: rows removed from the very end (nothing links to them). Keep an
 * external copy of the latest hash (verifyAuditChain returns it) to detect that.
 */

/** prevHash of the first row. */
export const GENESIS_HASH = '0'.repeat(64);

/** Version tag at the start of every hash preimage, so the serialisation can change later. */
const HASH_FORMAT = 'ntm.audit.v1';

/**
 * The transaction-scoped advisory lock that serialises appends is taken by `audit_append` with the
 * key 0x6e746d5f61756469 ('ntm_audi' in ASCII). Any other code taking pg_advisory_xact_lock or
 * pg_advisory_lock must not use this key.
 */

export interface AuditEntry {
  actor: string;
  role: string | null;
  unitCode: string | null;
  dossierId: string | null;
  command: string;
  requestId: string | null;
  summary: { before?: unknown; after?: unknown };
  /** Defaults to now (this process's clock). Stored with millisecond precision, as Dates carry. */
  occurredAt?: Date;
}

/** Everything the hash covers: a stored row minus its own hash. An AuditEvent row fits. */
export interface AuditHashInput {
  seq: bigint;
  prevHash: string;
  occurredAt: Date;
  actor: string;
  role: string | null;
  unitCode: string | null;
  dossierId: string | null;
  command: string;
  requestId: string | null;
  summary: unknown;
}

/**
 * SHA-256 (lower-case hex) of the UTF-8 bytes of the canonical JSON array
 *
 *   ["ntm.audit.v1", seq as decimal string, prevHash, occurredAt.toISOString(),
 *    actor, role, unitCode, dossierId, command, requestId, summary]
 *
 * with nulls as JSON null and no whitespace. summary is first reduced to plain JSON the way
 * JSON.stringify does (toJSON, undefined members dropped, non-finite numbers as null), then written
 * with object keys sorted (by UTF-16 code units) at every depth, so jsonb's key reordering and
 * whitespace do not change the hash. Pure: the same input always gives the same hash.
 */
export function auditHash(row: AuditHashInput): string {
  return createHash('sha256').update(preimageHead(row.seq, row.prevHash) + preimageRest(row), 'utf8').digest('hex');
}

/**
 * The preimage's start: its format, seq and prevHash. Written by `audit_append` in SQL as well
 * (migration 20261203190000_audit_append_function), since only it knows seq and prevHash: a decimal
 * and a hex string, which JSON writes without escapes.
 */
function preimageHead(seq: bigint, prevHash: string): string {
  return `[${JSON.stringify(HASH_FORMAT)},${JSON.stringify(seq.toString())},${JSON.stringify(prevHash)},`;
}

/** The preimage after prevHash: the row's other members and the array's closing bracket. */
function preimageRest(row: Omit<AuditHashInput, 'seq' | 'prevHash'>): string {
  return canonicalJson([row.occurredAt.toISOString(), row.actor, row.role, row.unitCode, row.dossierId, row.command, row.requestId, toPlainJson(row.summary)]).slice(1);
}

/**
 * Appends one event to the audit trail inside the caller's transaction, so the event commits or
 * rolls back together with the change it records.
 *
 * One statement, `audit_append` (migration 20261203190000_audit_append_function): it takes a
 * transaction-scoped advisory lock, reads the head of the chain in a fresh snapshot, takes the seq
 * from the table's sequence, hashes and inserts the row. Because the lock is held until commit, seq
 * order is commit order and every append sees the previous one's row. A transaction that rolls
 * back after appending leaves a gap in seq, which is harmless: the next row links to the last
 * committed one. The hash is the one `auditHash` computes (the verifier's), its preimage written
 * here but for seq and prevHash.
 *
 * Requirements, checked: `tx` must be an interactive transaction (not the root client, where the
 * append would commit on its own, apart from the change it records), at READ COMMITTED (under
 * REPEATABLE READ/SERIALIZABLE the snapshot can predate the previous append and fork the chain;
 * the function refuses). Concurrent appends queue on the lock until each one's commit, so append
 * last, just before the commit.
 */
export async function appendAudit(tx: Prisma.TransactionClient, entry: AuditEntry): Promise<{ seq: bigint; hash: string }> {
  if (isRootClient(tx)) throw new Error('appendAudit must run inside an interactive transaction (db.$transaction(async (tx) => …))');
  return appended(await tx.$queryRaw<AppendedRow[]>`SELECT appended_seq, appended_hash FROM ${auditAppendCall(entry)}`);
}

/**
 * A change and its audit row in one statement: `change` (an INSERT, UPDATE or DELETE with a
 * RETURNING clause) runs as a data-modifying WITH clause of the statement that appends. One round
 * trip and atomic by itself, on the root client with no interactive transaction around it; the
 * chain's lock is held for that statement alone. Answers the rows `change` returned, as JSON
 * (column names as in the table, timestamps as ISO text). For a change that is one statement, such
 * as recording a stored file.
 */
export async function withAudit<Row>(db: Db, change: Prisma.Sql, entry: AuditEntry): Promise<Row[]> {
  const statement = Prisma.sql`
    WITH change AS (${change})
    SELECT appended_seq, appended_hash, (SELECT json_agg(change) FROM change) AS changed FROM ${auditAppendCall(entry)}`;
  // Straight to the pool as a named prepared statement: one statement needs none of Prisma's query
  // machinery, and a call site's text never changes, so PostgreSQL parses and plans it once per
  // connection (docs/scale.md, "Uploads"). The name is the text's, so two texts never share one.
  const { text, values } = statement;
  const name = `with-audit-${createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
  const { rows } = await poolOf(db).query<AppendedRow & { changed: Row[] | null }>({ name, text, values });
  appended(rows);
  return rows[0]?.changed ?? [];
}

type AppendedRow = { appended_seq: bigint | number | string; appended_hash: string };

function appended([row]: AppendedRow[]): { seq: bigint; hash: string } {
  if (!row) throw new Error('appendAudit: audit_append returned no row');
  return { seq: BigInt(row.appended_seq), hash: row.appended_hash };
}

/** The call of `audit_append` for one entry, its text checked and the preimage after prevHash written. */
function auditAppendCall(entry: AuditEntry): Prisma.Sql {
  const occurredAt = entry.occurredAt ?? new Date();
  if (Number.isNaN(occurredAt.getTime())) throw new TypeError('appendAudit: occurredAt is an invalid Date');
  const summary = toPlainJson(entry.summary);
  if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) throw new TypeError('appendAudit: summary must be an object');
  const fields = {
    actor: text('actor', entry.actor),
    role: optionalText('role', entry.role),
    unitCode: optionalText('unitCode', entry.unitCode),
    dossierId: entry.dossierId === null ? null : uuid(entry.dossierId),
    command: text('command', entry.command),
    requestId: optionalText('requestId', entry.requestId),
  };
  assertStrings(summary, 'summary');
  const rest = preimageRest({ occurredAt, ...fields, summary });
  return Prisma.sql`audit_append(
      ${occurredAt.toISOString()}::timestamptz, ${fields.actor}, ${fields.role}, ${fields.unitCode}, ${fields.dossierId}::uuid,
      ${fields.command}, ${fields.requestId}, ${JSON.stringify(summary)}::jsonb, ${rest})`;
}

/** The root client connects and disconnects; the client of an interactive transaction has no `$connect`. */
const isRootClient = (client: object): boolean => typeof (client as { $connect?: unknown }).$connect === 'function';

export type AuditChainVerification =
  | { ok: true; rows: number; lastHash: string }
  | { ok: false; rows: number; brokenAt: { seq: bigint; reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'gap'; expected: string; found: string } };

/**
 * Walks the whole trail in seq order (keyset pagination, `batchSize` rows per query, default 1000)
 * and reports the first broken row:
 * - prev_hash_mismatch: its prevHash is not the previous row's stored hash (GENESIS_HASH for the
 *   first row); expected is that hash, found the row's prevHash. A deleted or inserted row shows
 *   up here, at the row after it.
 * - hash_mismatch: its content does not hash to its stored hash (the row was edited); expected is
 *   the recomputed hash, found the stored one.
 * The link is checked before the row's own hash. Gaps in seq are never reported by themselves:
 * a rolled-back append leaves one legitimately, and a gap left by a deleted row already breaks
 * the link. 'gap' is therefore not produced; it stays in the type for callers' exhaustiveness.
 *
 * rows: rows found intact (all of them when ok, those before the broken one otherwise);
 * lastHash: hash of the last row, GENESIS_HASH when the trail is empty.
 * Safe to run while appends go on: committed rows always form a prefix of the chain.
 */
export async function verifyAuditChain(db: Db, opts: { batchSize?: number } = {}): Promise<AuditChainVerification> {
  const batchSize = opts.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`verifyAuditChain: batchSize must be a positive integer, got ${batchSize}`);
  let rows = 0;
  let lastHash = GENESIS_HASH;
  let after: bigint | null = null;
  for (;;) {
    const batch: AuditEvent[] = await db.auditEvent.findMany({ where: after === null ? {} : { seq: { gt: after } }, orderBy: { seq: 'asc' }, take: batchSize });
    for (const row of batch) {
      if (row.prevHash !== lastHash) return { ok: false, rows, brokenAt: { seq: row.seq, reason: 'prev_hash_mismatch', expected: lastHash, found: row.prevHash } };
      const recomputed = auditHash(row);
      if (recomputed !== row.hash) return { ok: false, rows, brokenAt: { seq: row.seq, reason: 'hash_mismatch', expected: recomputed, found: row.hash } };
      rows += 1;
      lastHash = row.hash;
      after = row.seq;
    }
    if (batch.length < batchSize) return { ok: true, rows, lastHash };
  }
}

/** A stored audit event shaped for JSON: seq as a decimal string, occurredAt as an ISO string. */
export interface AuditTrailRow {
  seq: string;
  occurredAt: string;
  actor: string;
  role: string | null;
  unitCode: string | null;
  dossierId: string | null;
  command: string;
  requestId: string | null;
  summary: unknown;
  prevHash: string;
  hash: string;
}

/**
 * Audit events in seq order, optionally of one dossier or of some units, after a seq (for paging:
 * pass the last seq you got). limit defaults to 100 and is clamped to 1..1000.
 */
export async function readAuditTrail(db: Db, filter: { dossierId?: string; unitCodes?: readonly string[]; after?: bigint; limit?: number } = {}): Promise<AuditTrailRow[]> {
  const limit = Math.min(1000, Math.max(1, Math.trunc(filter.limit ?? 100) || 100));
  const where: Prisma.AuditEventWhereInput = {};
  if (filter.dossierId !== undefined) where.dossierId = uuid(filter.dossierId);
  if (filter.unitCodes !== undefined) where.unitCode = { in: [...filter.unitCodes] };
  if (filter.after !== undefined) where.seq = { gt: filter.after };
  const rows = await db.auditEvent.findMany({ where, orderBy: { seq: 'asc' }, take: limit });
  return rows.map((row) => ({ ...row, seq: row.seq.toString(), occurredAt: row.occurredAt.toISOString() }));
}

/** The value as JSON.stringify sees it, as plain objects, arrays and primitives. */
function toPlainJson(value: unknown): unknown {
  const json = JSON.stringify(value);
  return json === undefined ? null : (JSON.parse(json) as unknown);
}

/** JSON of a plain JSON value with object keys sorted at every depth. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const object = value as Record<string, unknown>;
    return `{${Object.keys(object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** PostgreSQL returns uuids in lower case; hash what it will return. */
function uuid(value: string): string {
  if (!UUID.test(value)) throw new TypeError(`audit: dossierId is not a uuid: ${JSON.stringify(value)}`);
  return value.toLowerCase();
}

// PostgreSQL would store a lone surrogate as U+FFFD (or refuse it in jsonb), and a NUL not at
// all; either way the stored row would no longer match its hash, so refuse such text up front.
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\u0000/;

function text(field: string, value: string): string {
  if (typeof value !== 'string' || UNSTORABLE.test(value)) throw new TypeError(`audit: ${field} is not storable text`);
  return value;
}

function optionalText(field: string, value: string | null): string | null {
  return value === null ? null : text(field, value);
}

function assertStrings(value: unknown, path: string): void {
  if (typeof value === 'string') text(path, value);
  else if (Array.isArray(value)) value.forEach((item, i) => assertStrings(item, `${path}[${i}]`));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) assertStrings(item, `${path}.${text(`${path} key`, key)}`);
}
