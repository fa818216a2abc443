import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { renderDecisionPdf, type DecisionDocument } from './decision-pdf.js';
import { advancedDecision, communeDecision, villageDecision } from './decision-pdf.test-data.js';
import { pdfText, positionsInOrder } from './pdf-text.js';

/** Every block of an administrative decision (Nghị định 30/2020/NĐ-CP), in the order it is read. */
async function expectBlocksInOrder(d: DecisionDocument, blocks: string[]) {
  const text = await pdfText(await renderDecisionPdf(d));
  const positions = positionsInOrder(text, blocks);
  // Each block maps to whether it was found after the one before: a failure names the blocks missing.
  expect(Object.fromEntries(blocks.map((b, i) => [b, (positions[i] ?? -1) >= 0])), text).toEqual(Object.fromEntries(blocks.map((b) => [b, true])));
  return text;
}

describe('renderDecisionPdf', () => {
  it('writes a commune decision of the province in the form of an administrative decision', async () => {
    const text = await expectBlocksInOrder(communeDecision, [
      'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc',
      'Số: 1234/QĐ-UBND',
      'Lai Châu, ngày 05 tháng 12 năm 2026',
      'QUYẾT ĐỊNH Về việc công nhận xã Pha Mu, huyện Than Uyên đạt chuẩn nông thôn mới năm 2025',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;',
      'Căn cứ Quyết định số 18/2022/QĐ-TTg ngày 02/8/2022',
      'Căn cứ Quyết định số 318/QĐ-TTg ngày 08/3/2022',
      'Xét đề nghị của Ủy ban nhân dân huyện Than Uyên tại Tờ trình số 45/TTr-UBND ngày 20/11/2026.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công nhận xã Pha Mu, huyện Than Uyên đạt chuẩn nông thôn mới năm 2025.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày ký.',
      'Điều 3. Chánh Văn phòng Ủy ban nhân dân tỉnh;',
      'Chủ tịch Ủy ban nhân dân xã Pha Mu chịu trách nhiệm thi hành Quyết định này./.',
      'Nơi nhận: - Như Điều 3; - Văn phòng Điều phối nông thôn mới Trung ương;',
      '- Lưu: VT.',
      'TM. ỦY BAN NHÂN DÂN CHỦ TỊCH',
      'Người Ký Thử',
    ]);
    // The unit's type word comes with its name once: the old title read "… huyện Than Uyên xã đạt chuẩn".
    expect(text).not.toMatch(/xã đạt chuẩn|xã xã/u);
  });

  it('writes a village decision of the district, signed by a deputy for the chairman', async () => {
    await expectBlocksInOrder(villageDecision, [
      'ỦY BAN NHÂN DÂN HUYỆN THAN UYÊN',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Số: 215/QĐ-UBND',
      'Than Uyên, ngày 02 tháng 3 năm 2026',
      'QUYẾT ĐỊNH Về việc công nhận bản Nà Khương, xã Pha Mu đạt chuẩn nông thôn mới năm 2025',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN THAN UYÊN',
      'Căn cứ Luật Tổ chức chính quyền địa phương',
      'Căn cứ Bộ tiêu chí thôn, bản nông thôn mới',
      'Xét đề nghị của Ủy ban nhân dân xã Pha Mu tại Tờ trình số 12/TTr-UBND ngày 20/02/2026.',
      'QUYẾT ĐỊNH:',
      'Điều 1. Công nhận bản Nà Khương, xã Pha Mu đạt chuẩn nông thôn mới năm 2025.',
      'Điều 3.',
      'Trưởng bản Nà Khương chịu trách nhiệm thi hành Quyết định này./.',
      'Nơi nhận:',
      'KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
      'Người Ký Thử',
    ]);
  });

  it('writes an advanced decision in force from a later date, answering a submission without a recorded number', async () => {
    await expectBlocksInOrder(advancedDecision, [
      'ỦY BAN NHÂN DÂN TỈNH LAI CHÂU',
      'Số: 1301/QĐ-UBND',
      'Lai Châu, ngày 18 tháng 12 năm 2026',
      'Về việc công nhận xã Sơn Bình, huyện Tam Đường đạt chuẩn nông thôn mới nâng cao năm 2026',
      'Căn cứ Quyết định số 318/QĐ-TTg',
      'Xét đề nghị của Ủy ban nhân dân huyện Tam Đường.',
      'Điều 1. Công nhận xã Sơn Bình, huyện Tam Đường đạt chuẩn nông thôn mới nâng cao năm 2026.',
      'Điều 2. Quyết định này có hiệu lực kể từ ngày 01 tháng 01 năm 2027.',
      'KT. CHỦ TỊCH PHÓ CHỦ TỊCH',
    ]);
  });

  it('ends the bases with a full stop where the decision answers no submission', async () => {
    const text = await pdfText(await renderDecisionPdf({ ...communeDecision, proposal: null }));
    expect(text).toContain('nâng cao giai đoạn 2021 - 2025. QUYẾT ĐỊNH:');
    expect(text).not.toContain('Xét đề nghị');
  });

  it('renders the same decision to the same bytes, and another decision to other bytes', async () => {
    const hash = async (d: DecisionDocument) => createHash('sha256').update(await renderDecisionPdf(d)).digest('hex');
    expect(await hash(communeDecision)).toBe(await hash(communeDecision));
    expect(await hash({ ...communeDecision, unitNames: ['Xã Tà Mung', 'Huyện Than Uyên'] })).not.toBe(await hash(communeDecision));
  });
});
