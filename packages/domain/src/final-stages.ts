/**
 * Stages a dossier ends in, outside its track's stages: once there, its workflow has completed and
 * no command applies to it any more.
 */
export const FinalStage = {
  recognised: 'RECOGNISED',
  refused: 'REFUSED',
  /** The record could not be created (another dossier of the unit, track and year is open). */
  rejected: 'REJECTED',
} as const;
export type FinalStage = (typeof FinalStage)[keyof typeof FinalStage];

const finalStageNames: Record<FinalStage, string> = {
  RECOGNISED: 'Đã có quyết định công nhận',
  REFUSED: 'Đã có quyết định không công nhận',
  REJECTED: 'Không lập được hồ sơ',
};

/** A stage's Vietnamese name: the track's own stages first, then the final stages; the code otherwise. */
export function stageNameOf(code: string, trackStages: readonly { code: string; name: string }[]): string {
  return trackStages.find((s) => s.code === code)?.name ?? finalStageNames[code as FinalStage] ?? code;
}
