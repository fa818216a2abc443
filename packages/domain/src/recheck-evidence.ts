import type { Command } from './authorization.js';
import { RecheckStage } from './recheck-stages.js';

/**
 * The steps of a re-check at which its unit adds or removes evidence files: while it re-assesses
 * (supplementation returns it to that step) and while it remediates unmet criteria. Reading
 * follows the re-check at every step. The one table the evidence API reads for re-checks.
 */
export const recheckEvidenceStages = {
  'evidence.upload': [RecheckStage.selfAssessment, RecheckStage.remediation],
  'evidence.delete': [RecheckStage.selfAssessment, RecheckStage.remediation],
} as const satisfies Partial<Record<Command, readonly RecheckStage[]>>;

export type RecheckEvidenceCommand = keyof typeof recheckEvidenceStages;

/** Whether a re-check at `stage` takes the evidence command. */
export function recheckStageAllowsEvidence(command: RecheckEvidenceCommand, stage: string): boolean {
  return (recheckEvidenceStages[command] as readonly string[]).includes(stage);
}

/** The evidence a re-check carries over: every file cited by the unit's last values, once each, in order. */
export function carriedEvidenceIds(criteria: ReadonlyArray<{ last: { evidenceIds: readonly string[] } | null }>): string[] {
  return [...new Set(criteria.flatMap((c) => c.last?.evidenceIds ?? []))];
}

/**
 * The ids a re-assessment may not cite: those neither uploaded to this re-check (`own`) nor
 * carried over from the unit's last values (`carried`). Each named once, in the order cited.
 */
export function foreignEvidenceIds(cited: readonly string[], own: ReadonlySet<string>, carried: readonly string[]): string[] {
  const allowed = new Set([...own, ...carried]);
  return [...new Set(cited.filter((id) => !allowed.has(id)))];
}
