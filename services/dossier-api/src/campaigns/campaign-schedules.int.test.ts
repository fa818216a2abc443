import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CampaignWorkflowResult } from '@ntm/contracts';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { testConfig } from '@ntm/testing';
import { bringToDecision, startDossierHarness, type DossierHarness } from '../dossiers/test-harness.js';
import { readCalendars } from './calendars.js';
import { ensureCampaignSchedule } from './schedules.js';

const config = testConfig();

interface ScheduleBody {
  scheduleId: string;
  exists: boolean;
  paused: boolean;
  note: string | null;
  nextRunAt: string | null;
  recentRuns: Array<{ workflowId: string }>;
  calendar: { opensOn: string; defaults: string[]; note: string | null };
}

describe('the yearly re-check campaign on a Temporal Schedule (real Temporal dev server, PostgreSQL)', () => {
  let h: DossierHarness;
  let scheduleId = '';
  const scope = () => scheduleId.split('@')[1] ?? '';

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
  });
  afterAll(async () => {
    if (scheduleId) await h.temporal.schedule.getHandle(scheduleId).delete().catch(() => undefined);
    for (const r of await h.db.recheck.findMany()) {
      await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${scope()}`).terminate('test over').catch(() => undefined);
    }
    await h.close();
  });

  /** Triggers the schedule and waits for the campaign workflow it starts. */
  const triggerAndWait = async (): Promise<CampaignWorkflowResult> => {
    const before = (await h.call('GET', '/provinces/P1/campaign-schedules')).body as unknown as ScheduleBody[];
    const runsBefore = before.find((s) => s.scheduleId === scheduleId)?.recentRuns.length ?? 0;
    expect((await h.call('POST', '/provinces/P1/campaign-schedules/T-NTM/trigger', {})).status).toBe(200);
    for (let i = 0; i < 100; i++) {
      const d = await h.temporal.schedule.getHandle(scheduleId).describe();
      const run = d.info.recentActions[runsBefore];
      if (run) return h.temporal.workflow.getHandle<() => Promise<CampaignWorkflowResult>>(run.action.workflow.workflowId, undefined, { firstExecutionRunId: run.action.workflow.firstExecutionRunId }).result();
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the schedule started no campaign');
  };

  it('shows each track calendar with its defaults labelled as defaults', async () => {
    const res = await h.call('GET', '/provinces/P1/maintenance-calendars');
    expect(res.status).toBe(200);
    const calendars = res.body as unknown as Array<{ trackCode: string; opensOn: string; defaults: string[]; note: string }>;
    const ntm = calendars.find((c) => c.trackCode === 'T-NTM');
    expect(ntm).toMatchObject({ opensOn: '05-01', appraisalDue: '06-20', reportDue: '06-25', defaults: ['opensOn', 'selfAssessmentDue', 'appraisalDue', 'reportDue'] });
    expect(ntm?.note).toContain('Ngày mặc định của hệ thống, tỉnh chưa quy định: ngày mở đợt rà soát (05-01)');
  });

  it('creates the schedule when the calendar is saved, updates it when the opening day changes, never twice', async () => {
    const saved = await h.call('PUT', '/provinces/P1/maintenance-calendars/T-NTM', { opensOn: '05-01', appraisalDue: '06-18' });
    expect(saved.status).toBe(200);
    const first = saved.body as unknown as ScheduleBody;
    scheduleId = first.scheduleId;
    expect(first).toMatchObject({ exists: true, paused: false, calendar: { opensOn: '05-01', defaults: ['selfAssessmentDue', 'reportDue'] } });
    // Midnight in Vietnam on 1 May, plus up to 4 hours of jitter.
    expect(first.nextRunAt?.slice(5, 10)).toMatch(/^(04-30|05-01)$/);
    const same = (await h.call('PUT', '/provinces/P1/maintenance-calendars/T-NTM', { opensOn: '05-01', appraisalDue: '06-18' })).body as unknown as ScheduleBody;
    expect(same.scheduleId).toBe(scheduleId);
    const moved = (await h.call('PUT', '/provinces/P1/maintenance-calendars/T-NTM', { opensOn: '04-15', appraisalDue: '06-18' })).body as unknown as ScheduleBody;
    expect(moved.nextRunAt?.slice(5, 10)).toMatch(/^(04-14|04-15)$/);
    // Repeated (a retried request), the upsert finds the schedule as it should be and changes nothing.
    const target = { temporal: h.temporal, taskQueue: scheduleId.split('@')[1] ?? '', scope: scheduleId.split('@')[1] ?? '' };
    const [calendar] = await readCalendars(h.db, 'P1', 'T-NTM');
    if (!calendar) throw new Error('no calendar');
    expect(await ensureCampaignSchedule(target, calendar)).toBe('unchanged');
    expect(await ensureCampaignSchedule(target, { ...calendar, opensOn: '04-16' })).toBe('updated');
    expect(await ensureCampaignSchedule(target, calendar)).toBe('updated');
    expect(await ensureCampaignSchedule(target, calendar)).toBe('unchanged');
    const bad = await h.call('PUT', '/provinces/P1/maintenance-calendars/T-NTM', { opensOn: '07-01' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors?.[0]).toEqual({ location: 'body.selfAssessmentDue', message: 'hạn xã (thôn) tự rà soát, đánh giá lại (06-05) phải sau ngày mở đợt rà soát (07-01)' });
  });

  it('pauses and resumes the schedule with a note', async () => {
    const paused = (await h.call('POST', '/provinces/P1/campaign-schedules/T-NTM/pause', { note: 'Chờ tỉnh ban hành kế hoạch' })).body as unknown as ScheduleBody;
    expect(paused).toMatchObject({ paused: true, note: 'Chờ tỉnh ban hành kế hoạch' });
    const resumed = (await h.call('POST', '/provinces/P1/campaign-schedules/T-NTM/resume', {})).body as unknown as ScheduleBody;
    expect(resumed.paused).toBe(false);
    const unknown = await h.call('POST', '/provinces/P1/campaign-schedules/T-THON/pause', {});
    expect(unknown.status).toBe(404);
  });

  it('a registered and an issued recognition both join; a trigger starts exactly one re-check per recognised unit, a repeat none', async () => {
    const registered = await h.call('POST', '/provinces/P1/registered-recognitions', { unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2019, decisionNumber: '88/QĐ-UBND', signedOn: '2019-12-20', signer: 'Người ký' });
    expect(registered.status).toBe(201);
    const dossierId = await bringToDecision(h, 'P1-D1-C2');
    const issued = await h.call('POST', `/dossiers/${dossierId}/decision`, { commandId: randomUUID(), outcome: 'recognise', number: '12/QĐ-UBND', date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
    expect(issued.status).toBe(200);

    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const first = await triggerAndWait();
    expect(first).toEqual({ campaignId: `P1/T-NTM/${year}`, unitCount: 2, started: 2, alreadyRunning: 0 });
    const rows = await h.db.recheck.findMany({ orderBy: { unitCode: 'asc' } });
    expect(rows.map((r) => [r.unitCode, r.districtCode, r.stage])).toEqual([['P1-D1-C1', 'P1-D1', 'self_assessment'], ['P1-D1-C2', 'P1-D1', 'self_assessment']]);
    for (const r of rows) {
      const d = await h.temporal.workflow.getHandle(`recheck/${r.campaignId}/${r.unitCode}@${scope()}`).describe();
      expect(d.status.name).toBe('RUNNING');
      expect(d.typedSearchAttributes.get({ name: 'NtmUnit', type: 'KEYWORD' } as never)).toBe(r.unitCode);
    }

    // Triggered again: the campaign is already open, nothing is started.
    expect(await triggerAndWait()).toEqual({ campaignId: `P1/T-NTM/${year}`, unitCount: 2, started: 0, alreadyRunning: 0 });
    // An activity that started a re-check but died before recording it: the retry finds it running and starts none.
    await h.db.recheck.update({ where: { campaignId_unitCode: { campaignId: `P1/T-NTM/${year}`, unitCode: 'P1-D1-C1' } }, data: { stage: 'pending' } });
    expect(await triggerAndWait()).toEqual({ campaignId: `P1/T-NTM/${year}`, unitCount: 2, started: 0, alreadyRunning: 1 });
    expect(await h.db.recheck.count()).toBe(2);
  });

  it('runs a missed year with the units recognised on that year opening day, once', async () => {
    const res = await h.call('POST', '/provinces/P1/campaigns', { trackCode: 'T-NTM', year: 2025 });
    expect(res.status).toBe(202);
    const result = await h.temporal.workflow.getHandle<() => Promise<CampaignWorkflowResult>>(String(res.body.workflowId)).result();
    // Opening day 15/4/2025: the commune registered from 2019 is in it; the one recognised in November 2026 joins later campaigns only.
    expect(result).toEqual({ campaignId: 'P1/T-NTM/2025', unitCount: 1, started: 1, alreadyRunning: 0 });
    expect(await h.db.recheck.findMany({ where: { campaignId: 'P1/T-NTM/2025' }, select: { unitCode: true } })).toEqual([{ unitCode: 'P1-D1-C1' }]);
    expect((await h.call('POST', '/provinces/P1/campaigns', { trackCode: 'T-NTM', year: 2025 })).status).toBe(409);
  });

  it('counts the year\'s re-checks by bucket in the campaign view, overdue first, filtered by district', async () => {
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    // Opened today, after this year's re-assessment deadline: both re-checks are overdue.
    h.openOn(`${year}-05-10`);
    const inTime = (await h.call('GET', `/provinces/P1/campaigns/${year}`)).body;
    h.openOn(null);
    expect(inTime).toMatchObject({ counts: { in_progress: 2, overdue: 0, pending: 0, maintained: 0 }, total: 2 });
    const view = await h.call('GET', `/provinces/P1/campaigns/${year}?bucket=overdue`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ provinceCode: 'P1', year, counts: { overdue: 2, in_progress: 0 }, total: 2 });
    expect((view.body.items as Array<Record<string, unknown>>)[0]).toEqual({ recheckId: expect.any(String), unitCode: 'P1-D1-C1', unitName: 'Xã Sơn Bình', districtCode: 'P1-D1', trackCode: 'T-NTM', bucket: 'overdue', stage: 'self_assessment', dueDate: `${year}-06-05`, departmentCodes: [], unmetCriterionCodes: [], unassignedCriterionCodes: [] });
    expect((await h.call('GET', `/provinces/P1/campaigns/${year}?district=P1-D1`)).body).toMatchObject({ total: 2, counts: { overdue: 2 } });
    // A district not in the catalog is a 400 naming it, not an empty view (campaign-view.int.test.ts covers the other filters).
    expect((await h.call('GET', `/provinces/P1/campaigns/${year}?district=P1-D9`)).body.errors).toEqual([expect.objectContaining({ location: 'querystring.district' })]);
    expect((await h.call('GET', '/provinces/P1/campaigns/2025')).body).toMatchObject({ total: 1, counts: { overdue: 1 } });
  });

  it('lets only the provincial office manage the campaign', async () => {
    const commune = await h.callAs({ username: 'xa-thu-2', grants: [{ role: 'commune_officer', unitCode: 'P1-D1-C1', departmentCode: null }] });
    expect((await commune('POST', '/provinces/P1/campaign-schedules/T-NTM/trigger', {})).status).toBe(403);
    expect((await commune('PUT', '/provinces/P1/maintenance-calendars/T-NTM', {})).status).toBe(403);
  });
});
