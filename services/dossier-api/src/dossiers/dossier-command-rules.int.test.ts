import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { bringToDecision, startDossierHarness, type Call, type DossierHarness } from './test-harness.js';

const config = testConfig();
const english = /\b(expected|received|Invalid|Body|Unsupported|not valid|Unrecognized|must)\b/;

describe('commands that do not fit: wrong stage, reused ids, strict bodies (real Temporal and PostgreSQL)', () => {
  let h: DossierHarness;
  let call: Call;
  let openId: string;
  /** What a rejected request must leave unchanged: the dossier's audit rows and its stored conditions. */
  const written = async (dossierId: string) => ({
    audit: await h.db.auditEvent.count({ where: { dossierId } }),
    dossier: await h.db.dossier.findUnique({ where: { id: dossierId } }),
  });

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    call = h.call;
    openId = randomUUID();
    expect((await call('POST', '/dossiers', { commandId: openId, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
  });
  afterAll(() => h.close());

  it('answers any command on a decided dossier with 409 wrong-stage naming its stage, and a repeated decision with its first result', async () => {
    const id = await bringToDecision(h, 'P1-D1-C2');
    const decide = { commandId: randomUUID(), outcome: 'refuse', reasons: 'Tiêu chí 17 chưa bền vững.' };
    const refused = await call('POST', `/dossiers/${id}/decision`, decide);
    expect(refused.status).toBe(200);
    const before = await written(id);

    for (const [method, url, body] of [
      ['PUT', `/dossiers/${id}/satisfaction`, { commandId: randomUUID(), percent: 90 }],
      ['PUT', `/dossiers/${id}/criteria/C1/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.' }],
      ['POST', `/dossiers/${id}/submit`, { commandId: randomUUID() }],
      ['POST', `/dossiers/${id}/decision`, { ...decide, commandId: randomUUID() }],
    ] as const) {
      const res = await call(method, url, body);
      expect(res.status, url).toBe(409);
      expect(res.body).toMatchObject({ type: 'urn:ntm:problem:wrong-stage', title: 'Hồ sơ không ở bước phù hợp' });
      expect(res.body.detail).toContain('Đã có quyết định không công nhận');
    }
    // The same decision sent again (its answer was lost, say) still answers what it answered first.
    expect(await call('POST', `/dossiers/${id}/decision`, decide)).toEqual(refused);
    expect(await written(id)).toEqual(before);
  });

  it('refuses a command id reused on another route or with another body, naming the conflict; the same command repeated answers its first result', async () => {
    const commandId = randomUUID();
    const first = await call('PUT', `/dossiers/${openId}/satisfaction`, { commandId, percent: 91 });
    expect(first).toMatchObject({ status: 200, body: { percent: 91 } });
    const before = await written(openId);

    const otherRoute = await call('PUT', `/dossiers/${openId}/posting`, { commandId, startDate: '2024-01-02' });
    expect(otherRoute.status).toBe(409);
    expect(otherRoute.body).toMatchObject({ type: 'urn:ntm:problem:conflict' });
    expect(otherRoute.body.detail).toContain('ghi nhận tỷ lệ hài lòng');

    const otherBody = await call('PUT', `/dossiers/${openId}/satisfaction`, { commandId, percent: 40 });
    expect(otherBody.status).toBe(409);
    expect(otherBody.body.detail).toMatch(/nội dung khác/);

    const otherDossier = await call('PUT', `/dossiers/${randomUUID()}/satisfaction`, { commandId, percent: 91 });
    expect(otherDossier.status).toBe(404);

    // Another create with a command id already used by a command is a conflict, not a second dossier.
    const create = await call('POST', '/dossiers', { commandId, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2026 });
    expect(create.status).toBe(409);
    expect(await h.db.dossier.count({ where: { id: commandId } })).toBe(0);

    expect(await call('PUT', `/dossiers/${openId}/satisfaction`, { commandId, percent: 91, respondents: null, evidenceIds: [] })).toEqual(first);
    expect(await written(openId)).toEqual(before);
  });

  it('refuses unknown fields with a 400 that names each, writing nothing', async () => {
    const before = await written(openId);
    const res = await call('PUT', `/dossiers/${openId}/satisfaction`, { commandId: randomUUID(), percent: 80, note: 'thêm', evidenceIds: [] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ location: 'body.note', message: expect.stringMatching(/không được chấp nhận/) }]);

    const decision = await call('POST', `/dossiers/${openId}/decision`, { commandId: randomUUID(), outcome: 'refuse', reasons: 'x', signer: 'A' });
    expect(decision.status).toBe(400);
    expect(decision.body.errors?.map((e) => e.location)).toEqual(['body.signer']);

    const id = randomUUID();
    const create = await call('POST', '/dossiers', { commandId: id, unitCode: 'P1-D1-C3', trackCode: 'T-NTM', year: 2025, stage: 'DECISION' });
    expect(create.status).toBe(400);
    expect(create.body.errors?.map((e) => e.location)).toEqual(['body.stage']);
    expect(await h.db.dossier.count({ where: { id } })).toBe(0);
    expect(await h.db.dossierCommand.count({ where: { commandId: id } })).toBe(0);
    expect(await written(openId)).toEqual(before);
  });

  it('says every client error in Vietnamese: field errors, malformed or empty JSON, unsupported content type', async () => {
    const bad = await call('PUT', `/dossiers/${openId}/satisfaction`, { commandId: 'x', percent: 'chín mươi' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual(
      expect.arrayContaining([
        { location: 'body.commandId', message: 'không phải mã UUID hợp lệ' },
        { location: 'body.percent', message: 'cần số, nhận được chuỗi ký tự' },
      ]),
    );
    const authorization = await h.authorizationOf(h.stepUser);
    for (const [payload, contentType, status] of [
      ['{"commandId":', 'application/json', 400],
      ['', 'application/json', 400],
      ['percent=90', 'text/plain', 415],
    ] as const) {
      const res = await h.app.inject({ method: 'PUT', url: `/dossiers/${openId}/satisfaction`, payload, headers: { 'content-type': contentType, authorization } });
      expect(res.statusCode).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const body = res.json<{ title: string; detail: string }>();
      expect(`${body.title} ${body.detail}`).not.toMatch(english);
    }
  });
});
