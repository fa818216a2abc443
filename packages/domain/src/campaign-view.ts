/**
 * Where a re-check stands in its campaign's view: the buckets the province counts. A re-check
 * still open is overdue once the deadline of the step it is at has passed.
 */
export const campaignBuckets = ['pending', 'in_progress', 'overdue', 'maintained', 'at_risk', 'revocation_proposed', 'revoked', 'kept'] as const;
export type CampaignBucket = (typeof campaignBuckets)[number];

export interface RecheckStanding {
  stage: string;
  outcome: string | null;
}

/** The deadline of the step a re-check is at, from its campaign's dates; null when the step has none. */
export function stepDeadline(stage: string, dates: { selfAssessmentDue: string; appraisalDue: string }): string | null {
  if (stage === 'self_assessment') return dates.selfAssessmentDue;
  if (stage === 'appraisal') return dates.appraisalDue;
  return null;
}

export function recheckBucket(r: RecheckStanding, dates: { selfAssessmentDue: string; appraisalDue: string }, today: string): CampaignBucket {
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
  const due = stepDeadline(r.stage, dates);
  return due !== null && today > due ? 'overdue' : 'in_progress';
}
