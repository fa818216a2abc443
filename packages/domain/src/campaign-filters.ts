import { isPastDue } from './campaign-view.js';

/**
 * The campaign view's filters by department and by criterion, and its "overdue departments
 * first" section (docs/recheck-campaigns.md, "The campaign view").
 */

/** One department's re-appraisal task on a re-check, in one round. */
export interface RecheckTaskFacts {
  round: number;
  departmentCode: string;
  dueDate: string;
  open: boolean;
}

/** One criterion of a re-check: the unit's re-assessment (met) and the departments' latest result. */
export interface RecheckCriterionFacts {
  code: string;
  met: boolean | null;
  /** met | not_met once a round appraised it; null before. */
  result: string | null;
}

export interface CampaignFilter {
  department?: string | undefined;
  criterion?: string | undefined;
}

/** The tasks of the re-check's current round (its latest); none before its first appraisal. */
export function currentRoundTasks<T extends { round: number }>(tasks: readonly T[]): T[] {
  const round = Math.max(0, ...tasks.map((t) => t.round));
  return tasks.filter((t) => t.round === round);
}

/**
 * The criteria a re-check holds unmet: the departments' latest result says not met (this covers a
 * criterion under remediation and one behind a revocation), or, where no department has judged it
 * yet, the unit's own re-assessment says not met. A criterion the unit merely holds (every
 * re-check holds every criterion of its set) is not unmet.
 */
export function unmetCriterionCodes(criteria: readonly RecheckCriterionFacts[]): string[] {
  return criteria.filter((c) => c.result === 'not_met' || (c.result === null && c.met === false)).map((c) => c.code);
}

/**
 * Whether a re-check is in the view's filters: a department's re-checks are those it has a
 * re-appraisal task on in the current round (open or done); a criterion's are those holding it unmet.
 */
export function matchesCampaignFilter(r: { tasks: readonly RecheckTaskFacts[]; criteria: readonly RecheckCriterionFacts[] }, filter: CampaignFilter): boolean {
  if (filter.department !== undefined && !currentRoundTasks(r.tasks).some((t) => t.departmentCode === filter.department)) return false;
  if (filter.criterion !== undefined && !unmetCriterionCodes(r.criteria).includes(filter.criterion)) return false;
  return true;
}

export interface OverdueDepartment {
  departmentCode: string;
  /** Open re-appraisal tasks past their due date. */
  overdueCount: number;
  /** The earliest due date among them. */
  earliestDueDate: string;
}

/**
 * The departments with open re-appraisal tasks past their due date, the most overdue tasks first,
 * then the one late the longest (earliest due date), then by code. `department` keeps that one only.
 */
export function overdueDepartments(tasks: Iterable<RecheckTaskFacts>, today: string, department?: string): OverdueDepartment[] {
  const byCode = new Map<string, OverdueDepartment>();
  for (const t of tasks) {
    if (!t.open || !isPastDue(t.dueDate, today) || (department !== undefined && t.departmentCode !== department)) continue;
    const d = byCode.get(t.departmentCode);
    if (d === undefined) byCode.set(t.departmentCode, { departmentCode: t.departmentCode, overdueCount: 1, earliestDueDate: t.dueDate });
    else {
      d.overdueCount += 1;
      if (t.dueDate < d.earliestDueDate) d.earliestDueDate = t.dueDate;
    }
  }
  return [...byCode.values()].sort((a, b) => b.overdueCount - a.overdueCount || a.earliestDueDate.localeCompare(b.earliestDueDate) || a.departmentCode.localeCompare(b.departmentCode));
}
