import { StageKind } from './approval-chain.js';

/**
 * The steps of one unit's yearly re-check (docs/recheck-campaigns.md). Its own two steps share the
 * recognition process's stage kinds: the unit re-assesses, the departments re-appraise.
 */
export const RecheckStage = {
  /** The campaign has not started the unit's workflow yet. */
  pending: 'pending',
  /** The workflow could not open it: the province has not assigned every criterion to a department (it retries daily). */
  blocked: 'blocked',
  selfAssessment: StageKind.selfAssessment,
  appraisal: StageKind.appraisal,
  remediation: 'remediation',
  revocationProposed: 'revocation_proposed',
  closed: 'closed',
} as const;
export type RecheckStage = (typeof RecheckStage)[keyof typeof RecheckStage];

/** A re-check step's name, for people. */
export const recheckStageNames: Record<RecheckStage, string> = {
  pending: 'Chờ bắt đầu rà soát',
  blocked: 'Chưa mở được: có tiêu chí chưa được phân công thẩm định lại',
  self_assessment: 'Đơn vị tự rà soát, đánh giá lại',
  appraisal: 'Các sở, ngành thẩm định lại',
  remediation: 'Khắc phục tiêu chí chưa đạt',
  revocation_proposed: 'Đề nghị thu hồi quyết định công nhận',
  closed: 'Đã kết thúc rà soát',
};
