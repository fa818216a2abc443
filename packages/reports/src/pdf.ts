import type { Writable } from 'node:stream';
import type { ComparedReport } from './model.js';
import { barChart, createDoc, heading, margin, paragraph, table, width, type Doc } from './pdf-kit.js';
import { bandLabel, formatCount, formatDate, formatChange, formatDecimal, formatInteger } from './words.js';
import { toStoredDate } from '@ntm/domain';

const scopeWord = { country: 'toàn quốc', province: 'toàn tỉnh', district: 'toàn huyện' } as const;
const groupWord = { province: 'tỉnh', district: 'huyện' } as const;
const upper = (s: string) => s.toLocaleUpperCase('vi');

/**
 * Writes the report as a PDF laid out like a province's report (seed 002, section I.4): title,
 * unit, date, numbered sections, tables and two charts (communes by band of criteria met;
 * communes not meeting each criterion). Decimal commas, dates dd/mm/yyyy. Streamed to `out`.
 */
export function writeReportPdf(report: ComparedReport, out: Writable): Promise<void> {
  const doc = createDoc(`Báo cáo kết quả xây dựng nông thôn mới: ${report.scope.name}`, toStoredDate(report.asOf));
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
    doc.on('error', reject);
  });
  doc.pipe(out);
  titleBlock(doc, report);
  heading(doc, 'I. KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU, NHIỆM VỤ CỦA CHƯƠNG TRÌNH');
  const sections = [overall, groups, planned, advanced, villages, criteria, change];
  let n = 0;
  for (const section of sections) {
    if (section(doc, report, `${String.fromCharCode(97 + n)})`)) n++;
  }
  sources(doc, report);
  doc.end();
  return finished;
}

function titleBlock(doc: Doc, r: ComparedReport): void {
  const box = { width: width(doc), align: 'center' as const };
  doc.font('bold').fontSize(14).text('BÁO CÁO', margin.left, doc.y, box);
  doc.fontSize(13).text('Kết quả thực hiện Chương trình mục tiêu quốc gia xây dựng nông thôn mới', box);
  doc.text(upper(r.scope.name), box);
  doc.font('italic').fontSize(12).text(`Số liệu đến ngày ${formatDate(r.asOf)}${r.change ? `, so sánh với ngày ${formatDate(r.change.since)}` : ''}`, box);
  doc.text(`Bộ tiêu chí: ${r.criteriaSet.name}`, box);
  doc.moveDown(0.5).font('regular').fontSize(12);
}

function overall(doc: Doc, r: ComparedReport, label: string): boolean {
  const s = r.summary;
  const total = r.criteriaSet.criteriaCount;
  heading(doc, `${label} Kết quả thực hiện bộ tiêu chí quốc gia về xây dựng nông thôn mới`);
  paragraph(doc, `Kết quả ${scopeWord[r.scope.level]}:`);
  paragraph(doc, `- Số xã đạt chuẩn nông thôn mới: ${formatCount(s.atStandard)}/${formatCount(s.communes)} xã, chiếm ${formatDecimal(s.sharePercent)}% (trong đó ${formatCount(s.recognisedAtStandard)} xã đã được công nhận đạt chuẩn, quyết định còn hiệu lực).`);
  paragraph(doc, `- Bình quân tiêu chí ${scopeWord[r.scope.level]}: ${formatDecimal(s.averageMet)} tiêu chí/xã.`);
  for (const b of s.bands) paragraph(doc, `- Số xã đạt ${bandLabel(b)}: ${formatCount(b.count)}/${formatCount(s.communes)} xã.`);
  doc.moveDown(0.5);
  barChart(doc, `Biểu đồ 1. Số xã theo số tiêu chí đạt (bộ ${total} tiêu chí)`, s.bands.map((b) => ({ label: `Đạt ${bandLabel(b)}`, value: b.count, text: `${formatInteger(b.count)} xã` })));
  return true;
}

function groups(doc: Doc, r: ComparedReport, label: string): boolean {
  if (r.groupLevel === null || r.groups.length === 0) return false;
  const word = groupWord[r.groupLevel];
  heading(doc, `${label} Kết quả theo từng ${word}`);
  table(
    doc,
    [
      { header: word === 'huyện' ? 'Huyện' : 'Tỉnh', weight: 3 },
      { header: 'Số xã', weight: 1, align: 'right' },
      { header: 'Đạt chuẩn', weight: 1.2, align: 'right' },
      { header: 'Đã công nhận', weight: 1.3, align: 'right' },
      { header: 'Tỷ lệ (%)', weight: 1.2, align: 'right' },
      { header: 'Bình quân tiêu chí/xã', weight: 1.5, align: 'right' },
    ],
    r.groups.map((g) => [g.name, formatInteger(g.figures.communes), formatInteger(g.figures.atStandard), formatInteger(g.figures.recognisedAtStandard), formatDecimal(g.figures.sharePercent), formatDecimal(g.figures.averageMet)]),
  );
  for (const g of r.groups) {
    const d = g.districtCriteria;
    if (!d) continue;
    paragraph(doc, `${g.name}: đạt ${formatCount(d.met)}/${d.total} tiêu chí cấp huyện (có ${d.indicatorsMet}/${d.indicatorsTotal} tiêu chí thành phần đạt yêu cầu).`, 'bold');
    if (d.metCriteria.length > 0) paragraph(doc, `- ${formatCount(d.met)} tiêu chí đạt gồm: ${d.metCriteria.join('; ')}.`);
    if (d.unmetCriteria.length > 0) paragraph(doc, `- ${formatCount(d.unmetCriteria.length)} tiêu chí chưa đạt gồm: ${d.unmetCriteria.join('; ')}.`);
  }
  return true;
}

function planned(doc: Doc, r: ComparedReport, label: string): boolean {
  if (r.planned.length === 0) return false;
  heading(doc, `${label} Xã dự kiến đạt chuẩn nông thôn mới`);
  for (const p of r.planned) {
    paragraph(doc, `- Xã dự kiến đạt chuẩn trong năm ${p.year} (${formatCount(p.communes.length)} xã):`);
    for (const c of p.communes) {
      const where = c.groupName ? ` (${c.groupName})` : '';
      const unmet = c.unmetCriteria.length === 0 ? '' : `, còn ${formatCount(c.unmetCriteria.length)} tiêu chí chưa đạt gồm: ${c.unmetCriteria.join('; ')}`;
      paragraph(doc, `+ ${c.name}${where}: Đạt ${c.met}/${c.total} tiêu chí${unmet}.`);
    }
    paragraph(doc, `Bình quân đạt ${formatDecimal(p.averageMet)} tiêu chí/xã.`, 'italic');
  }
  return true;
}

function advanced(doc: Doc, r: ComparedReport, label: string): boolean {
  if (!r.advanced || r.advanced.communes.length === 0) return false;
  heading(doc, `${label} Xã nông thôn mới nâng cao`);
  paragraph(doc, `Có ${formatCount(r.advanced.communes.length)} xã thực hiện xây dựng xã nông thôn mới nâng cao (${r.advanced.criteriaSet.name}):`);
  for (const c of r.advanced.communes) {
    const met = c.metCriteria.length === 0 ? '' : `, gồm các tiêu chí: ${c.metCriteria.join('; ')}`;
    paragraph(doc, `- ${c.name}${c.groupName ? ` (${c.groupName})` : ''}: Thực hiện đạt ${c.met}/${c.total} tiêu chí${met}.`);
  }
  return true;
}

function villages(doc: Doc, r: ComparedReport, label: string): boolean {
  const v = r.villages;
  if (!v || v.villages === 0) return false;
  heading(doc, `${label} Thôn, bản nông thôn mới`);
  paragraph(doc, `Có ${formatCount(v.atStandard)}/${formatCount(v.villages)} thôn, bản đạt ${v.criteriaCount}/${v.criteriaCount} tiêu chí; các thôn, bản còn lại đạt bình quân ${formatDecimal(v.averageMetOfOthers)} tiêu chí.`);
  return true;
}

function criteria(doc: Doc, r: ComparedReport, label: string): boolean {
  heading(doc, `${label} Số xã chưa đạt từng tiêu chí`);
  table(
    doc,
    [
      { header: 'Số', weight: 0.6, align: 'center' },
      { header: 'Tiêu chí', weight: 5 },
      { header: 'Số xã chưa đạt', weight: 1.3, align: 'right' },
      { header: 'Tỷ lệ (%)', weight: 1.1, align: 'right' },
    ],
    r.criteria.map((c) => [String(c.number), c.name, formatInteger(c.notMet), formatDecimal(c.notMetPercent)]),
  );
  barChart(doc, 'Biểu đồ 2. Số xã chưa đạt từng tiêu chí', r.criteria.map((c) => ({ label: `${c.number}. ${c.name}`, value: c.notMet, text: `${formatInteger(c.notMet)} xã (${formatDecimal(c.notMetPercent)}%)` })));
  return true;
}

function change(doc: Doc, r: ComparedReport, label: string): boolean {
  const c = r.change;
  if (!c) return false;
  heading(doc, `${label} Thay đổi so với ngày ${formatDate(c.since)}`);
  paragraph(doc, `- Số xã đạt chuẩn: ${formatChange(c.atStandard, 'xã', 0)}; tỷ lệ đạt chuẩn: ${formatChange(c.sharePercent, 'điểm phần trăm')}.`);
  paragraph(doc, `- Bình quân tiêu chí/xã: ${formatChange(c.averageMet, 'tiêu chí')}.`);
  paragraph(doc, `- Số xã có quyết định công nhận còn hiệu lực: ${formatChange(c.recognised, 'xã', 0)}.`);
  for (const b of c.bands) paragraph(doc, `- Số xã đạt ${bandLabel(b)}: ${formatChange(b.change, 'xã', 0)}.`);
  if (c.reachedStandard.length > 0) paragraph(doc, `- Xã đạt chuẩn mới: ${c.reachedStandard.map((x) => x.name).join('; ')}.`);
  if (c.lostStandard.length > 0) paragraph(doc, `- Xã không còn đạt chuẩn: ${c.lostStandard.map((x) => x.name).join('; ')}.`);
  return true;
}

function sources(doc: Doc, r: ComparedReport): void {
  const s = r.sources;
  doc.moveDown(0.8);
  paragraph(
    doc,
    `Nguồn số liệu: kết quả mới nhất đến ngày ${formatDate(r.asOf)} của từng xã, từng tiêu chí — kết quả thẩm định của sở, ngành nếu có (${formatInteger(s.appraisal)} lượt tiêu chí), nếu không là kết quả tự đánh giá của xã (${formatInteger(s.selfAssessment)} lượt); ${formatInteger(s.none)} lượt tiêu chí chưa có kết quả được tính là chưa đạt.`,
    'italic',
  );
}
