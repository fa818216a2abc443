import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderDecisionPdf, type DecisionDocument } from './decision-pdf.js';

export const sampleDecision: DecisionDocument = {
  number: '1234/QĐ-UBND',
  date: '2026-11-20',
  effectiveDate: '2026-11-20',
  signer: 'Người ký (dữ liệu thử)',
  signerTitle: 'KT. Chủ tịch',
  issuerName: 'Tỉnh Lai Châu',
  unitName: 'Xã Pha Mu',
  unitParents: ['Huyện Than Uyên'],
  trackName: 'Đạt chuẩn nông thôn mới',
  year: 2025,
  legalBasis: ['Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ', 'Quyết định số 18/2022/QĐ-TTg ngày 02/8/2022 của Thủ tướng Chính phủ'],
  verifyUrl: 'http://localhost:3000/public/decisions/00000000-0000-4000-8000-000000000000',
};

describe('renderDecisionPdf', () => {
  it('renders a PDF', async () => {
    const pdf = await renderDecisionPdf(sampleDecision);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  it('renders the same decision to the same bytes, and another decision to other bytes', async () => {
    const hash = async (d: DecisionDocument) => createHash('sha256').update(await renderDecisionPdf(d)).digest('hex');
    expect(await hash(sampleDecision)).toBe(await hash(sampleDecision));
    expect(await hash({ ...sampleDecision, unitName: 'Xã Tà Mung' })).not.toBe(await hash(sampleDecision));
  });
});
