import type { DecisionDocument } from './decision-pdf.js';

// Decisions for tests and for looking at the layout. Names and wordings are test data shaped like
// the seed catalogs; the texts of the law are quoted as the seed catalogs quote them.

const verifyUrl = 'http://localhost:3000/public/decisions/00000000-0000-4000-8000-000000000000';
const province = { body: 'Ủy ban nhân dân', unitName: 'Tỉnh Lai Châu', place: 'Lai Châu' };
const bases = [
  'Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng 11 năm 2019',
  'Quyết định số 18/2022/QĐ-TTg ngày 02/8/2022 của Thủ tướng Chính phủ ban hành Quy định điều kiện, trình tự, thủ tục, hồ sơ xét, công nhận, công bố và thu hồi quyết định công nhận địa phương đạt chuẩn nông thôn mới, đạt chuẩn nông thôn mới nâng cao, đạt chuẩn nông thôn mới kiểu mẫu và hoàn thành nhiệm vụ xây dựng nông thôn mới giai đoạn 2021 - 2025',
];
const provinceExecutors = ['Chánh Văn phòng Ủy ban nhân dân tỉnh', 'Chánh Văn phòng Điều phối nông thôn mới tỉnh', 'Thủ trưởng các sở, ban, ngành có liên quan'];
const provinceRecipients = ['Như Điều 3', 'Văn phòng Điều phối nông thôn mới Trung ương', 'Thường trực Tỉnh ủy', 'Thường trực Hội đồng nhân dân tỉnh', 'Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân tỉnh', 'Lưu: VT'];

export const communeDecision: DecisionDocument = {
  number: '1234/QĐ-UBND',
  date: '2026-12-05',
  effectiveDate: '2026-12-05',
  signer: 'Người Ký Thử',
  signing: ['TM. Ủy ban nhân dân', 'Chủ tịch'],
  issuer: province,
  headTitle: 'Chủ tịch',
  unitNames: ['Xã Pha Mu', 'Huyện Than Uyên'],
  recognition: 'đạt chuẩn nông thôn mới',
  year: 2025,
  legalBases: [...bases, 'Quyết định số 318/QĐ-TTg ngày 08/3/2022 của Thủ tướng Chính phủ ban hành Bộ tiêu chí quốc gia về xã nông thôn mới và Bộ tiêu chí quốc gia về xã nông thôn mới nâng cao giai đoạn 2021 - 2025'],
  proposal: { by: 'Ủy ban nhân dân huyện Than Uyên', number: '45/TTr-UBND', date: '2026-11-20' },
  executors: [...provinceExecutors, 'Chủ tịch Ủy ban nhân dân huyện Than Uyên', 'Chủ tịch Ủy ban nhân dân xã Pha Mu'],
  recipients: provinceRecipients,
  verifyUrl,
};

export const advancedDecision: DecisionDocument = {
  ...communeDecision,
  number: '1301/QĐ-UBND',
  date: '2026-12-18',
  effectiveDate: '2027-01-01',
  signing: ['KT. Chủ tịch', 'Phó Chủ tịch'],
  unitNames: ['Xã Sơn Bình', 'Huyện Tam Đường'],
  recognition: 'đạt chuẩn nông thôn mới nâng cao',
  year: 2026,
  proposal: { by: 'Ủy ban nhân dân huyện Tam Đường', number: null, date: null },
  executors: [...provinceExecutors, 'Chủ tịch Ủy ban nhân dân huyện Tam Đường', 'Chủ tịch Ủy ban nhân dân xã Sơn Bình'],
};

export const villageDecision: DecisionDocument = {
  number: '215/QĐ-UBND',
  date: '2026-03-02',
  effectiveDate: '2026-03-02',
  signer: 'Người Ký Thử',
  signing: ['KT. Chủ tịch', 'Phó Chủ tịch'],
  issuer: { body: 'Ủy ban nhân dân', unitName: 'Huyện Than Uyên', place: 'Than Uyên' },
  headTitle: 'Chủ tịch',
  unitNames: ['Bản Nà Khương', 'Xã Pha Mu'],
  recognition: 'đạt chuẩn nông thôn mới',
  year: 2025,
  legalBases: [...bases, 'Bộ tiêu chí thôn, bản nông thôn mới giai đoạn 2021–2025 do Ủy ban nhân dân tỉnh Lai Châu ban hành'],
  proposal: { by: 'Ủy ban nhân dân xã Pha Mu', number: '12/TTr-UBND', date: '2026-02-20' },
  executors: ['Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện', 'Trưởng các phòng, ban chuyên môn thuộc Ủy ban nhân dân huyện', 'Chủ tịch Ủy ban nhân dân xã Pha Mu', 'Trưởng bản Nà Khương'],
  recipients: ['Như Điều 3', 'Văn phòng Điều phối nông thôn mới tỉnh', 'Thường trực Huyện ủy', 'Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân huyện', 'Lưu: VT'],
  verifyUrl,
};
