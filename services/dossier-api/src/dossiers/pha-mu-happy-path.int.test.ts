import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCatalogDir } from '@ntm/db/seed';
import { pdfText, positionsInOrder } from '@ntm/documents/testing';
import { testConfig } from '@ntm/testing';
import { meetSubmissionConditions, startDossierHarness, type Call } from './test-harness.js';
import type { TestUser } from '@ntm/identity/testing';

const config = testConfig();
const seed = (name: string) => JSON.parse(readFileSync(join(seedCatalogDir, name), 'utf8')) as unknown;

// Each step is taken by the people whose step it is, with only their own role.
const phaMuOfficer: TestUser = { username: 'xa.phamu', grants: [{ role: 'commune_officer', unitCode: '110-03628', departmentCode: null }] };
const departmentOfficer = (departmentCode: string): TestUser => ({ username: `so.${departmentCode.toLowerCase()}`, grants: [{ role: 'department_officer', unitCode: '12', departmentCode }] });
const thanUyenOfficer: TestUser = { username: 'huyen.thanuyen', grants: [{ role: 'district_officer', unitCode: '110', departmentCode: null }] };
const provincialOffice: TestUser = { username: 'tinh.vpdp', grants: [{ role: 'provincial_office', unitCode: '12', departmentCode: null }] };

describe('happy path on the seed catalog: Pha Mu commune (Than Uyên), 19/19 criteria, to the decision', () => {
  let h: Awaited<ReturnType<typeof startDossierHarness>>;
  let call: Call;

  beforeAll(async () => {
    expect(readdirSync(seedCatalogDir)).toEqual(expect.arrayContaining(['national.json', 'lai-chau.json']));
    h = await startDossierHarness(config, [seed('national.json'), seed('lai-chau.json')]);
    call = await h.callAs(phaMuOfficer);
    // A 2025 dossier opened before Lai Châu's two-tier reform (1 July 2025) keeps its district stage.
    h.openOn('2025-06-16');
  });
  afterAll(() => h.close());

  it('goes from creation through self-assessment, every department, the district and the province to a verified decision PDF', async () => {
    const started = performance.now();
    const id = randomUUID();
    const created = await call('POST', '/dossiers', { commandId: id, unitCode: '110-03628', trackCode: 'COMMUNE_NTM', year: 2025 });
    expect(created.status).toBe(201);

    const view = (await call('GET', `/dossiers/${id}`)).body as { trackingCode: string; criteriaSetCode: string; hasDistrictStage: boolean; criteria: Array<{ code: string }>; documents: Array<{ code: string }> };
    expect(view).toMatchObject({ criteriaSetCode: 'XA-NTM-2021-2025', hasDistrictStage: true });
    expect(view.criteria).toHaveLength(19);
    for (const c of view.criteria) {
      expect((await call('PUT', `/dossiers/${id}/criteria/${c.code}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt theo báo cáo của xã.' })).status).toBe(200);
    }
    const upload = await h.uploaderAs(phaMuOfficer);
    for (const d of view.documents) {
      expect((await call('PUT', `/dossiers/${id}/documents/${d.code}`, { commandId: randomUUID(), evidenceId: await upload(id) })).status).toBe(200);
    }
    await meetSubmissionConditions(call, id);
    expect((await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() })).body).toEqual({ stage: 'APPRAISAL' });

    const tasks = ((await call('GET', `/dossiers/${id}`)).body.appraisalTasks as Array<{ departmentCode: string; criterionCodes: string[] }>);
    expect(new Set(tasks.flatMap((t) => t.criterionCodes)).size).toBe(19);
    for (const t of tasks) {
      const department = await h.callAs(departmentOfficer(t.departmentCode));
      const open = (await department('GET', `/appraisal-tasks?department=${t.departmentCode}`)).body.items as Array<{ dossierId: string }>;
      expect(open.map((task) => task.dossierId)).toContain(id);
      for (const c of t.criterionCodes) {
        expect((await department('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: t.departmentCode, verdict: 'met', reason: null })).status).toBe(200);
      }
    }
    expect((await call('GET', `/dossiers/${id}`)).body.stage).toBe('DISTRICT_CONFIRMATION');
    const district = await h.callAs(thanUyenOfficer);
    expect((await district('POST', `/dossiers/${id}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null })).body).toEqual({ stage: 'RECOGNITION' });
    const province = await h.callAs(provincialOffice);
    const decided = await province('POST', `/dossiers/${id}/decision`, { commandId: randomUUID(), outcome: 'recognise', number: '1234/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử', signerTitle: 'Phó Chủ tịch', submissionNumber: '45/TTr-UBND', submissionDate: '2026-11-18' });
    expect(decided.body.stage).toBe('RECOGNISED');

    const decision = (await call('GET', `/dossiers/${id}/decision`)).body as { id: string; pdfSha256: string };
    const pdf = (await call('GET', `/dossiers/${id}/decision.pdf`)).body.raw as Buffer;
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(decision.pdfSha256);
    // The decision reads as Lai Châu's catalog words it, in the order of an administrative decision.
    const blocks = [
      'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
      'Số: 1234/QĐ-UBND',
      'Lai Châu, ngày 20 tháng 11 năm 2026',
      'QUYẾT ĐỊNH Về việc công nhận xã Pha Mu, huyện Than Uyên đạt chuẩn nông thôn mới năm 2025',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'Căn cứ Luật Tổ chức chính quyền địa phương',
      'Căn cứ Quyết định số 18/2022/QĐ-TTg',
      'Căn cứ Quyết định số 318/QĐ-TTg ngày 08/3/2022',
      'Xét đề nghị của Ủy ban nhân dân huyện Than Uyên tại Tờ trình số 45/TTr-UBND ngày 18/11/2026.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công nhận xã Pha Mu, huyện Than Uyên đạt chuẩn nông thôn mới năm 2025.',
      'Điều 2.',
      'Điều 3.',
      'Chủ tịch Ủy ban nhân dân huyện Than Uyên; Chủ tịch Ủy ban nhân dân xã Pha Mu chịu trách nhiệm thi hành Quyết định này./.',
      'Nơi nhận: - Như Điều 3;',
      'KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
      'Người ký thử',
    ];
    expect(positionsInOrder(await pdfText(pdf), blocks).every((at) => at >= 0), await pdfText(pdf)).toBe(true);
    expect((await h.app.inject({ method: 'GET', url: `/public/decisions/${decision.id}` })).json()).toMatchObject({ unitName: 'Xã Pha Mu', number: '1234/QĐ-UBND', sha256: decision.pdfSha256 });
    expect(await h.db.recognition.count({ where: { unitCode: '110-03628', trackCode: 'COMMUNE_NTM', status: 'active' } })).toBe(1);
    // Anyone signed in reads the unit as recognised on its track.
    expect((await call('GET', '/catalog/units/110-03628')).body.recognitions).toEqual([
      { trackCode: 'COMMUNE_NTM', year: 2025, status: 'active', decisionId: decision.id, decisionNumber: '1234/QĐ-UBND', signedOn: '2026-11-20', origin: 'issued', revokedOn: null, revocationDecisionId: null },
    ]);

    // The process-control record: every step with the province's budget, all ended, none late.
    const control = ((await call('GET', `/dossiers/${id}`)).body as { processControl: { steps: Array<Record<string, unknown>>; lateSteps: number } }).processControl;
    expect(control.steps.map((s) => [s.stageCode, s.budget, s.status])).toEqual([
      ['SELF_ASSESSMENT', { amount: 30, unit: 'days' }, 'on_time'],
      ['APPRAISAL', { amount: 20, unit: 'working_days' }, 'on_time'],
      ['DISTRICT_CONFIRMATION', { amount: 10, unit: 'working_days' }, 'on_time'],
      ['RECOGNITION', { amount: 15, unit: 'working_days' }, 'on_time'],
    ]);
    expect(control.steps.every((s) => typeof s.endedAt === 'string' && typeof s.dueDate === 'string')).toBe(true);
    expect(control.lateSteps).toBe(0);
    const tracked = (await h.app.inject({ method: 'GET', url: `/public/dossiers/${view.trackingCode}` })).json<{ stage: string; steps: Array<Record<string, unknown>> }>();
    expect(tracked.stage).toBe('RECOGNISED');
    expect(tracked.steps.map((s) => Object.keys(s).sort())).toEqual(Array(4).fill(['dueDate', 'endedAt', 'stageName', 'startedAt', 'status']));

    // The history names each person and the role they acted in, in order.
    const history = ((await call('GET', `/dossiers/${id}`)).body.history as Array<{ type: string; actor: string; role: string | null }>);
    const by = (type: string) => history.filter((e) => e.type === type).map((e) => `${e.actor}/${e.role ?? ''}`);
    expect(by('dossier.opened')).toEqual(['xa.phamu/commune_officer']);
    expect(by('evidence.uploaded')).toEqual(Array(view.documents.length).fill('xa.phamu/commune_officer'));
    expect(new Set(by('appraisal.verdict'))).toEqual(new Set(tasks.map((t) => `so.${t.departmentCode.toLowerCase()}/department_officer`)));
    expect(by('district.confirmed')).toEqual(['huyen.thanuyen/district_officer']);
    expect(by('decision.recognised')).toEqual(['tinh.vpdp/provincial_office']);
    console.log(`Pha Mu happy path through the API: ${Math.round(performance.now() - started)} ms`);
  });

  // Runs after the recognition above: the advanced track ships with its assignments and durations.
  it('after its recognition, Pha Mu opens an advanced dossier out of the box, appraised by the departments of the seed', async () => {
    const id = randomUUID();
    const created = await call('POST', '/dossiers', { commandId: id, unitCode: '110-03628', trackCode: 'COMMUNE_ADVANCED', year: 2025 });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const view = (await call('GET', `/dossiers/${id}`)).body as { criteriaSetCode: string; stage: string; criteria: unknown[]; processControl: { steps: Array<{ stageCode: string; budget: unknown }> } };
    expect(view).toMatchObject({ criteriaSetCode: 'XA-NTM-NC-2021-2025', stage: 'SELF_ASSESSMENT' });
    expect(view.criteria).toHaveLength(19);
    expect(view.processControl.steps).toEqual([expect.objectContaining({ stageCode: 'SELF_ASSESSMENT', budget: { amount: 30, unit: 'days' } })]);
    const appraisers = (await h.db.dossier.findUniqueOrThrow({ where: { id }, select: { appraiserDepartments: true } })).appraiserDepartments;
    expect(appraisers).toEqual(expect.arrayContaining(['SXD', 'SNNPTNT']));
  });
});
