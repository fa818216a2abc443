import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { auditHash, GENESIS_HASH, type AuditHashInput } from './audit.js';

const row: AuditHashInput = {
  seq: 42n,
  prevHash: 'a'.repeat(64),
  occurredAt: new Date('2026-11-23T01:02:03.456Z'),
  actor: 'nguyen.van.a',
  role: 'commune_officer',
  unitCode: '12-TUY-PHM',
  dossierId: '0b7c6f1e-3f1a-4c55-9d61-2f0e7a1b9c10',
  command: 'dossier.edit',
  requestId: 'req-1',
  summary: { before: { stage: 'OPENING', score: 3 }, after: { stage: 'SELF_ASSESSMENT', score: 4.5, note: 'Đã bổ sung minh chứng' } },
};

describe('auditHash', () => {
  it('is the SHA-256 of the documented canonical JSON array', () => {
    const preimage =
      '["ntm.audit.v1","42","' +
      'a'.repeat(64) +
      '","2026-11-23T01:02:03.456Z","nguyen.van.a","commune_officer","12-TUY-PHM","0b7c6f1e-3f1a-4c55-9d61-2f0e7a1b9c10","dossier.edit","req-1",' +
      '{"after":{"note":"Đã bổ sung minh chứng","score":4.5,"stage":"SELF_ASSESSMENT"},"before":{"score":3,"stage":"OPENING"}}]';
    expect(auditHash(row)).toBe(createHash('sha256').update(preimage, 'utf8').digest('hex'));
    expect(auditHash(row)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is stable: same input, same hash', () => {
    expect(auditHash(row)).toBe(auditHash({ ...row, occurredAt: new Date(row.occurredAt.getTime()), summary: structuredClone(row.summary) }));
  });

  it('does not change when summary keys are reordered at any depth, as jsonb does', () => {
    const reordered = { after: { note: 'Đã bổ sung minh chứng', score: 4.5, stage: 'SELF_ASSESSMENT' }, before: { score: 3, stage: 'OPENING' } };
    expect(auditHash({ ...row, summary: reordered })).toBe(auditHash(row));
    const nested = (a: unknown) => ({ after: { list: [{ y: 1, x: [{ q: 1, p: 2 }] }], a } });
    const nestedReordered = (a: unknown) => ({ after: { a, list: [{ x: [{ p: 2, q: 1 }], y: 1 }] } });
    expect(auditHash({ ...row, summary: nested(null) })).toBe(auditHash({ ...row, summary: nestedReordered(null) }));
  });

  it('treats summary as JSON: undefined members vanish, Dates become ISO strings, as after a jsonb round trip', () => {
    const at = new Date('2026-01-01T00:00:00.000Z');
    expect(auditHash({ ...row, summary: { before: undefined, after: { at } } })).toBe(auditHash({ ...row, summary: JSON.parse(JSON.stringify({ after: { at } })) as unknown }));
  });

  it('changes when any field changes', () => {
    const base = auditHash(row);
    const variants: Partial<AuditHashInput>[] = [
      { seq: 43n },
      { prevHash: GENESIS_HASH },
      { occurredAt: new Date(row.occurredAt.getTime() + 1) },
      { actor: 'nguyen.van.b' },
      { role: null },
      { role: 'district_officer' },
      { unitCode: null },
      { unitCode: '12-TUY' },
      { dossierId: null },
      { dossierId: '0b7c6f1e-3f1a-4c55-9d61-2f0e7a1b9c11' },
      { command: 'dossier.submit' },
      { requestId: null },
      { requestId: 'req-2' },
      { summary: { ...row.summary as object, before: { stage: 'OPENING', score: 3.5 } } },
      { summary: { after: (row.summary as { after: unknown }).after } },
      { summary: { before: { stage: 'OPENING', score: 3 }, after: { stage: 'SELF_ASSESSMENT', score: 4.5, note: 'Da bo sung minh chung' } } },
    ];
    const hashes = variants.map((v) => auditHash({ ...row, ...v }));
    for (const hash of hashes) expect(hash).not.toBe(base);
    expect(new Set(hashes).size).toBe(hashes.length);
  });

  it('keeps fields apart: null differs from the string "null", and text cannot shift between fields', () => {
    expect(auditHash({ ...row, role: null })).not.toBe(auditHash({ ...row, role: 'null' }));
    expect(auditHash({ ...row, actor: 'ab', command: 'c' })).not.toBe(auditHash({ ...row, actor: 'a', command: 'bc' }));
    expect(auditHash({ ...row, actor: 'a","b' })).not.toBe(auditHash({ ...row, actor: 'a', role: 'b' }));
  });
});
