/** A change of a province's chain of approval, holding from a date (the 2025 two-tier reform, say). */
export interface ChainChange {
  /** ISO date from which the change holds. */
  from: string;
  hasDistrictStage: boolean;
}

export interface ApprovalChain {
  /** The chain before any dated change (or always, without changes). */
  hasDistrictStage: boolean;
  chainChanges?: readonly ChainChange[];
}

/** Whether a dossier opened on `day` (ISO date) has the district stage: the latest change in force that day wins. */
export function hasDistrictStageOn(chain: ApprovalChain, day: string): boolean {
  let current: ChainChange | undefined;
  for (const change of chain.chainChanges ?? []) {
    if (change.from <= day && (current === undefined || change.from >= current.from)) current = change;
  }
  return current?.hasDistrictStage ?? chain.hasDistrictStage;
}

type ChainStage = { code: string; kind: StageKind; decidingLevel: string };

/** The stages a dossier goes through under a chain: without the district tier, its stages are skipped (not its decision). */
export function followedStages<S extends ChainStage>(stages: readonly S[], hasDistrictStage: boolean): S[] {
  return stages.filter((s) => hasDistrictStage || s.decidingLevel !== 'district' || s.kind === StageKind.decision);
}

/** Why a dossier could not follow the track under the chain, or null: a skipped appraisal, a decision by a district that is gone. */
export function unfollowableUnderChain(stages: readonly ChainStage[], hasDistrictStage: boolean): string | null {
  const followed = followedStages(stages, hasDistrictStage);
  if (!hasDistrictStage && followed.some((s) => s.decidingLevel === 'district')) return 'bước quyết định ở cấp huyện, nhưng tỉnh không còn cấp huyện';
  return unfollowableStages(followed);
}

/**
 * What a stage is, so rules and the workflow drive any track's stages without knowing their codes.
 * Named here once because the domain's rules need them and packages/domain depends on nothing;
 * packages/contracts/src/vocabulary.ts names them for the rest.
 */
export const StageKind = { selfAssessment: 'self_assessment', appraisal: 'appraisal', confirmation: 'confirmation', decision: 'decision' } as const;
export type StageKind = (typeof StageKind)[keyof typeof StageKind];
/** Every stage kind, in the order a commune's track has them. */
export const stageKindOrder = [StageKind.selfAssessment, StageKind.appraisal, StageKind.confirmation, StageKind.decision] as const;

/**
 * Why a dossier could not follow these stages, or null when it can: it starts with the
 * self-assessment, is appraised, may be confirmed, and ends with the decision, each kind once,
 * so every stage has a next one until the decision. The confirmation comes after the appraisal
 * (the district confirms a commune's dossier) or before it (the commune verifies a village's
 * dossier before the district's offices appraise it); at the commune or district level.
 */
export function unfollowableStages(stages: ReadonlyArray<{ code: string; kind: StageKind; decidingLevel?: string }>): string | null {
  const kinds = stages.map((s) => s.kind);
  for (const kind of new Set(kinds)) {
    if (kinds.indexOf(kind) !== kinds.lastIndexOf(kind)) return `có nhiều bước loại "${kind}"`;
  }
  if (kinds[0] !== StageKind.selfAssessment) return `bước đầu tiên phải là tự đánh giá (${StageKind.selfAssessment})`;
  if (!kinds.includes(StageKind.appraisal)) return `thiếu bước thẩm định (${StageKind.appraisal})`;
  if (kinds.at(-1) !== StageKind.decision) return `bước cuối cùng phải là quyết định (${StageKind.decision})`;
  const confirmation = stages.find((s) => s.kind === StageKind.confirmation);
  if (confirmation?.decidingLevel !== undefined && confirmation.decidingLevel !== 'commune' && confirmation.decidingLevel !== 'district') {
    return `bước xác nhận (${StageKind.confirmation}) do cấp xã (trước thẩm định) hoặc cấp huyện thực hiện`;
  }
  return null;
}
