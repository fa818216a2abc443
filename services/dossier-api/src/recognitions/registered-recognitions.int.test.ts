import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { pdf } from '@ntm/evidence-api/test-files';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';

const config = testConfig();
/** Province P2: the fixtures' province with its codes renamed, so a unit of another province exists. */
const otherProvince = () => JSON.parse(JSON.stringify(provinceFixture()).replaceAll('"P1', '"P2')) as unknown;
const header = 'unit_code,track_code,year,decision_number,signed_on,signer,signer_title';

describe('registering recognitions decided before the system (real PostgreSQL and MinIO)', () => {
  let h: DossierHarness;
  let authorization: string;
  const csv = (body: string, dryRun = false) =>
    h.app.inject({ method: 'POST', url: `/provinces/P1/registered-recognitions/csv?dryRun=${dryRun}`, payload: body, headers: { authorization, 'content-type': 'text/csv' } });
  const putPdf = (id: string, body: Buffer) => h.app.inject({ method: 'PUT', url: `/registered-recognitions/${id}/pdf`, payload: body, headers: { authorization, 'content-type': 'application/pdf' } });

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture(), otherProvince()]);
    authorization = await h.authorizationOf(h.stepUser);
  });
  afterAll(() => h.close());

  let decisionId: string;

  it('registers one through the API: the unit shows it, the verification page marks it as registered from an earlier decision', async () => {
    const res = await h.call('POST', '/provinces/P1/registered-recognitions', {
      unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2019, decisionNumber: '2345/QĐ-UBND', signedOn: '2019-12-27', signer: 'Nguyễn Văn Thử', signerTitle: 'Phó Chủ tịch',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ unitCode: 'P1-D1-C1', status: 'active', pdf: null, decisionNumber: '2345/QĐ-UBND' });
    decisionId = String(res.body.decisionId);

    const unit = await h.call('GET', '/catalog/units/P1-D1-C1');
    expect(unit.body.recognitions).toEqual([{ trackCode: 'T-NTM', year: 2019, status: 'active', decisionId, decisionNumber: '2345/QĐ-UBND', signedOn: '2019-12-27', origin: 'registered', revokedOn: null, revocationDecisionId: null }]);
    expect(await h.db.recognition.findUniqueOrThrow({ where: { decisionId } })).toMatchObject({ origin: 'registered', recognisedOn: new Date('2019-12-27T00:00:00Z') });

    const verify = await h.app.inject({ method: 'GET', url: `/public/decisions/${decisionId}` });
    expect(verify.json()).toEqual({ decisionId, number: '2345/QĐ-UBND', date: '2019-12-27', unitName: 'Xã Sơn Bình', trackName: expect.any(String), year: 2019, sha256: null, recognitionStatus: 'active', registered: true, kind: 'recognition', revokedOn: null, revocationNumber: null });
    const page = await h.app.inject({ method: 'GET', url: `/public/decisions/${decisionId}`, headers: { accept: 'text/html' } });
    expect(page.body).toContain('Đăng ký từ quyết định đã ban hành trước khi tỉnh sử dụng hệ thống');
  });

  it('stores the scanned decision like evidence, with its SHA-256; another file is refused, and so is a file that is not a PDF', async () => {
    const scan = pdf('bản quét quyết định 2345');
    const sha256 = createHash('sha256').update(scan).digest('hex');
    const res = await putPdf(decisionId, scan);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ pdf: { sha256, sizeBytes: scan.length } });
    expect((await putPdf(decisionId, scan)).statusCode).toBe(200);
    expect((await putPdf(decisionId, pdf('một bản khác'))).statusCode).toBe(409);
    const notPdf = await putPdf(decisionId, Buffer.from('GIF89a không phải PDF'));
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.json<{ detail: string }>().detail).toContain('không phải PDF');

    const download = await h.app.inject({ method: 'GET', url: `/registered-recognitions/${decisionId}/pdf`, headers: { authorization } });
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256);
    expect((await h.app.inject({ method: 'GET', url: `/public/decisions/${decisionId}` })).json()).toMatchObject({ sha256 });
  });

  it('refuses a CSV with an unknown unit, a duplicate decision number, a date in the future or a unit of another province: one error per row, nothing imported', async () => {
    const before = await h.db.registeredDecision.count();
    const res = await csv(
      [
        header,
        'P1-D1-C9,T-NTM,2020,1/QĐ-UBND,2020-03-01,Lê Văn A,',
        'P1-D1-C2,T-NTM,2019,2345/QĐ-UBND,2019-06-01,Lê Văn A,',
        'P1-D1-C2,T-NTM,2026,7/QĐ-UBND,2099-01-01,Lê Văn A,',
        'P2-D1-C1,T-NTM,2020,8/QĐ-UBND,2020-03-01,Lê Văn A,',
        'P1-D1-C2,T-NTM,2020,9/QĐ-UBND,2020-03-01,Lê Văn A,',
      ].join('\n'),
    );
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const errors = res.json<{ errors: Array<{ location: string; message: string }> }>().errors;
    expect(errors).toEqual([
      { location: 'body.rows.2.unit_code', message: 'không có đơn vị "P1-D1-C9" trong danh mục' },
      { location: 'body.rows.3.decision_number', message: 'số quyết định "2345/QĐ-UBND" năm 2019 đã có trong hệ thống' },
      { location: 'body.rows.4.signed_on', message: expect.stringContaining('ngày ký 2099-01-01 ở sau ngày hôm nay') },
      { location: 'body.rows.5.unit_code', message: 'đơn vị "P2-D1-C1" thuộc tỉnh P2, không thuộc tỉnh P1' },
    ]);
    expect(await h.db.registeredDecision.count()).toBe(before);
    expect(await h.db.recognition.count({ where: { unitCode: 'P1-D1-C2' } })).toBe(0);
  });

  it('checks a good file in a dry run without writing, then imports it whole', async () => {
    const body = `${header}\nP1-D1-C2,T-NTM,2020,9/QĐ-UBND,2020-03-01,Lê Văn A,Chủ tịch\nP1-D1-C1-B1,T-THON,2021,10/QĐ-UBND,2021-05-02,Lê Văn A,\n`;
    const dry = await csv(body, true);
    expect(dry.statusCode, dry.body).toBe(400);
    // Neither the village nor its track is in this catalog: the dry run names the row, and a file without it passes.
    expect(dry.json<{ errors: Array<{ location: string }> }>().errors.map((e) => e.location)).toEqual(['body.rows.3.unit_code', 'body.rows.3.track_code']);
    const good = `${header}\nP1-D1-C2,T-NTM,2020,9/QĐ-UBND,2020-03-01,Lê Văn A,Chủ tịch\n`;
    const dryGood = await csv(good, true);
    expect(dryGood.json()).toMatchObject({ dryRun: true, count: 1 });
    expect(await h.db.recognition.count({ where: { unitCode: 'P1-D1-C2' } })).toBe(0);
    const real = await csv(good);
    expect(real.json()).toMatchObject({ dryRun: false, count: 1, registered: [{ unitCode: 'P1-D1-C2', decisionNumber: '9/QĐ-UBND' }] });
    expect(await h.db.recognition.findMany({ where: { unitCode: 'P1-D1-C2' } })).toMatchObject([{ status: 'active', origin: 'registered', trackCode: 'T-NTM' }]);
    // Once registered, the unit holds the track: registering it again is refused.
    expect((await csv(`${header}\nP1-D1-C2,T-NTM,2020,11/QĐ-UBND,2020-04-01,Lê Văn A,\n`)).json<{ errors: Array<{ message: string }> }>().errors[0]?.message).toContain('còn hiệu lực');
  });

  it('lets only the provincial office of the province register', async () => {
    const commune = await h.callAs({ username: 'xa-thu', grants: [{ role: 'commune_officer', unitCode: 'P1-D1-C1', departmentCode: null }] });
    const body = { unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2019, decisionNumber: '99/QĐ-UBND', signedOn: '2019-12-27', signer: 'A' };
    expect((await commune('POST', '/provinces/P1/registered-recognitions', body)).status).toBe(403);
    const otherOffice = await h.callAs({ username: 'tinh-khac', grants: [{ role: 'provincial_office', unitCode: 'P2', departmentCode: null }] });
    expect((await otherOffice('POST', '/provinces/P1/registered-recognitions', body)).status).toBe(403);
  });
});
