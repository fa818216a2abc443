import { MONTHS, ScheduleAlreadyRunning, ScheduleNotFoundError, type Client, type ScheduleDescription, type ScheduleOptions } from '@temporalio/client';
import { campaignIds, type CampaignScheduleView, type CampaignWorkflowInput, type MaintenanceCalendarView } from '@ntm/contracts';

export interface ScheduleTarget {
  temporal: Client;
  taskQueue: string;
  /** Separates test runs sharing a namespace; empty in production. */
  scope: string;
}

/** Vietnam has one time zone and no daylight saving. */
const timezone = 'Asia/Ho_Chi_Minh';
/**
 * Schedules start at most about 30 workflows a second per namespace: each province's campaign
 * starts at a random moment in the opening day's first hours, so provinces do not all start at once.
 */
const jitter = '4 hours';

function spec(calendar: MaintenanceCalendarView) {
  const [month, day] = calendar.opensOn.split('-').map(Number) as [number, number];
  const monthName = MONTHS[month - 1] ?? 'MAY';
  return { calendars: [{ month: monthName, dayOfMonth: day, hour: 0, comment: `mở đợt rà soát ${calendar.opensOn}` }], timezone, jitter };
}

function options(t: ScheduleTarget, calendar: MaintenanceCalendarView): ScheduleOptions {
  const input: CampaignWorkflowInput = { provinceCode: calendar.provinceCode, trackCode: calendar.trackCode, ...(t.scope ? { idScope: t.scope } : {}) };
  return {
    scheduleId: campaignIds.schedule(calendar.provinceCode, calendar.trackCode, t.scope),
    spec: spec(calendar),
    action: { type: 'startWorkflow', workflowType: 'recheckCampaignWorkflow', workflowId: campaignIds.schedule(calendar.provinceCode, calendar.trackCode, t.scope), taskQueue: t.taskQueue, args: [input] },
    // A campaign missed by a short outage still runs; a longer gap is run by an operator (missed year).
    policies: { catchupWindow: '7 days', overlap: 'SKIP' },
  };
}

const sameOpening = (d: ScheduleDescription, calendar: MaintenanceCalendarView, taskQueue: string) => {
  const [month, day] = calendar.opensOn.split('-').map(Number) as [number, number];
  const c = d.spec.calendars?.[0];
  const monthOk = c?.month?.length === 1 && c.month[0]?.start === MONTHS[month - 1];
  const dayOk = c?.dayOfMonth?.length === 1 && c.dayOfMonth[0]?.start === day;
  return monthOk && dayOk && d.action.type === 'startWorkflow' && d.action.taskQueue === taskQueue;
};

/**
 * Creates the province's schedule for the track, or updates it when the calendar's opening day
 * changed; otherwise leaves it alone. Safe to repeat: a schedule is never created twice.
 */
export async function ensureCampaignSchedule(t: ScheduleTarget, calendar: MaintenanceCalendarView): Promise<'created' | 'updated' | 'unchanged'> {
  const handle = t.temporal.schedule.getHandle(campaignIds.schedule(calendar.provinceCode, calendar.trackCode, t.scope));
  let current: ScheduleDescription | null = null;
  try {
    current = await handle.describe();
  } catch (e) {
    if (!(e instanceof ScheduleNotFoundError)) throw e;
  }
  if (current === null) {
    try {
      await t.temporal.schedule.create(options(t, calendar));
      return 'created';
    } catch (e) {
      // Created meanwhile by a concurrent request: update it like an existing one.
      if (!(e instanceof ScheduleAlreadyRunning)) throw e;
      current = await handle.describe();
    }
  }
  if (sameOpening(current, calendar, t.taskQueue)) return 'unchanged';
  const { spec: newSpec, action, policies } = options(t, calendar);
  await handle.update((previous) => ({ ...previous, spec: newSpec, action, policies }));
  return 'updated';
}

/** What an operator sees of a track's schedule. */
export async function describeCampaignSchedule(t: ScheduleTarget, calendar: MaintenanceCalendarView): Promise<CampaignScheduleView> {
  const scheduleId = campaignIds.schedule(calendar.provinceCode, calendar.trackCode, t.scope);
  const base = { scheduleId, provinceCode: calendar.provinceCode, trackCode: calendar.trackCode, calendar };
  try {
    const d = await t.temporal.schedule.getHandle(scheduleId).describe();
    return {
      ...base,
      exists: true,
      paused: d.state.paused,
      note: d.state.note ?? null,
      nextRunAt: d.info.nextActionTimes[0]?.toISOString() ?? null,
      recentRuns: d.info.recentActions.map((a) => ({ scheduledAt: a.scheduledAt.toISOString(), workflowId: a.action.workflow.workflowId })),
    };
  } catch (e) {
    if (!(e instanceof ScheduleNotFoundError)) throw e;
    return { ...base, exists: false, paused: false, note: null, nextRunAt: null, recentRuns: [] };
  }
}
