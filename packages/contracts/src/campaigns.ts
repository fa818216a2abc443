import { z } from 'zod';
import { defineQuery } from '@temporalio/workflow';
import { MonthDay } from '@ntm/domain';

// The yearly re-check campaign (docs/recheck-campaigns.md): the province's calendar, the Temporal
// Schedule that opens each year's campaign, and the workflows' inputs.

const code = z.string().min(1).max(64);
const field = z.enum(['opensOn', 'selfAssessmentDue', 'appraisalDue', 'reportDue']);

/** Any date left out keeps (or falls back to) its default. */
export const MaintenanceCalendarBody = z
  .strictObject({ opensOn: MonthDay.optional(), selfAssessmentDue: MonthDay.optional(), appraisalDue: MonthDay.optional(), reportDue: MonthDay.optional() })
  .meta({ id: 'MaintenanceCalendarBody' });
export type MaintenanceCalendarBody = z.infer<typeof MaintenanceCalendarBody>;

export const MaintenanceCalendarView = z
  .object({
    provinceCode: z.string(),
    trackCode: z.string(),
    opensOn: z.string(),
    selfAssessmentDue: z.string(),
    appraisalDue: z.string(),
    reportDue: z.string(),
    /** The dates that are the system's defaults, not set by the province. */
    defaults: z.array(field),
    /** Vietnamese: which dates are defaults, for people. */
    note: z.string().nullable(),
  })
  .meta({ id: 'MaintenanceCalendar' });
export type MaintenanceCalendarView = z.infer<typeof MaintenanceCalendarView>;

export const CampaignScheduleView = z
  .object({
    scheduleId: z.string(),
    provinceCode: z.string(),
    trackCode: z.string(),
    /** false: no schedule exists yet (no calendar saved or synchronised for the track). */
    exists: z.boolean(),
    paused: z.boolean(),
    note: z.string().nullable(),
    nextRunAt: z.string().nullable(),
    recentRuns: z.array(z.object({ scheduledAt: z.string(), workflowId: z.string() })),
    calendar: MaintenanceCalendarView,
  })
  .meta({ id: 'CampaignSchedule' });
export type CampaignScheduleView = z.infer<typeof CampaignScheduleView>;

export const ScheduleNoteBody = z.strictObject({ note: z.string().trim().min(1).max(500).optional() }).meta({ id: 'ScheduleNoteBody' });
export const RunCampaignBody = z.strictObject({ trackCode: code, year: z.number().int().min(2010).max(2100) }).meta({ id: 'RunCampaignBody' });

export const CampaignRun = z.object({ workflowId: z.string(), runId: z.string().nullable() }).meta({ id: 'CampaignRun' });

/**
 * The campaign workflow's input. A scheduled (or triggered) run gives no year: the campaign is
 * the year of the day it starts and covers units recognised that day. A missed year names its
 * year and covers the units recognised on that year's opening day.
 */
export const CampaignWorkflowInput = z.object({
  provinceCode: code,
  trackCode: code,
  year: z.number().int().optional(),
  /** Added to the re-check workflows' ids when test runs share a namespace; absent in production. */
  idScope: z.string().optional(),
});
export type CampaignWorkflowInput = z.infer<typeof CampaignWorkflowInput>;

export const CampaignWorkflowResult = z.object({ campaignId: z.string(), unitCount: z.number().int(), started: z.number().int(), alreadyRunning: z.number().int() });
export type CampaignWorkflowResult = z.infer<typeof CampaignWorkflowResult>;

export const RecheckWorkflowInput = z.object({
  campaignId: z.string(),
  provinceCode: code,
  districtCode: code.nullable(),
  unitCode: code,
  trackCode: code,
  year: z.number().int(),
  selfAssessmentDue: z.string(),
  appraisalDue: z.string(),
});
export type RecheckWorkflowInput = z.infer<typeof RecheckWorkflowInput>;

export const RecheckState = z.object({ stage: z.string(), outcome: z.string().nullable() });
export type RecheckState = z.infer<typeof RecheckState>;
export const recheckStateQuery = defineQuery<RecheckState>('recheckState');

/** Temporal ids, built from domain ids. `scope` separates test runs sharing one namespace. */
export const campaignIds = {
  schedule: (provinceCode: string, trackCode: string, scope = '') => `recheck-campaign/${provinceCode}/${trackCode}${scope ? `@${scope}` : ''}`,
  campaign: (provinceCode: string, trackCode: string, year: number) => `${provinceCode}/${trackCode}/${year}`,
  missedYearWorkflow: (campaignId: string, scope = '') => `recheck-campaign/${campaignId}${scope ? `@${scope}` : ''}`,
  recheckWorkflow: (campaignId: string, unitCode: string, scope = '') => `recheck/${campaignId}/${unitCode}${scope ? `@${scope}` : ''}`,
} as const;
