import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { communeDecision } from './decision-pdf.test-data.js';
import { pdfText, positionsInOrder } from './pdf-text.js';
import { renderRevocationPdf, type RevocationDocument } from './revocation-pdf.js';

const { proposal: _proposal, year: _year, ...setting } = communeDecision;
const revocation: RevocationDocument = {
  ...setting,
  number: '2345/QĐ-UBND',
  date: '2027-08-15',
  effectiveDate: '2027-08-15',
  revoked: { number: '1234/QĐ-UBND', date: '2026-12-05', year: 2025 },
  recheckYear: 2027,
  reasons: 'Xã không còn đạt 10/19 tiêu chí sau rà soát năm 2027.',
};

describe('renderRevocationPdf', () => {
  it('writes the revocation in the form of an administrative decision, naming the decision it revokes and why', async () => {
    const text = await pdfText(await renderRevocationPdf(revocation));
    const blocks = [
      'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'Số: 2345/QĐ-UBND',
      'Lai Châu, ngày 15 tháng 8 năm 2027',
      'QUYẾT ĐỊNH Về việc thu hồi quyết định công nhận xã Pha Mu, huyện Than Uyên đạt chuẩn nông thôn mới năm 2025',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'Căn cứ kết quả rà soát, thẩm định lại việc duy trì kết quả đạt chuẩn năm 2027.',
      'Điều 1. Thu hồi Quyết định số 1234/QĐ-UBND ngày 05/12/2026 của Ủy ban nhân dân tỉnh Lai Châu về việc công nhận xã Pha Mu, huyện Than Uyên đạt chuẩn nông thôn mới năm 2025. Lý do: Xã không còn đạt 10/19 tiêu chí sau rà soát năm 2027.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký; từ ngày đó xã Pha Mu, huyện Than Uyên không còn được công nhận đạt chuẩn nông thôn mới.',
      'Người Ký Thử',
    ];
    const positions = positionsInOrder(text, blocks);
    expect(Object.fromEntries(blocks.map((b, i) => [b, (positions[i] ?? -1) >= 0])), text).toEqual(Object.fromEntries(blocks.map((b) => [b, true])));
  });

  it('renders the same decision to the same bytes, so its SHA-256 can be checked', async () => {
    const sha = async () => createHash('sha256').update(await renderRevocationPdf(revocation)).digest('hex');
    expect(await sha()).toBe(await sha());
  });
});
