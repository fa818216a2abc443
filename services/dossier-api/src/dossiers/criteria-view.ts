import { z } from 'zod';
import { IndicatorResult, PlannedIndicator, type DossierPlan } from '@ntm/contracts';
import { Outcome, describeThreshold, judgeCriterionClaim } from '@ntm/domain';

const ComputedOutcome = z.enum(Object.values(Outcome)).describe('met | not_met | undetermined (no threshold or no value: judged by the assessor)');

/** One criterion of the dossier's plan: the commune's claim beside what its values compute to. */
export const CriterionView = z.object({
  code: z.string(),
  number: z.number().int(),
  name: z.string(),
  /** From the indicators' values and the plan's thresholds; met only when every indicator is. */
  computed: ComputedOutcome,
  indicators: z.array(
    PlannedIndicator.extend({
      /** The threshold as people read it: "≥ 80 %", "đạt (có)", or "chưa có ngưỡng". */
      thresholdText: z.string(),
      value: z.union([z.number(), z.boolean()]).nullable(),
      claimedMet: z.boolean().nullable(),
      computed: ComputedOutcome,
    }),
  ),
  selfAssessment: z.object({ met: z.boolean(), explanation: z.string(), indicators: z.array(IndicatorResult), evidenceIds: z.array(z.string()) }).nullable(),
});
export type CriterionView = z.infer<typeof CriterionView>;

interface StoredAssessment {
  met: boolean;
  explanation: string;
  indicators: unknown;
  evidenceIds: string[];
}

/** The plan's criteria with each self-assessment and the result its values compute to. */
export function criteriaView(plan: DossierPlan, assessments: ReadonlyMap<string, StoredAssessment>): CriterionView[] {
  return plan.criteria.map((c) => {
    const a = assessments.get(c.code);
    const claimed = a ? z.array(IndicatorResult).parse(a.indicators) : [];
    const judged = judgeCriterionClaim(c, { met: a?.met ?? false, indicators: claimed }, plan.thresholdGroup);
    return {
      code: c.code,
      number: c.number,
      name: c.name,
      computed: judged.computed,
      indicators: judged.indicators.map((i) => ({ ...i, thresholdText: describeThreshold(i), value: i.value ?? null })),
      selfAssessment: a ? { met: a.met, explanation: a.explanation, indicators: claimed, evidenceIds: a.evidenceIds } : null,
    };
  });
}
