import { formatVietnameseDate, inSentence } from '@ntm/domain';
import { renderDecisionLayout, type DecisionParts } from './decision-layout.js';
import { decisionFrame, inForceFrom, unitsInSentence, type DecisionDocument } from './decision-pdf.js';

/** What a revocation decision says: the recognition decision's setting, the decision it revokes and why. */
export interface RevocationDocument extends Omit<DecisionDocument, 'proposal' | 'year'> {
  /** The recognition revoked: its decision's number and date (null for one without a number on record), and the year recognised. */
  revoked: { number: string | null; date: string | null; year: number };
  /** The re-check year whose result it rests on. */
  recheckYear: number;
  reasons: string;
}

/** The parts of a revocation decision (thu hồi quyết định công nhận), for the shared decision layout. */
export function revocationParts(d: RevocationDocument): DecisionParts {
  const unit = unitsInSentence(d);
  const recognised = `${unit} ${d.recognition} năm ${d.revoked.year}`;
  const issuer = `${d.issuer.body} ${inSentence(d.issuer.unitName)}`;
  const revokedDecision = d.revoked.number
    ? `Quyết định số ${d.revoked.number}${d.revoked.date ? ` ngày ${formatVietnameseDate(d.revoked.date)}` : ''} của ${issuer} về việc công nhận ${recognised}`
    : `quyết định công nhận ${recognised}`;
  return {
    ...decisionFrame(d),
    subject: `Về việc thu hồi quyết định công nhận ${recognised}`,
    authority: `${d.headTitle} ${issuer}`,
    bases: [...d.legalBases.map((b) => `Căn cứ ${b};`), `Căn cứ kết quả rà soát, thẩm định lại việc duy trì kết quả đạt chuẩn năm ${d.recheckYear}.`],
    articles: [
      `Thu hồi ${revokedDecision}. Lý do: ${d.reasons.replace(/[.\s]+$/, '')}.`,
      `Quyết định này có hiệu lực ${inForceFrom(d)}; từ ngày đó ${unit} không còn được công nhận ${d.recognition}.`,
      `${d.executors.join('; ')} chịu trách nhiệm thi hành Quyết định này./.`,
    ],
  };
}

/** Renders a revocation decision as a PDF; the same decision always renders to the same bytes. */
export function renderRevocationPdf(d: RevocationDocument): Promise<Buffer> {
  return renderDecisionLayout(revocationParts(d));
}
