import { z } from 'zod';
import { Stage, type DossierWorkflowInput } from './dossier.js';
import { PlannedCriterion, ThresholdGroup } from './planned-criteria.js';

const code = z.string().min(1).max(64);

/**
 * What a dossier is judged against, frozen when it opens: its criteria with their indicators and
 * thresholds, the documents, the stages and the names. The workflow carries it in its input, the
 * dossier row keeps it; the views, the decision and the evidence API read it, never today's catalog.
 */
export const DossierPlan = z.object({
  trackName: z.string(),
  criteriaSet: z.object({ code, name: z.string(), legalBasis: z.string() }),
  /** The group whose thresholds apply (the unit's region or commune group); null when it has none. */
  thresholdGroup: ThresholdGroup.nullable(),
  criteria: z.array(PlannedCriterion.required({ indicators: true })),
  documents: z.array(z.object({ code, name: z.string() })),
  stages: z.array(Stage),
  hasDistrictStage: z.boolean(),
});
export type DossierPlan = z.infer<typeof DossierPlan>;

/** The plan as the workflow input carries it (inputs of dossiers opened before the plan existed lack the names). */
export function dossierPlanOf(input: DossierWorkflowInput): DossierPlan {
  return {
    trackName: input.trackName ?? input.trackCode,
    criteriaSet: { code: input.criteriaSetCode, name: input.criteriaSetName ?? input.criteriaSetCode, legalBasis: input.legalBasis ?? '' },
    thresholdGroup: input.thresholdGroup ?? null,
    criteria: input.requiredCriteria.map((c) => ({ ...c, indicators: c.indicators ?? [] })),
    documents: input.requiredDocuments,
    stages: input.stages,
    hasDistrictStage: input.hasDistrictStage,
  };
}
