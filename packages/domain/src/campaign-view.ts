/**
 * Where a re-check stands in its campaign's view: the buckets the province counts. A re-check
 * still open is overdue once the deadline of the step it is at has passed.
 */
export const campaignBuckets = ['pending', 'blocked', 'in_progress', 'overdue', 'maintained', 'at_risk', 'revocation_proposed', 'revoked', 'kept'] as const;
export type CampaignBucket = (typeof campaignBuckets)[number];

/** Each bucket's name, for people (the portal's campaign page, reports). */
export const campaignBucketNames: Record<CampaignBucket, string> = {
  pending: 'Chờ bắt đầu',
  blocked: 'Chưa mở được (tiêu chí chưa phân công)',
  in_progress: 'Đang rà soát',
  overdue: 'Quá hạn',
  maintained: 'Duy trì đạt chuẩn',
  at_risk: 'Có nguy cơ không duy trì',
  revocation_proposed: 'Đề nghị thu hồi',
  revoked: 'Đã thu hồi',
  kept: 'Giữ công nhận',
};

export interface RecheckStanding {
  stage: string;
  outcome: string | null;
}

export interface CampaignDates {
  selfAssessmentDue: string;
  appraisalDue: string;
}

/**
 * The deadline of the step a re-check is at; null when the step has none. The unit re-assesses by
 * the campaign's date; at appraisal the departments answer by their open tasks' due dates (the
 * workflow computed them in the province's working days: the campaign's date, or the track's
 * appraisal duration for a late submission or a later round), the earliest one first, and by the
 * campaign's date while no task is open yet.
 */
export function stepDeadline(stage: string, dates: CampaignDates, openTaskDueDates: readonly string[] = []): string | null {
  if (stage === 'self_assessment') return dates.selfAssessmentDue;
  if (stage === 'appraisal') return openTaskDueDates.length > 0 ? [...openTaskDueDates].sort()[0] ?? null : dates.appraisalDue;
  return null;
}

/** A due date is past from the day after it: a step due today is not yet late. */
export function isPastDue(dueDate: string, today: string): boolean {
  return today > dueDate;
}

export function recheckBucket(r: RecheckStanding, dates: CampaignDates, today: string, openTaskDueDates: readonly string[] = []): CampaignBucket {
  switch (r.outcome) {
    case 'maintained':
    case 'revoked':
    case 'kept':
    case 'at_risk':
      return r.outcome;
    default:
      break;
  }
  if (r.stage === 'revocation_proposed') return 'revocation_proposed';
  if (r.stage === 'pending') return 'pending';
  if (r.stage === 'blocked') return 'blocked';
  const due = stepDeadline(r.stage, dates, openTaskDueDates);
  return due !== null && isPastDue(due, today) ? 'overdue' : 'in_progress';
}
