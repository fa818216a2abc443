import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import { campaignIds, searchAttributeKeys, type RecheckWorkflowInput } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { campaignDates, maintenanceCalendarOf, toStoredDate, type MaintenanceCalendar } from '@ntm/domain';

export interface CampaignActivityDeps {
  db: Db;
  /** Workflow starts per second across one campaign's re-checks (Schedules start ~30/s per namespace). */
  recheckStartsPerSecond?: number;
}

export interface OpenedCampaign {
  campaignId: string;
  unitCount: number;
  dates: MaintenanceCalendar;
}

const day = toStoredDate;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Workflow starts awaiting the server at once. */
const maxInFlight = 16;

/** The yearly campaign's writes and the start of its re-checks; each safe to retry. */
export function createCampaignActivities({ db, recheckStartsPerSecond = 20 }: CampaignActivityDeps) {
  return {
    /**
     * Opens a province's campaign for a track and year once: the units it covers are those holding
     * an active recognition of the track on `asOf` (the opening day when not given), fixed at
     * opening. A repeated call answers the campaign already opened, adding no unit.
     */
    async openCampaign(input: { provinceCode: string; trackCode: string; year: number; asOf: string | null }): Promise<OpenedCampaign> {
      const campaignId = campaignIds.campaign(input.provinceCode, input.trackCode, input.year);
      const existing = await db.recheckCampaign.findUnique({ where: { id: campaignId } });
      if (existing) return { campaignId, unitCount: existing.unitCount, dates: existing.dates as MaintenanceCalendar };
      const configured = await db.maintenanceCalendar.findUnique({ where: { provinceCode_trackCode: { provinceCode: input.provinceCode, trackCode: input.trackCode } } });
      const { calendar } = maintenanceCalendarOf(configured);
      const dates = campaignDates(calendar, input.year);
      const asOf = input.asOf ?? dates.opensOn;
      return db.$transaction(async (tx) => {
        // Serialises concurrent openings of the same campaign (a retried activity racing its first attempt).
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${campaignId}))`;
        const again = await tx.recheckCampaign.findUnique({ where: { id: campaignId } });
        if (again) return { campaignId, unitCount: again.unitCount, dates: again.dates as MaintenanceCalendar };
        await tx.recheckCampaign.create({ data: { id: campaignId, provinceCode: input.provinceCode, trackCode: input.trackCode, year: input.year, asOf: day(asOf), dates, unitCount: 0 } });
        const unitCount = await tx.$executeRaw`
          INSERT INTO rechecks (campaign_id, unit_code, province_code, district_code, track_code, year, recognition_id, stage, updated_at)
          SELECT ${campaignId}, r.unit_code, u.province_code,
                 CASE WHEN p.level = 'district' THEN p.code WHEN gp.level = 'district' THEN gp.code END,
                 r.track_code, ${input.year}, r.id, 'pending', now()
          FROM recognitions r
          JOIN administrative_units u ON u.code = r.unit_code
          LEFT JOIN administrative_units p ON p.code = u.parent_code
          LEFT JOIN administrative_units gp ON gp.code = p.parent_code
          WHERE u.province_code = ${input.provinceCode} AND r.track_code = ${input.trackCode}
            -- A revoked recognition counts until the day its revocation took effect.
            AND (r.status = 'active' OR (r.status = 'revoked' AND r.revoked_on > ${day(asOf)}::date))
            AND COALESCE(r.recognised_on, r.created_at::date) <= ${day(asOf)}::date
          ON CONFLICT DO NOTHING`;
        await tx.recheckCampaign.update({ where: { id: campaignId }, data: { unitCount } });
        return { campaignId, unitCount, dates };
      }, { timeout: 120_000 });
    },

    /**
     * Starts the re-check workflows of up to `limit` units still pending, at most
     * `recheckStartsPerSecond` a second. A workflow already started (by an earlier attempt) is
     * counted, never started twice: its id is built from the campaign and the unit.
     */
    async startRechecks(input: { campaignId: string; limit: number; idScope: string }): Promise<{ started: number; alreadyRunning: number; remaining: number }> {
      const ctx = Context.current();
      const { client, info } = { client: ctx.client, info: ctx.info };
      const campaign = await db.recheckCampaign.findUniqueOrThrow({ where: { id: input.campaignId } });
      const dates = campaign.dates as MaintenanceCalendar;
      const pending = await db.recheck.findMany({ where: { campaignId: input.campaignId, stage: 'pending' }, orderBy: { unitCode: 'asc' }, take: input.limit });
      const gapMs = 1000 / recheckStartsPerSecond;
      let started = 0;
      let alreadyRunning = 0;
      // Starts are paced at the rate, and several are in flight at once: one start waits ~100–200 ms on a busy server.
      const inFlight = new Set<Promise<void>>();
      const startOne = async (r: (typeof pending)[number]) => {
        const args: RecheckWorkflowInput = {
          campaignId: r.campaignId, provinceCode: r.provinceCode, districtCode: r.districtCode, unitCode: r.unitCode, trackCode: r.trackCode, year: r.year,
          selfAssessmentDue: dates.selfAssessmentDue, appraisalDue: dates.appraisalDue,
        };
        try {
          await client.workflow.start('recheckWorkflow', {
            workflowId: campaignIds.recheckWorkflow(r.campaignId, r.unitCode, input.idScope),
            taskQueue: info.taskQueue,
            args: [args],
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
            typedSearchAttributes: new TypedSearchAttributes([
              { key: searchAttributeKeys.province, value: r.provinceCode },
              ...(r.districtCode ? [{ key: searchAttributeKeys.district, value: r.districtCode }] : []),
              { key: searchAttributeKeys.unit, value: r.unitCode },
              { key: searchAttributeKeys.track, value: r.trackCode },
              { key: searchAttributeKeys.year, value: r.year },
              { key: searchAttributeKeys.stage, value: 'self_assessment' },
            ]),
          });
          started += 1;
        } catch (e) {
          if (!(e instanceof WorkflowExecutionAlreadyStartedError)) throw e;
          alreadyRunning += 1;
        }
      };
      let failure: unknown = null;
      let next = Date.now();
      for (const r of pending) {
        if (failure !== null) break;
        const wait = next - Date.now();
        if (wait > 0) await sleep(wait);
        next = Math.max(next, Date.now()) + gapMs;
        if (inFlight.size >= maxInFlight) await Promise.race(inFlight);
        const p: Promise<void> = startOne(r)
          .catch((e: unknown) => {
            failure ??= e;
          })
          .finally(() => inFlight.delete(p));
        inFlight.add(p);
        ctx.heartbeat({ started, alreadyRunning });
      }
      await Promise.all(inFlight);
      // The activity is retried; the workflows this attempt started are found running then.
      if (failure !== null) throw failure instanceof Error ? failure : new Error('a re-check could not be started', { cause: failure });
      // Recorded once the page's workflows exist: a page that failed half-way is retried and finds them running.
      const batch = { campaignId: input.campaignId, unitCode: { in: pending.map((r) => r.unitCode) } };
      await db.recheck.updateMany({ where: batch, data: { startedAt: new Date() } });
      // Only rows still pending move on: a workflow may already have opened its re-check, or found it blocked.
      await db.recheck.updateMany({ where: { ...batch, stage: 'pending' }, data: { stage: 'self_assessment' } });
      const remaining = await db.recheck.count({ where: { campaignId: input.campaignId, stage: 'pending' } });
      return { started, alreadyRunning, remaining };
    },
  };
}
