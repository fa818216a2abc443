import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig } from '@ntm/testing';
import { appendAudit, auditHash, GENESIS_HASH, readAuditTrail, verifyAuditChain, withAudit, type AuditEntry } from './audit.js';
import { Prisma } from './generated/prisma/client.js';
import { createPrismaClient, type Db } from './client.js';
import { createScratchDatabase, type ScratchDatabase } from './scratch.js';

const config = testConfig();
const DOSSIER_A = '7d3f2a10-5b6c-4d7e-8f90-a1b2c3d4e5f6';
const DOSSIER_B = '1c9e8d7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b';

function entry(n: number, over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    actor: `can.bo.${n}`,
    role: 'commune_officer',
    unitCode: '12-TUY-PHM',
    dossierId: DOSSIER_A,
    command: 'dossier.edit',
    requestId: `req-${n}`,
    // Keys deliberately out of order: jsonb reorders them, the hash must not care.
    summary: { before: { stage: 'OPENING', score: n }, after: { stage: 'SELF_ASSESSMENT', score: n + 1, ghiChu: `Bổ sung minh chứng lần ${n}` } },
    ...over,
  };
}

async function append(db: Db, e: AuditEntry) {
  return db.$transaction((tx) => appendAudit(tx, e), { maxWait: 20_000, timeout: 20_000 });
}

async function sql(url: string, text: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query<Record<string, unknown>>(text);
  } finally {
    await client.end();
  }
}

/** Runs `text` with the append-only trigger off, as the table's owner could. */
async function tamper(url: string, text: string) {
  await sql(url, `BEGIN; ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete; ${text}; ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete; COMMIT;`);
}

async function auditRowCount(url: string): Promise<number> {
  const { rows } = await sql(url, 'SELECT count(*)::int AS n FROM audit_events');
  return rows[0]?.n as number;
}

describe('the audit trail (real server)', () => {
  let scratch: ScratchDatabase;
  let db: Db;

  beforeAll(async () => {
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url);
  });
  afterAll(async () => {
    await db.$disconnect();
    await scratch.drop();
  });

  it('starts as an intact empty chain', async () => {
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 0, lastHash: GENESIS_HASH });
  });

  it('chains five appends made in separate transactions', async () => {
    const appended: { seq: bigint; hash: string }[] = [];
    for (let n = 1; n <= 5; n++) appended.push(await append(db, entry(n, n === 5 ? { dossierId: DOSSIER_A.toUpperCase(), role: null, requestId: null } : {})));
    expect(appended.map((a) => a.seq)).toEqual([...appended.map((a) => a.seq)].sort((a, b) => (a < b ? -1 : 1)));

    const trail = await readAuditTrail(db, {});
    expect(trail).toHaveLength(5);
    expect(trail[0]?.prevHash).toBe(GENESIS_HASH);
    trail.forEach((row, i) => {
      expect(row.seq).toBe(appended[i]?.seq.toString());
      expect(row.hash).toBe(appended[i]?.hash);
      if (i > 0) expect(row.prevHash).toBe(trail[i - 1]?.hash);
    });
    expect(trail[1]).toMatchObject({
      actor: 'can.bo.2',
      dossierId: DOSSIER_A,
      summary: { before: { stage: 'OPENING', score: 2 }, after: { stage: 'SELF_ASSESSMENT', score: 3, ghiChu: 'Bổ sung minh chứng lần 2' } },
    });
    expect(trail[4]).toMatchObject({ dossierId: DOSSIER_A, role: null, requestId: null });
    expect(JSON.parse(JSON.stringify(trail))).toEqual(trail);

    const lastHash = appended[4]?.hash;
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: 5, lastHash });
    // Keyset pages that end exactly on, and in the middle of, the trail.
    expect(await verifyAuditChain(db, { batchSize: 1 })).toEqual({ ok: true, rows: 5, lastHash });
    expect(await verifyAuditChain(db, { batchSize: 2 })).toEqual({ ok: true, rows: 5, lastHash });
    expect(await verifyAuditChain(db, { batchSize: 5 })).toEqual({ ok: true, rows: 5, lastHash });
  });

  it('stores the hash auditHash computes, whatever the text: PostgreSQL hashes what appendAudit wrote', async () => {
    const odd = entry(50, {
      actor: 'cán.bộ "xã" \\ 🌾',
      summary: { after: { z: ['dòng 1\ndòng 2', '\u2028', 'tab\t', { b: 0.1, a: 1e21, c: -0 }], ă: 'Ắ', emoji: '👩‍🌾', empty: {} }, before: null },
    });
    const appended = await append(db, odd);
    const [row] = await db.auditEvent.findMany({ where: { seq: appended.seq } });
    if (!row) throw new Error('the appended row is missing');
    expect(auditHash(row)).toBe(appended.hash);
    expect(row.hash).toBe(appended.hash);
    expect(row.actor).toBe(odd.actor);
  });

  it('keeps one valid chain under 20 concurrent appending transactions', async () => {
    const before = await auditRowCount(scratch.url);
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => append(db, entry(100 + i, { dossierId: DOSSIER_B }))));
    expect(new Set(results.map((r) => r.seq)).size).toBe(20);
    const verified = await verifyAuditChain(db, { batchSize: 7 });
    expect(verified).toMatchObject({ ok: true, rows: before + 20 });
    const { rows } = await sql(scratch.url, 'SELECT count(DISTINCT prev_hash)::int AS links, count(*)::int AS n FROM audit_events');
    expect(rows[0]).toEqual({ links: before + 20, n: before + 20 });
  });

  it('leaves nothing behind when the recording transaction rolls back, and the gap it leaves is not a break', async () => {
    const before = await auditRowCount(scratch.url);
    const [last] = (await readAuditTrail(db, { limit: 1000 })).slice(-1);
    const rollback = db.$transaction(async (tx) => {
      await appendAudit(tx, entry(200));
      throw new Error('the change being audited failed');
    });
    await expect(rollback).rejects.toThrow('the change being audited failed');
    expect(await auditRowCount(scratch.url)).toBe(before);

    const next = await append(db, entry(201));
    expect(next.seq).toBeGreaterThan(BigInt(last?.seq ?? '0') + 1n);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, rows: before + 1, lastHash: next.hash });
  });

  it('refuses to append outside an interactive transaction or under snapshot isolation', async () => {
    const before = await auditRowCount(scratch.url);
    await expect(appendAudit(db, entry(300))).rejects.toThrow(/inside an interactive transaction/);
    await expect(db.$transaction((tx) => appendAudit(tx, entry(301)), { isolationLevel: 'RepeatableRead' })).rejects.toThrow(/READ COMMITTED/);
    await expect(db.$transaction((tx) => appendAudit(tx, entry(302, { dossierId: 'not-a-uuid' })))).rejects.toThrow(/not a uuid/);
    expect(await auditRowCount(scratch.url)).toBe(before);
  });

  it('writes a change and its audit row in one statement, or neither, in the same chain as the transactional appends', async () => {
    await sql(scratch.url, 'CREATE TABLE audit_test_notes (id int PRIMARY KEY, note text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())');
    const before = await auditRowCount(scratch.url);
    const note = (id: number) => Prisma.sql`INSERT INTO audit_test_notes (id, note) VALUES (${id}, ${`ghi chú ${id}`}) RETURNING id, note, written_at`;

    const [written] = await withAudit<{ id: number; note: string; written_at: string }>(db, note(1), entry(400));
    expect(written).toMatchObject({ id: 1, note: 'ghi chú 1' });
    expect(Number.isNaN(new Date(written?.written_at ?? '').getTime())).toBe(false);
    const [row] = await db.auditEvent.findMany({ where: { requestId: 'req-400' } });
    expect(row && auditHash(row)).toBe(row?.hash);

    // The change fails: no audit row. The entry is refused: no change.
    await expect(withAudit(db, note(1), entry(401))).rejects.toThrow();
    await expect(withAudit(db, note(2), entry(402, { dossierId: 'not-a-uuid' }))).rejects.toThrow(/not a uuid/);
    expect(await auditRowCount(scratch.url)).toBe(before + 1);
    expect((await sql(scratch.url, 'SELECT count(*)::int AS n FROM audit_test_notes')).rows[0]).toEqual({ n: 1 });

    // Single statements and interactive transactions append to one chain, concurrently.
    await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? withAudit(db, note(10 + i), entry(410 + i)) : append(db, entry(410 + i)))));
    expect(await verifyAuditChain(db, { batchSize: 5 })).toMatchObject({ ok: true, rows: before + 11 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE through SQL', async () => {
    await expect(sql(scratch.url, `UPDATE audit_events SET actor = 'ke.gian' WHERE seq = (SELECT min(seq) FROM audit_events)`)).rejects.toThrow(/append-only \(UPDATE refused\)/);
    await expect(sql(scratch.url, 'DELETE FROM audit_events WHERE seq = (SELECT max(seq) FROM audit_events)')).rejects.toThrow(/append-only \(DELETE refused\)/);
    await expect(sql(scratch.url, 'TRUNCATE audit_events')).rejects.toThrow(/append-only \(TRUNCATE refused\)/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it('reads one dossier’s trail in pages', async () => {
    const all = await readAuditTrail(db, { dossierId: DOSSIER_A, limit: 1000 });
    expect(all.length).toBeGreaterThanOrEqual(5);
    expect(all.every((row) => row.dossierId === DOSSIER_A)).toBe(true);
    const first = await readAuditTrail(db, { dossierId: DOSSIER_A, limit: 2 });
    const second = await readAuditTrail(db, { dossierId: DOSSIER_A, after: BigInt(first[1]?.seq ?? '0'), limit: 2 });
    expect([...first, ...second]).toEqual(all.slice(0, 4));
    expect((await readAuditTrail(db, { dossierId: DOSSIER_B })).length).toBe(20);
  });
});

describe('tampering with the audit trail', () => {
  let scratch: ScratchDatabase;
  let db: Db;
  let seqs: bigint[];
  let hashes: string[];

  // Each case gets a fresh five-row trail: tampering cannot be undone.
  async function freshTrail() {
    if (scratch) {
      await db.$disconnect();
      await scratch.drop();
    }
    scratch = await createScratchDatabase(config.postgres.url);
    db = createPrismaClient(scratch.url, { max: 2 });
    const appended = [];
    for (let n = 1; n <= 5; n++) appended.push(await append(db, entry(n)));
    seqs = appended.map((a) => a.seq);
    hashes = appended.map((a) => a.hash);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, rows: 5 });
  }

  afterAll(async () => {
    await db.$disconnect();
    await scratch.drop();
  });

  it.each([
    ['summary', `summary = jsonb_set(summary, '{after,score}', '99')`],
    ['actor', `actor = 'ke.gian'`],
    ['occurredAt', `occurred_at = occurred_at + interval '1 millisecond'`],
    ['dossierId', `dossier_id = '${DOSSIER_B}'`],
  ])('reports an edited %s as a hash mismatch at exactly that row', async (_field, set) => {
    await freshTrail();
    const target = seqs[2] as bigint;
    await tamper(scratch.url, `UPDATE audit_events SET ${set} WHERE seq = ${target}`);
    const result = await verifyAuditChain(db, { batchSize: 2 });
    expect(result).toMatchObject({ ok: false, rows: 2, brokenAt: { seq: target, reason: 'hash_mismatch', found: hashes[2] } });
    if (!result.ok) expect(result.brokenAt.expected).toMatch(/^[0-9a-f]{64}$/);
  });

  it('reports a renumbered row where it was taken out of the chain', async () => {
    await freshTrail();
    await tamper(scratch.url, `UPDATE audit_events SET seq = seq + 1000 WHERE seq = ${seqs[2]}`);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, rows: 2, brokenAt: { seq: seqs[3], reason: 'prev_hash_mismatch', expected: hashes[1], found: hashes[2] } });
  });

  it('reports a deleted middle row as a prev-hash mismatch at the row after it', async () => {
    await freshTrail();
    await tamper(scratch.url, `DELETE FROM audit_events WHERE seq = ${seqs[2]}`);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, rows: 2, brokenAt: { seq: seqs[3], reason: 'prev_hash_mismatch', expected: hashes[1], found: hashes[2] } });
  });

  it('reports a deleted first row at the new first row, which no longer links to the genesis hash', async () => {
    await freshTrail();
    await tamper(scratch.url, `DELETE FROM audit_events WHERE seq = ${seqs[0]}`);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, rows: 0, brokenAt: { seq: seqs[1], reason: 'prev_hash_mismatch', expected: GENESIS_HASH, found: hashes[0] } });
  });

  it('the verify-audit command reports in Vietnamese and exits 1 when broken, 0 when intact', async () => {
    await freshTrail();
    const script = fileURLToPath(new URL('../scripts/verify-audit.ts', import.meta.url));
    const run = (url: string) =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, DATABASE_URL: url } }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );

    const intact = await run(scratch.url);
    expect(intact).toMatchObject({ code: 0, stderr: '' });
    expect(intact.stdout).toContain('Chuỗi nhật ký kiểm toán toàn vẹn: 5 bản ghi');

    await tamper(scratch.url, `UPDATE audit_events SET actor = 'ke.gian' WHERE seq = ${seqs[1]}`);
    const broken = await run(scratch.url);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(`Chuỗi nhật ký kiểm toán bị phá vỡ tại bản ghi số ${seqs[1]}: nội dung bản ghi không khớp với mã băm đã lưu`);
    expect(broken.stderr).toContain(`Mã băm tìm thấy: ${hashes[1]}`);
  });
});
