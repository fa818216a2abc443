import { formatVietnameseDate } from './iso-date.js';

/** A recognition a unit held, as its decision says. */
export interface HeldRecognition {
  trackCode: string;
  status: 'active' | 'revoked';
  year: number;
  decisionId: string;
  decisionNumber: string | null;
  /** ISO dates; the decision takes effect on effectiveOn, else on signedOn. */
  signedOn: string | null;
  effectiveOn?: string | null;
  /** When a revoked recognition stopped; unknown (null) counts as stopped before any merger. */
  revokedOn?: string | null;
}

/** A unit that merged into the new one, with what it held. */
export interface FormerUnit {
  code: string;
  name: string;
  recognitions: readonly HeldRecognition[];
}

export interface FormerDecision {
  unitCode: string;
  unitName: string;
  decisionId: string;
  decisionNumber: string | null;
  signedOn: string | null;
  year: number;
}

export type MergerRecognitionProposal =
  | { proposed: true; formerDecisions: FormerDecision[]; reasons: [] }
  | { proposed: false; formerDecisions: FormerDecision[]; reasons: Array<{ unitCode: string | null; message: string }> };

/** Whether a recognition was in force on the day: in effect by then and not revoked by then. */
export function inForceOn(r: HeldRecognition, day: string): boolean {
  const from = r.effectiveOn ?? r.signedOn;
  if (from === null || from > day) return false;
  if (r.status === 'active') return true;
  return r.revokedOn !== undefined && r.revokedOn !== null && r.revokedOn > day;
}

/**
 * The 2025 reform's rule for merged units (DOMAIN.md): a merged commune whose former communes all
 * held a recognition on the track in force on the merger date may be recognised by a provincial
 * decision without a new appraisal; the system proposes it with the former decisions it rests on.
 * Otherwise it goes through the process, and the reasons say which former unit lacked what.
 */
export function proposeMergerRecognition(input: {
  trackCode: string;
  /** The merger's effective date (ISO): the new unit's first day. */
  mergedOn: string;
  formerUnits: readonly FormerUnit[];
  /** The new unit's own recognitions: one already in force needs no proposal. */
  newUnitRecognitions: readonly HeldRecognition[];
}): MergerRecognitionProposal {
  const { trackCode, mergedOn } = input;
  const day = formatVietnameseDate(mergedOn);
  const reasons: Array<{ unitCode: string | null; message: string }> = [];
  const formerDecisions: FormerDecision[] = [];
  if (input.formerUnits.length === 0) reasons.push({ unitCode: null, message: 'Chưa có đơn vị nào được đăng ký là sáp nhập vào đơn vị này.' });
  if (input.newUnitRecognitions.some((r) => r.trackCode === trackCode && r.status === 'active')) {
    reasons.push({ unitCode: null, message: 'Đơn vị đã có quyết định công nhận còn hiệu lực cho loại hồ sơ này.' });
  }
  for (const unit of input.formerUnits) {
    const held = unit.recognitions
      .filter((r) => r.trackCode === trackCode && inForceOn(r, mergedOn))
      .sort((a, b) => (b.effectiveOn ?? b.signedOn ?? '').localeCompare(a.effectiveOn ?? a.signedOn ?? ''))[0];
    if (held) {
      formerDecisions.push({ unitCode: unit.code, unitName: unit.name, decisionId: held.decisionId, decisionNumber: held.decisionNumber, signedOn: held.signedOn, year: held.year });
    } else {
      reasons.push({ unitCode: unit.code, message: `${unit.name} không có quyết định công nhận còn hiệu lực vào ngày sáp nhập ${day}.` });
    }
  }
  return reasons.length === 0 ? { proposed: true, formerDecisions, reasons: [] } : { proposed: false, formerDecisions, reasons };
}
