import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCatalog } from '@ntm/catalog';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();

/** The national test catalog after an import that renames things (a stage's code too) and raises C3's thresholds (40/50 → 60). */
function revisedCatalog() {
  const national = nationalFixture();
  const [set] = national.criteriaSets ?? [];
  const [track] = national.tracks ?? [];
  const income = set?.criteria.find((c) => c.code === 'C3');
  const [indicator] = income?.indicators ?? [];
  if (!set || !track || !income || !indicator) throw new Error('fixture changed');
  set.legalBasis = 'Văn bản thử sửa đổi';
  income.name = 'Thu nhập bình quân đầu người';
  indicator.thresholds = { default: null, byGroup: { R1: 60, R2: 60 } };
  track.name = 'Xã đạt chuẩn (tên mới)';
  track.stages = track.stages.map((s) => ({ ...s, code: s.kind === 'self_assessment' ? 'TU_DANH_GIA' : s.code, name: `${s.name} (tên mới)` }));
  return national;
}

const pdfText = (pdf: Buffer) => execFileSync('pdftotext', ['-', '-'], { input: pdf }).toString('utf8').replace(/\s+/g, ' ');

describe('a dossier is judged against the plan it opened with, whatever a later catalog import says', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;
  let id: string;
  let before: Record<string, unknown>;

  const income = (dossierId: string, value: number) =>
    call('PUT', `/dossiers/${dossierId}/criteria/C3/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.', indicators: [{ indicatorCode: '3.1', met: true, value }] });
  const frozenPart = async (dossierId: string) => {
    const { history: _history, processControl: _control, ...rest } = (await call('GET', `/dossiers/${dossierId}`)).body;
    return rest;
  };

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    call = h.call;
    id = randomUUID();
    // Giang Ma is in region R2: indicator 3.1 needs at least 50 when the dossier opens.
    expect((await call('POST', '/dossiers', { commandId: id, unitCode: 'P1-D1-C2', trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    for (const c of ['C1', 'C2']) await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    expect((await income(id, 55)).status).toBe(200);
    before = await frozenPart(id);
    const imported = await importCatalog(h.db, revisedCatalog());
    expect(imported.ok && imported.changes.map((c) => c.entity).sort()).toEqual(['criteriaSet', 'track']);
  });
  afterAll(() => h.close());

  it('leaves the open dossier\'s view exactly as it was', async () => {
    expect(await frozenPart(id)).toEqual(before);
    expect(JSON.stringify(before)).toContain('"name":"Thu nhập"');
  });

  it('keeps checking the open dossier against its own thresholds, while a new dossier gets the new ones', async () => {
    expect((await income(id, 55)).status).toBe(200);
    const below = await income(id, 49);
    expect(below.status).toBe(422);
    expect(below.body.detail).toContain('≥ 50');

    const fresh = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: fresh, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
    const refused = await income(fresh, 55);
    expect(refused.status).toBe(422);
    expect(refused.body.detail).toContain('≥ 60');
    expect((await call('GET', `/dossiers/${fresh}`)).body).toMatchObject({ trackName: 'Xã đạt chuẩn (tên mới)' });
  });

  it('decides the open dossier with the names, stages and legal basis it opened with', async () => {
    // The evidence API still sees the dossier in its self-assessment stage (SELF), whatever the track now calls it.
    await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
    await meetSubmissionConditions(call, id);
    expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });
    for (const [c, d] of [['C1', 'SXD'], ['C3', 'SXD'], ['C2', 'SGT'], ['C3', 'SGT']]) {
      await call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: d, verdict: 'met', reason: null });
    }
    expect((await call('POST', `/dossiers/${id}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null })).body).toEqual({ stage: 'DECISION' });
    const decided = await call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number: '77/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
    expect(decided.body.stage).toBe('RECOGNISED');

    const text = pdfText((await call('GET', `/dossiers/${id}/decision.pdf`)).body.raw as Buffer);
    expect(text).toContain('đạt chuẩn (thử) năm 2025');
    expect(text).toContain('Căn cứ Văn bản thử');
    expect(text).not.toContain('tên mới');
    expect(text).not.toContain('sửa đổi');
    const steps = ((await call('GET', `/dossiers/${id}`)).body.processControl as { steps: Array<{ stageName: string }> }).steps;
    expect(steps.map((s) => s.stageName)).toEqual(['Tự đánh giá', 'Thẩm định', 'Huyện xác nhận', 'Tỉnh công nhận']);
  });

  it('refuses an import that would delete a criterion dossiers use, saying why, and changes nothing', async () => {
    const national = revisedCatalog();
    const [set] = national.criteriaSets ?? [];
    if (!set) throw new Error('fixture changed');
    set.criteria = set.criteria.filter((c) => c.code !== 'C2');
    const result = await importCatalog(h.db, national);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/không xóa được tiêu chí "C2" của bộ "SET-A": 2 hồ sơ .* phiên bản mới/)]);
    expect(await h.db.criterion.count({ where: { criteriaSetCode: 'SET-A' } })).toBe(3);
  });

  it('refuses at import a track whose stages cannot be followed to a decision', async () => {
    const national = revisedCatalog();
    const [track] = national.tracks ?? [];
    if (!track) throw new Error('fixture changed');
    track.stages = track.stages.filter((s) => s.kind !== 'decision');
    const result = await importCatalog(h.db, { ...national, criteriaSets: [] });
    expect(!result.ok && result.errors).toEqual([{ location: 'body.tracks.0.stages', message: 'hồ sơ không thể đi hết các bước: bước cuối cùng phải là quyết định (decision)' }]);
  });
});
