import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { addDays, startOfVietnamDay, vietnamDay } from '@ntm/domain';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call, type DossierHarness } from './test-harness.js';

// Lai Châu's seed leaves its posting period and satisfaction threshold empty: its dossiers get the
// labelled national defaults, 15 days of posting and 90% satisfaction.
const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;

describe("a Lai Châu dossier under the national defaults (seed catalog)", () => {
  let h: DossierHarness;
  let call: Call;
  beforeAll(async () => {
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json')]);
    call = h.call;
  });
  afterAll(() => h.close());

  it('cannot be submitted before the default posting period has passed, nor with 10% satisfaction; can be once both are met', async () => {
    const today = vietnamDay(new Date());
    const id = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: id, unitCode: '03637', trackCode: 'COMMUNE_NTM', year: 2026 })).status).toBe(201);
    const view = (await call('GET', `/dossiers/${id}`)).body as { criteria: Array<{ code: string }>; documents: Array<{ code: string }> };
    for (const c of view.criteria) await call('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' });
    for (const d of view.documents) await call('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) });
    for (const kind of ['no_construction_debt', 'no_complex_security_situation']) {
      await call('PUT', `/dossiers/${id}/attestations/${kind}`, { commandId: randomUUID(), attested: true, explanation: 'Đã xác nhận.' });
    }
    // Posted today, 10% satisfied: the province set neither rule, the defaults still apply.
    expect((await call('PUT', `/dossiers/${id}/posting`, { commandId: randomUUID(), startDate: today })).body).toEqual({ endsOn: addDays(today, 15) });
    await call('PUT', `/dossiers/${id}/satisfaction`, { commandId: randomUUID(), percent: 10 });
    const refused = await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
    expect(refused.status).toBe(422);
    expect(refused.body.errors).toEqual([
      { location: 'dossier.posting_not_elapsed.posting', message: `Thời gian niêm yết công khai (15 ngày) chưa hết; nộp được từ ngày ${addDays(today, 15)}.` },
      { location: 'dossier.satisfaction_below_threshold.satisfaction', message: 'Tỷ lệ hài lòng 10% thấp hơn ngưỡng 90% của tỉnh.' },
    ]);

    await call('PUT', `/dossiers/${id}/satisfaction`, { commandId: randomUUID(), percent: 92 });
    // The day before the posting ends (23:00 in Hà Nội) is still too early; its last day is not.
    h.receiveCommandsAt(new Date(startOfVietnamDay(addDays(today, 14)) + 23 * 3_600_000));
    const early = await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() });
    expect(early.body.errors).toEqual([expect.objectContaining({ location: 'dossier.posting_not_elapsed.posting' })]);
    h.receiveCommandsAt(new Date(startOfVietnamDay(addDays(today, 15)) + 8 * 3_600_000));
    try {
      expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });
    } finally {
      h.receiveCommandsAt(null);
    }
  });
});
