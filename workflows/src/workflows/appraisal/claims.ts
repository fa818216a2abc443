import { dossierFailureTypes, type SelfAssessmentCommand } from '@ntm/contracts';
import { judgeCriterionClaim, type PlannedIndicator, type ThresholdGroup } from '@ntm/domain';
import { failure } from './tasks.js';

/**
 * Refuses a unit's self-assessment of a criterion whose indicator values contradict their
 * thresholds (judgeCriterionClaim), as a dossier's and a re-check's validators both do: an
 * indicator the criterion does not have, a value of the wrong kind, or a "met" the values belie.
 * Criteria planned without indicators (dossiers and re-checks opened before plans kept them) are not judged.
 */
export function requireClaimMeetsThresholds(
  criterion: { code: string; name: string; indicators?: readonly PlannedIndicator[] | undefined },
  command: SelfAssessmentCommand,
  group: ThresholdGroup | null,
): void {
  if (!criterion.indicators) return;
  const { problems } = judgeCriterionClaim({ ...criterion, indicators: criterion.indicators }, command, group);
  if (problems.length === 0) return;
  const errors = problems.map((p) => ({ location: ['body', ...p.path].join('.'), message: p.message }));
  throw failure(dossierFailureTypes.invalidSelfAssessment, problems.map((p) => p.message).join(' '), errors);
}
