/** Stages outside a track's own: before the record exists, and the ends a dossier can reach. */
export const SystemStage = {
  /** The workflow has started; the dossier's record is being created. */
  opening: 'OPENING',
  recognised: 'RECOGNISED',
  refused: 'REFUSED',
  /** The record could not be created (another dossier of the unit, track and year is open). */
  rejected: 'REJECTED',
} as const;
export type SystemStage = (typeof SystemStage)[keyof typeof SystemStage];

/** Stages a dossier ends in: once there, its workflow has completed and no command applies to it. */
export const FinalStage = { recognised: SystemStage.recognised, refused: SystemStage.refused, rejected: SystemStage.rejected } as const;
export type FinalStage = (typeof FinalStage)[keyof typeof FinalStage];
