import { z } from 'zod';
import { MonthDay, campaignBuckets } from '@ntm/domain';

// The yearly re-check campaign (docs/recheck-campaigns.md): the province's calendar, the Temporal
// Schedule that opens each year's campaign, and the workflows' inputs.

const code = z.string().min(1).max(64);
const field = z.enum(['opensOn', 'selfAssessmentDue', 'appraisalDue', 'reportDue']);

/** Any date left out keeps (or falls back to) its default. */
export const MaintenanceCalendarBody = z
  .strictObject({ opensOn: MonthDay.optional(), selfAssessmentDue: MonthDay.optional(), appraisalDue: MonthDay.optional(), reportDue: MonthDay.optional() })
  .meta({ id: 'MaintenanceCalendarBody', examples: [{ opensOn: '05-01', selfAssessmentDue: '06-05', appraisalDue: '06-20', reportDue: '06-25' }] });
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

export const ScheduleNoteBody = z.strictObject({ note: z.string().trim().min(1).max(500).optional() }).meta({ id: 'ScheduleNoteBody', examples: [{ note: 'Tạm dừng trong thời gian sáp nhập đơn vị hành chính.' }] });
export const RunCampaignBody = z.strictObject({ trackCode: code, year: z.number().int().min(2010).max(2100) }).meta({ id: 'RunCampaignBody', examples: [{ trackCode: 'COMMUNE_NTM', year: 2026 }] });

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


/** Temporal ids, built from domain ids. `scope` separates test runs sharing one namespace. */
export const campaignIds = {
  schedule: (provinceCode: string, trackCode: string, scope = '') => `recheck-campaign/${provinceCode}/${trackCode}${scope ? `@${scope}` : ''}`,
  campaign: (provinceCode: string, trackCode: string, year: number) => `${provinceCode}/${trackCode}/${year}`,
  missedYearWorkflow: (campaignId: string, scope = '') => `recheck-campaign/${campaignId}${scope ? `@${scope}` : ''}`,
  recheckWorkflow: (campaignId: string, unitCode: string, scope = '') => `recheck/${campaignId}/${unitCode}${scope ? `@${scope}` : ''}`,
} as const;

const bucket = z.enum(campaignBuckets);

export const CampaignViewQuery = z.object({
  track: z.string().min(1).max(64).optional().describe('chỉ loại hồ sơ này'),
  district: z.string().min(1).max(64).optional().describe('chỉ các đơn vị thuộc huyện này'),
  department: z.string().min(1).max(64).optional().describe('mã sở/phòng trong danh mục của tỉnh: chỉ các đơn vị mà sở/phòng này có nhiệm vụ thẩm định lại ở vòng thẩm định hiện tại (đang làm hoặc đã xong); đơn vị chưa đến bước thẩm định lại không thuộc sở nào'),
  criterion: z.string().min(1).max(64).optional().describe('mã tiêu chí trong danh mục: chỉ các đơn vị đang không đạt tiêu chí này, tức kết quả thẩm định lại mới nhất của các sở là không đạt (kể cả đang khắc phục hoặc đã đề nghị thu hồi), hoặc chưa được thẩm định lại mà đơn vị tự rà soát là không đạt'),
  bucket: bucket.optional().describe('chỉ danh sách của nhóm này'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(100),
});

export const CampaignView = z
  .object({
    provinceCode: z.string(),
    year: z.number().int(),
    /** How many re-checks stand in each bucket. */
    counts: z.record(bucket, z.number().int()),
    /** How many items the filters select (the page holds at most pageSize of them). */
    total: z.number().int(),
    /** The re-checks behind the numbers (of `bucket` when given), overdue ones first (oldest deadline first), then by unit. */
    items: z.array(
      z.object({
        recheckId: z.string(),
        unitCode: z.string(),
        unitName: z.string(),
        districtCode: z.string().nullable(),
        trackCode: z.string(),
        bucket,
        stage: z.string(),
        dueDate: z.string().nullable(),
        /** The departments with a re-appraisal task in the current round. */
        departmentCodes: z.array(z.string()),
        /** The criteria the re-check holds unmet (the criterion filter's rule). */
        unmetCriterionCodes: z.array(z.string()),
        /** A blocked re-check: the criteria of its set no department is assigned to re-appraise (the province assigns them; the re-check opens within a day). */
        unassignedCriterionCodes: z.array(z.string()),
      }),
    ),
    /** The departments with open re-appraisal tasks past their due date among the selected re-checks: most overdue tasks first, then the earliest due date. */
    overdueDepartments: z.array(z.object({ departmentCode: z.string(), departmentName: z.string(), overdueCount: z.number().int(), earliestDueDate: z.string() })),
  })
  .meta({ id: 'CampaignView' });
export type CampaignView = z.infer<typeof CampaignView>;
