import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { pdfText } from '@ntm/documents/testing';
import { sha256OfStream } from '@ntm/storage';
import { testConfig } from '@ntm/testing';
import { bringToDecision, startDossierHarness, type Call } from './test-harness.js';

const config = testConfig();

describe('the provincial decision (real Temporal, PostgreSQL and MinIO)', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    call = h.call;
  });
  afterAll(() => h.close());

  const dossierAwaitingDecision = (unitCode: string) => bringToDecision(h, unitCode);
  const recognise = (id: string, number: string) =>
    call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number, date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });

  let recognisedId: string;

  it('recognises: the decision PDF is stored with its SHA-256, the unit becomes recognised, the public can verify it', async () => {
    recognisedId = await dossierAwaitingDecision('P1-D1-C1');
    const res = await recognise(recognisedId, '12/QĐ-UBND');
    expect(res.status).toBe(200);
    expect(res.body.stage).toBe('RECOGNISED');

    const decision = (await call('GET', `/dossiers/${recognisedId}/decision`)).body as { id: string; pdfSha256: string; number: string };
    expect(decision.number).toBe('12/QĐ-UBND');
    const pdf = (await call('GET', `/dossiers/${recognisedId}/decision.pdf`)).body.raw as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(decision.pdfSha256);
    const stored = await h.db.decision.findUniqueOrThrow({ where: { id: decision.id } });
    expect(await sha256OfStream(await h.storage.getStream(stored.pdfKey ?? ''))).toBe(decision.pdfSha256);

    expect(await h.db.recognition.findMany({ where: { unitCode: 'P1-D1-C1' } })).toMatchObject([{ trackCode: 'T-NTM', year: 2025, status: 'active' }]);
    const verify = await h.app.inject({ method: 'GET', url: `/public/decisions/${decision.id}` });
    expect(verify.json()).toMatchObject({ number: '12/QĐ-UBND', unitName: 'Xã Sơn Bình', date: '2026-11-20', sha256: decision.pdfSha256, recognitionStatus: 'active' });
    // A phone scanning the decision's QR code gets a page.
    const page = await h.app.inject({ method: 'GET', url: `/public/decisions/${decision.id}`, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    for (const text of ['12/QĐ-UBND', 'Xã Sơn Bình', '20/11/2026', decision.pdfSha256]) expect(page.body).toContain(text);
  });

  it('shows the public only the stage and dates of a dossier, looked up by its tracking code', async () => {
    const { trackingCode } = (await call('GET', `/dossiers/${recognisedId}`)).body as { trackingCode: string };
    // Anyone may look it up: no token.
    const res = await h.app.inject({ method: 'GET', url: `/public/dossiers/${trackingCode}` });
    const body = res.json<{ stage: string; steps: Array<Record<string, unknown>> }>();
    expect(Object.keys(body).sort()).toEqual(['createdAt', 'decidedAt', 'stage', 'steps', 'submittedAt', 'trackingCode']);
    expect(body.stage).toBe('RECOGNISED');
    // The process-control steps carry names, dates and on-time status: no people, no content.
    expect(body.steps.length).toBeGreaterThan(0);
    for (const step of body.steps) expect(Object.keys(step).sort()).toEqual(['dueDate', 'endedAt', 'stageName', 'startedAt', 'status']);
  });

  it('refuses a recognised unit a second dossier on the same track', async () => {
    const res = await call('POST', '/dossiers', { commandId: randomUUID(), unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2026 });
    expect(res.status).toBe(422);
  });

  it('refuses a decision number already used in the province that year, writing nothing', async () => {
    const id = await dossierAwaitingDecision('P1-D1-C2');
    const res = await recognise(id, '12/QĐ-UBND');
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/12\/QĐ-UBND đã được dùng/);
    expect((await call('GET', `/dossiers/${id}`)).body.stage).toBe('DECISION');
    expect(await h.db.decision.count({ where: { dossierId: id } })).toBe(0);

    const refused = await call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'refuse', reasons: 'Tiêu chí 17 chưa bền vững.' });
    expect(refused.body.stage).toBe('REFUSED');
    expect((await call('GET', `/dossiers/${id}/decision.pdf`)).status).toBe(404);
    expect(await h.db.recognition.count({ where: { unitCode: 'P1-D1-C2' } })).toBe(0);
  });

  it('refuses a recognition the province\'s decision form cannot word, writing nothing', async () => {
    const id = await dossierAwaitingDecision('P1-D1-C2');
    const decide = (signerTitle: string) =>
      call('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number: '13/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử', signerTitle });
    const preview = (signerTitle: string) =>
      call('POST', `/dossiers/${id}/decision/preview`, { number: '13/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử', signerTitle });
    const wrongTitle = await decide('Chánh Văn phòng');
    expect(wrongTitle.status).toBe(422);
    expect(wrongTitle.body.detail).toContain('"Chủ tịch" hoặc "Phó Chủ tịch"');
    // The preview says the same before anything is issued, and shows the decision as it would be issued.
    expect((await preview('Chánh Văn phòng')).body.detail).toBe(wrongTitle.body.detail);
    const previewed = await preview('Chủ tịch');
    expect(previewed.status).toBe(200);
    const text = await pdfText(previewed.body.raw as Buffer);
    expect(text).toContain('Số: 13/QĐ-UBND');
    expect(text).toContain('Người ký thử');
    expect(await h.db.decision.count({ where: { dossierId: id } })).toBe(0);

    const form = await h.db.decisionForm.delete({ where: { provinceCode_trackCode: { provinceCode: 'P1', trackCode: 'T-NTM' } } });
    try {
      const noForm = await decide('Chủ tịch');
      expect(noForm.status).toBe(422);
      expect(noForm.body.detail).toContain('chưa khai báo mẫu quyết định');
    } finally {
      await h.db.decisionForm.create({ data: form });
    }
    expect((await call('GET', `/dossiers/${id}`)).body.stage).toBe('DECISION');
    expect(await h.db.decision.count({ where: { dossierId: id } })).toBe(0);
    expect((await decide('Chủ tịch')).body.stage).toBe('RECOGNISED');
    expect((await preview('Chủ tịch')).status).toBe(409);
  });

  it('rejects a malformed decision with field errors', async () => {
    const res = await call('POST', `/dossiers/${randomUUID()}/decision`, { commandId: randomUUID(), outcome: 'recognise', number: 'QĐ 12', date: '20/11/2026' });
    expect(res.status).toBe(400);
    expect(res.body.errors?.map((e) => e.location).sort()).toEqual(['body.date', 'body.effectiveDate', 'body.number', 'body.signer']);
  });
});
