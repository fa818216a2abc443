import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { nationalFixture, provinceFixture, villageFixture } from '@ntm/catalog/test-fixtures';
import { pdfText } from '@ntm/documents/testing';
import { HistoryEvent } from '@ntm/contracts';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call, type DossierHarness } from '../dossiers/test-harness.js';
import { insertRecognition, reportProvinceFixture, spreadsheetCsv } from './report-fixtures.test-data.js';

type Json = Record<string, unknown> & { summary: Record<string, unknown>; groups: Array<{ code: string; figures: Record<string, unknown> }>; criteria: Array<{ code: string; notMet: number }> };

describe('progress report through the API', () => {
  let h: DossierHarness;
  let province: Call;
  let raw: (url: string, init?: { method?: string; body?: string; type?: string }) => Promise<{ status: number; body: Buffer; type: string; json: () => unknown }>;

  beforeAll(async () => {
    h = await startDossierHarness(testConfig(), [nationalFixture(), provinceFixture(), villageFixture(), reportProvinceFixture()]);
    const office = { username: 'van-phong-p1', grants: [{ role: 'provincial_office' as const, unitCode: 'P1', departmentCode: null }] };
    province = await h.callAs(office);
    const authorization = await h.authorizationOf(office);
    raw = async (url, init = {}) => {
      const res = await h.app.inject({ method: (init.method ?? 'GET') as 'GET', url, payload: init.body, headers: { authorization, ...(init.type ? { 'content-type': init.type } : {}) } });
      return { status: res.statusCode, body: res.rawPayload, type: String(res.headers['content-type']), json: () => res.json() };
    };
    const imported = await raw('/provinces/P1/status-records/import', { method: 'POST', body: spreadsheetCsv, type: 'text/csv' });
    expect(imported.status, imported.body.toString()).toBe(200);
    expect(imported.json()).toEqual({ dryRun: false, records: 15, created: 15, updated: 0 });
    await insertRecognition(h.db, 'P1-D1-C1', '2023-12-01');
    await insertRecognition(h.db, 'P1-D1-C2', '2023-12-01', true);
    expect((await province('PUT', '/provinces/P1/targets', { targets: [{ unitCode: 'P1-D2-C4', trackCode: 'T-NTM', targetYear: 2025 }] })).status).toBe(200);
    // Recorded later: Tà Mung meets its last criterion on 30/09/2024.
    const later = await province('POST', '/provinces/P1/status-records', {
      records: [{ unitCode: 'P1-D2-C3', criteriaSetCode: 'SET-A', criterionCode: 'C3', recordedOn: '2024-09-30', met: true, source: 'appraisal' }],
    });
    expect(later.body).toEqual({ dryRun: false, records: 1, created: 1, updated: 0 });
  });
  afterAll(async () => h.close());

  it('gives every figure of the province as of a date, and leaves out what was recorded later', async () => {
    const r = await province('GET', '/reports/progress?unit=P1&asOf=2024-06-30');
    expect(r.status).toBe(200);
    const report = r.body as Json;
    expect(report.summary).toEqual({
      communes: 5,
      atStandard: 2,
      recognisedAtStandard: 1,
      recognised: 1,
      sharePercent: 40,
      averageMet: 1.8,
      bands: [{ min: 3, max: 3, count: 2 }, { min: 0, max: 2, count: 3 }],
    });
    expect(report.groups.map((g) => [g.code, g.figures.atStandard, g.figures.communes, g.figures.averageMet])).toEqual([
      ['P1-D1', 2, 2, 3],
      ['P1-D2', 0, 3, 1],
    ]);
    expect(report.criteria.map((c) => [c.code, c.notMet])).toEqual([['C1', 1], ['C2', 2], ['C3', 3]]);
    expect(report.planned).toEqual([{ year: 2025, averageMet: 1, communes: [{ code: 'P1-D2-C4', name: 'Xã Khoen On', groupName: 'Huyện Hai', met: 1, total: 3, unmetCriteria: ['Giao thông', 'Thu nhập'] }] }]);
    expect(report.villages).toEqual({ criteriaCount: 2, villages: 2, atStandard: 1, averageMetOfOthers: 1 });
    expect(report.sources).toEqual({ appraisal: 3, selfAssessment: 8, none: 4 });
  });

  it('compares two dates and reads its own bands', async () => {
    const r = await province('GET', '/reports/progress?unit=P1&asOf=2024-12-31&compareTo=2024-06-30&bands=3,2,0-1');
    const report = r.body as Json & { change: Record<string, unknown> };
    expect(report.summary).toMatchObject({ atStandard: 3, averageMet: 2, bands: [{ min: 3, max: 3, count: 3 }, { min: 2, max: 2, count: 0 }, { min: 0, max: 1, count: 2 }] });
    expect(report.change).toMatchObject({ since: '2024-06-30', atStandard: 1, averageMet: 0.2, sharePercent: 20, reachedStandard: [{ code: 'P1-D2-C3', name: 'Xã Tà Mung' }], lostStandard: [] });
    expect(report.change.bands).toEqual([{ min: 3, max: 3, change: 1 }, { min: 2, max: 2, change: -1 }, { min: 0, max: 1, change: 0 }]);
    // The earlier date of a comparison is computed for its communes only; the whole report of that
    // date, asked next, is not answered from it.
    expect((await province('GET', '/reports/progress?unit=P1&asOf=2024-12-31&compareTo=2024-07-01')).status).toBe(200);
    const whole = (await province('GET', '/reports/progress?unit=P1&asOf=2024-07-01')).body as Json;
    expect(whole.villages).toEqual({ criteriaCount: 2, villages: 2, atStandard: 1, averageMetOfOthers: 1 });
  });

  it('counts a recognition from its day until its revocation takes effect, never one marked revoked without that day', async () => {
    const before = (await province('GET', '/reports/progress?unit=P1&asOf=2023-11-30')).body as Json;
    expect(before.summary).toMatchObject({ recognised: 0, atStandard: 0 });
    const after = (await province('GET', '/reports/progress?unit=P1&asOf=2024-06-30')).body as Json;
    expect(after.summary).toMatchObject({ recognised: 1 });
    // A recognition registered from a decision taken before the province adopted the system counts from its day.
    await h.db.recognition.create({ data: { unitCode: 'P1-D2-C4', trackCode: 'T-NTM', year: 2025, decisionId: randomUUID(), status: 'active', origin: 'registered', recognisedOn: new Date('2025-03-01') } });
    const registered = async (asOf: string) => ((await province('GET', `/reports/progress?unit=P1&asOf=${asOf}`)).body as Json).summary.recognised;
    expect([await registered('2025-02-28'), await registered('2025-03-01')]).toEqual([1, 2]);
    // Sơn Bình's recognition revoked with effect from 01/06/2025: counted the day before, not from that day.
    await h.db.recognition.updateMany({ where: { unitCode: 'P1-D1-C1' }, data: { status: 'revoked', revokedOn: new Date('2025-06-01') } });
    expect([await registered('2025-05-31'), await registered('2025-06-01'), await registered('2025-12-31')]).toEqual([2, 1, 1]);
    const compared = (await province('GET', '/reports/progress?unit=P1&asOf=2025-06-01&compareTo=2025-05-31')).body as Json & { change: { recognised: number } };
    expect(compared.change.recognised).toBe(-1);
  });

  it('writes the same figures to CSV and XLSX (numbers as numbers), and a PDF with decimal commas and charts', async () => {
    const q = 'unit=P1&asOf=2024-06-30';
    const csv = await raw(`/reports/progress/csv?${q}`);
    expect(csv.type).toContain('text/csv');
    expect(csv.body.toString()).toContain('Số xã đạt chuẩn nông thôn mới,2\r\n');
    expect(csv.body.toString()).toContain('Bình quân tiêu chí/xã,1.8\r\n');

    const xlsx = await raw(`/reports/progress/xlsx?${q}`);
    expect(xlsx.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const summary = book.getWorksheet('Tổng hợp');
    expect([3, 4, 5, 6, 7, 8].map((row) => summary?.getRow(row).getCell(2).value)).toEqual([5, 2, 1, 1, 40, 1.8]);
    expect(book.getWorksheet('Theo huyện')?.getRow(4).values).toEqual([undefined, 'P1-D2', 'Huyện Hai', 3, 0, 0, 0, 1, 0, 3]);
    expect(book.getWorksheet('Theo tiêu chí')?.getColumn(3).values.slice(3)).toEqual([1, 2, 3]);

    const pdf = await raw(`/reports/progress/pdf?${q}`);
    expect(pdf.type).toBe('application/pdf');
    const text = await pdfText(pdf.body);
    expect(text).toContain('Số xã đạt chuẩn nông thôn mới: 02/05 xã, chiếm 40%');
    expect(text).toContain('Bình quân tiêu chí toàn tỉnh: 1,8 tiêu chí/xã');
    expect(text).toContain('Số liệu đến ngày 30/06/2024');
    expect(text).toContain('Biểu đồ 1. Số xã theo số tiêu chí đạt');
    expect(text).toContain('Biểu đồ 2. Số xã chưa đạt từng tiêu chí');
  });

  it('lets a district read its district, the province its province, a national auditor the country, nobody else', async () => {
    const as = (username: string, role: 'district_officer' | 'auditor' | 'commune_officer' | 'department_officer', unitCode: string | null) =>
      h.callAs({ username, grants: [{ role, unitCode, departmentCode: role === 'department_officer' ? 'SXD' : null }] });
    const district = await as('huyen-mot', 'district_officer', 'P1-D1');
    const d1 = await district('GET', '/reports/progress?unit=P1-D1&asOf=2024-06-30');
    expect(d1.status).toBe(200);
    expect((d1.body as Json).summary).toMatchObject({ communes: 2, atStandard: 2 });
    expect((await district('GET', '/reports/progress?unit=P1&asOf=2024-06-30')).status).toBe(403);
    expect((await district('GET', '/reports/progress?unit=P1-D2&asOf=2024-06-30')).status).toBe(403);
    expect((await province('GET', '/reports/progress?asOf=2024-06-30')).status).toBe(403);
    const national = await as('kiem-toan-quoc-gia', 'auditor', null);
    const country = await national('GET', '/reports/progress?asOf=2024-06-30');
    expect(country.status).toBe(200);
    expect((country.body as Json).summary).toMatchObject({ communes: 5, atStandard: 2 });
    expect((await (await as('xa-son-binh', 'commune_officer', 'P1-D1-C1'))('GET', '/reports/progress?unit=P1-D1&asOf=2024-06-30')).status).toBe(403);
    expect((await (await as('so-xay-dung', 'department_officer', 'P1'))('GET', '/reports/progress?unit=P1&asOf=2024-06-30')).status).toBe(403);
    expect((await district('POST', '/provinces/P1/status-records', { records: [{ unitCode: 'P1-D1-C1', criteriaSetCode: 'SET-A', criterionCode: 'C1', recordedOn: '2024-01-01', met: true, source: 'appraisal' }] })).status).toBe(403);
  });

  it('refuses a CSV with an unknown unit, an unknown criterion, a future date or a malformed row, naming rows, and imports nothing', async () => {
    const countBefore = await h.db.unitStatusRecord.count();
    const bad = [
      'unit_code,unit_name,criterion,recorded_on,met',
      'P1-D1-C1,,C1,2024-12-31,đạt',
      'P9-X,,C1,2024-12-31,đạt',
      'P1-D1-C2,,Điện lực,2024-12-31,đạt',
      'P1-D1-C2,,C2,2099-01-01,đạt',
      'P1-D1-C2,,C2,31/02/2024,đạt',
      'P1-D1-C2,,C3,2024-12-31,có lẽ',
      ',Xã Không Có,C1,2024-12-31,đạt',
    ].join('\n');
    const r = await raw('/provinces/P1/status-records/import', { method: 'POST', body: bad, type: 'text/csv' });
    expect(r.status).toBe(400);
    const errors = (r.json() as { errors: Array<{ location: string }> }).errors.map((e) => e.location);
    expect(errors).toEqual(['body.rows.3.unit_code', 'body.rows.4.criterion', 'body.rows.5.recorded_on', 'body.rows.6.recorded_on', 'body.rows.7.met', 'body.rows.8.unit_name']);
    const ragged = await raw('/provinces/P1/status-records/import', { method: 'POST', body: 'unit_code,criterion,recorded_on,met\nP1-D1-C1,C1,2024-12-31\n', type: 'text/csv' });
    expect(ragged.status).toBe(400);
    expect(await h.db.unitStatusRecord.count()).toBe(countBefore);
  });

  it('runs a CSV dry run without writing and tells new records from replaced ones', async () => {
    const countBefore = await h.db.unitStatusRecord.count();
    const dry = await raw('/provinces/P1/status-records/import?dryRun=true', { method: 'POST', body: spreadsheetCsv, type: 'text/csv' });
    expect(dry.json()).toEqual({ dryRun: true, records: 15, created: 0, updated: 15 });
    expect(await h.db.unitStatusRecord.count()).toBe(countBefore);
  });

  it('reads a dossier\u2019s department appraisal as the latest result and says so', async () => {
    const { bringToDecision } = await import('../dossiers/test-harness.js');
    const id = await bringToDecision(h, 'P1-D2-C5');
    // The test set holds until 2025: the dossier's submission and verdicts are dated back into it.
    await h.db.dossier.update({ where: { id }, data: { submittedAt: new Date('2025-06-01T03:00:00Z') } });
    await h.db.appraisalVerdict.updateMany({ where: { dossierId: id }, data: { recordedAt: new Date('2025-06-10T03:00:00Z') } });
    const r = (await province('GET', '/reports/progress?unit=P1&asOf=2025-12-31')).body as Json;
    // The spreadsheet's results of 31/03/2024, older than a quarter, still hold for the other communes.
    expect(r.summary).toMatchObject({ atStandard: 4, averageMet: 2.6 });
    expect(r).not.toHaveProperty('communes');
    type Page = { total: number; items: Array<{ code: string; met: number; criteria: Array<{ source: string | null }> }> };
    const page = (await province('GET', '/reports/progress/communes?unit=P1&asOf=2025-12-31&offset=3&limit=2')).body as Page;
    expect(page.total).toBe(5);
    expect(page.items.map((c) => c.code)).toEqual(['P1-D2-C4', 'P1-D2-C5']);
    const myLy = page.items.find((c) => c.code === 'P1-D2-C5');
    expect(myLy?.met).toBe(3);
    expect(myLy?.criteria.map((c) => c.source)).toEqual(['appraisal', 'appraisal', 'appraisal']);
  });
  it('answers the same request again from its cache until a record changes what it reads', async () => {
    const url = '/reports/progress?unit=P1&asOf=2025-06-30';
    const villages = async () => ((await province('GET', url)).body as Json & { villages: { atStandard: number } }).villages.atStandard;
    expect([await villages(), await villages()]).toEqual([1, 1]);
    const recorded = await province('POST', '/provinces/P1/status-records', {
      records: [{ unitCode: 'P1-D1-C1-B2', criteriaSetCode: 'P1-THON', criterionCode: 'V2', recordedOn: '2025-01-15', met: true, source: 'appraisal' }],
    });
    expect(recorded.status).toBe(200);
    expect(await villages()).toBe(2);
  });

  it('reads a re-check\u2019s re-assessment and re-appraisal as results on their days', async () => {
    // Khoen On (1/3 in the spreadsheet) re-assesses every criterion as met on 05/11/2024; the
    // department finds criterion 3 not met on 20/11/2024.
    const campaign = await h.db.recheckCampaign.create({ data: { id: 'P1/T-NTM/2024', provinceCode: 'P1', trackCode: 'T-NTM', year: 2024, asOf: new Date('2024-10-01'), dates: {}, unitCount: 1 } });
    const recheck = await h.db.recheck.create({
      data: { campaignId: campaign.id, unitCode: 'P1-D2-C4', provinceCode: 'P1', districtCode: 'P1-D2', trackCode: 'T-NTM', year: 2024, recognitionId: randomUUID(), stage: 'closed', plan: { criteriaSetCode: 'SET-A' } },
    });
    await h.db.recheckCriterion.createMany({ data: ['C1', 'C2', 'C3'].map((criterionCode) => ({ recheckId: recheck.id, criterionCode, met: true, change: 'changed' })) });
    await h.db.recheckEvent.create({ data: { recheckId: recheck.id, commandId: randomUUID(), type: HistoryEvent.reassessmentSubmitted, actor: 'xa-khoen-on', payload: {}, occurredAt: new Date('2024-11-05T03:00:00Z') } });
    await h.db.recheckAppraisalTask.create({
      data: { recheckId: recheck.id, round: 1, departmentCode: 'SXD', criterionCodes: ['C3'], dueDate: new Date('2024-11-30'), verdicts: { C3: { verdict: 'not_met', reason: 'Chưa đạt.', actor: 'so-xd', recordedAt: '2024-11-20T03:00:00.000Z' } } },
    });
    type Page = { items: Array<{ code: string; met: number; criteria: Array<{ source: string | null; on: string | null }> }> };
    const khoenOn = async (asOf: string) => ((await province('GET', `/reports/progress/communes?unit=P1&asOf=${asOf}`)).body as Page).items.find((c) => c.code === 'P1-D2-C4');
    expect(await khoenOn('2024-11-10')).toMatchObject({ met: 3, criteria: [{ source: 'self_assessment', on: '2024-11-05' }, { source: 'self_assessment' }, { source: 'self_assessment' }] });
    expect(await khoenOn('2024-12-31')).toMatchObject({ met: 2, criteria: [{ source: 'self_assessment' }, { source: 'self_assessment' }, { source: 'appraisal', on: '2024-11-20' }] });
    expect(await khoenOn('2024-10-31')).toMatchObject({ met: 1 });
    const r = (await province('GET', '/reports/progress?unit=P1&asOf=2025-12-31')).body as Json;
    expect(r.summary).toMatchObject({ atStandard: 4, averageMet: 2.8 });
  });
});
