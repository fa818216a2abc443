import { addDuration, type Duration, type WorkingCalendar } from './calendar.js';
import { assessMaintenance, MaintenanceOutcome, type MaintenanceAssessment } from './revocation.js';

// The stages and their names live apart so the portal's bundle can read them without the rules.
export { RecheckStage, recheckStageNames } from './recheck-stages.js';

/** How a re-check ends, or stands while it is open (at risk while remediating). */
export const RecheckOutcome = {
  maintained: MaintenanceOutcome.maintained,
  atRisk: MaintenanceOutcome.atRisk,
  revocationProposed: MaintenanceOutcome.revocationProposed,
  revoked: 'revoked',
  kept: 'kept',
} as const;
export type RecheckOutcome = (typeof RecheckOutcome)[keyof typeof RecheckOutcome];

/** Why revocation is proposed beyond Quyết định 18/2022's thresholds: the remediation plan's deadline passed with criteria unmet. */
export const remediationDeadlinePassed = 'remediation_deadline_passed';

/** What the re-check's own steps take where the province has set nothing: labelled defaults of this system, no source gives them. */
export const defaultRemediationDuration = { amount: 60, unit: 'working_days', reminderEveryDays: 10 } as const satisfies Duration & { reminderEveryDays: number };
/** How often a unit is reminded of its re-assessment deadline where the track's self-assessment stage sets no cadence: every 5 working days (a labelled default). */
export const defaultReassessmentReminderEveryDays = 5;

export interface CriterionValues {
  met: boolean;
  indicators: ReadonlyArray<{ indicatorCode: string; met: boolean; value: unknown }>;
  evidenceIds: readonly string[];
}

/** new: nothing to compare with (no earlier value); unchanged: as last year; changed: met, an indicator or the evidence differs. */
export type AssessmentChange = 'new' | 'unchanged' | 'changed';

/** Whether a criterion's re-assessment differs from what the unit was last judged on. The explanation is words, not a value. */
export function assessmentChange(last: CriterionValues | null, now: CriterionValues): AssessmentChange {
  if (last === null) return 'new';
  if (last.met !== now.met) return 'changed';
  const key = (i: CriterionValues['indicators'][number]) => JSON.stringify([i.indicatorCode, i.met, i.value]);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
  if (!same(last.indicators.map(key), now.indicators.map(key))) return 'changed';
  return same(last.evidenceIds, now.evidenceIds) ? 'unchanged' : 'changed';
}

/**
 * The criteria a re-check cannot submit without: those never assessed, now or in an earlier
 * judgement (a recognition registered from before the system carries no values to carry over).
 */
export function unassessedCriteria(criteria: ReadonlyArray<{ code: string; hasLast: boolean }>, assessed: ReadonlySet<string>): string[] {
  return criteria.filter((c) => !c.hasLast && !assessed.has(c.code)).map((c) => c.code);
}

/**
 * The remediation period of a unit at risk: its deadline `duration` after `startDay`, and a
 * reminder at the start of every `reminderEveryDays`-th working day before it (working days skip
 * weekends and the province's holidays, so no reminder falls on Tết).
 */
export function remediationSchedule(startDay: string, duration: Duration & { reminderEveryDays: number | null }, calendar: WorkingCalendar): { dueDate: string; reminderDays: string[] } {
  const dueDate = addDuration(startDay, duration, calendar);
  return { dueDate, reminderDays: reminderDaysBefore(startDay, dueDate, duration.reminderEveryDays, calendar) };
}

/** Every `every`-th working day after `startDay`, before `dueDate`: the days a reminder falls on (none without a cadence). */
export function reminderDaysBefore(startDay: string, dueDate: string, every: number | null, calendar: WorkingCalendar): string[] {
  const days: string[] = [];
  if (every === null || every <= 0) return days;
  for (let k = 1; k < 1000; k++) {
    const day = addDuration(startDay, { amount: k * every, unit: 'working_days' }, calendar);
    if (day >= dueDate) break;
    days.push(day);
  }
  return days;
}

/**
 * The unit's own re-assessment, from the day its re-check opens to the calendar's deadline: a
 * reminder on every `reminderEveryDays`-th working day before it. A re-check opened after its
 * deadline (a missed year run late) has none: nothing to remind of, and no deadline to escalate.
 */
export function reassessmentSchedule(openedOn: string, dueDate: string, reminderEveryDays: number | null, calendar: WorkingCalendar): { dueDate: string; reminderDays: string[] } | null {
  if (openedOn > dueDate) return null;
  return { dueDate, reminderDays: reminderDaysBefore(openedOn, dueDate, reminderEveryDays, calendar) };
}

export type RecheckAssessment = Omit<MaintenanceAssessment, 'ground'> & { ground: MaintenanceAssessment['ground'] | typeof remediationDeadlinePassed };

/**
 * The outcome of a re-appraisal after remediation: the maintenance test over every criterion with
 * the latest results. A unit still at risk once the plan's deadline has passed is proposed for
 * revocation; before it, it stays at risk.
 */
export function assessAfterRemediation(criteria: ReadonlyArray<{ code: string; isKey: boolean; met: boolean }>, deadlinePassed: boolean): RecheckAssessment {
  const assessment = assessMaintenance({ criteria });
  if (assessment.outcome === MaintenanceOutcome.atRisk && deadlinePassed) {
    return { ...assessment, outcome: MaintenanceOutcome.revocationProposed, ground: remediationDeadlinePassed };
  }
  return assessment;
}
