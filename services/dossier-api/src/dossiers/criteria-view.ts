import { z } from 'zod';
import { ComputedOutcome, IndicatorResult, JudgedIndicatorView, type DossierPlan } from '@ntm/contracts';
import { describeThreshold, judgeCriterionClaim, type PlannedIndicator, type ThresholdGroup } from '@ntm/domain';

/** One criterion of the dossier's plan: the commune's claim beside what its values compute to. */
export const CriterionView = z.object({
  code: z.string(),
  number: z.number().int(),
  name: z.string(),
  /** From the indicators' values and the plan's thresholds; met only when every indicator is. */
  computed: ComputedOutcome,
  indicators: z.array(JudgedIndicatorView),
  selfAssessment: z.object({ met: z.boolean(), explanation: z.string(), indicators: z.array(IndicatorResult), evidenceIds: z.array(z.string()) }).nullable(),
});
export type CriterionView = z.infer<typeof CriterionView>;

// Built once: a zod schema made inside a function is compiled again at every call.
const IndicatorResults = z.array(IndicatorResult);

interface StoredAssessment {
  met: boolean;
  explanation: string;
  indicators: unknown;
  evidenceIds: string[];
}

/**
 * A criterion's stored self-assessment judged on its planned thresholds (a dossier's or a
 * re-check's): what its values compute to, indicator by indicator, beside the unit's claim.
 */
export function judgedCriterion(criterion: { code: string; name: string; indicators: readonly PlannedIndicator[] }, a: Pick<StoredAssessment, 'met' | 'indicators'> | null, group: ThresholdGroup | null) {
  const claimed = a ? IndicatorResults.parse(a.indicators) : [];
  const judged = judgeCriterionClaim(criterion, { met: a?.met ?? false, indicators: claimed }, group);
  return { claimed, computed: judged.computed, indicators: judged.indicators.map((i) => ({ ...i, thresholdText: describeThreshold(i), value: i.value ?? null })) };
}

/** The plan's criteria with each self-assessment and the result its values compute to. */
export function criteriaView(plan: DossierPlan, assessments: ReadonlyMap<string, StoredAssessment>): CriterionView[] {
  return plan.criteria.map((c) => {
    const a = assessments.get(c.code);
    const { claimed, computed, indicators } = judgedCriterion(c, a ?? null, plan.thresholdGroup);
    return {
      code: c.code,
      number: c.number,
      name: c.name,
      computed,
      indicators,
      selfAssessment: a ? { met: a.met, explanation: a.explanation, indicators: claimed, evidenceIds: a.evidenceIds } : null,
    };
  });
}
