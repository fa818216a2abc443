import type { ComparedReport } from './model.js';
import { bandLabel, formatDate, groupLevelName, scopeLevelName } from './words.js';

/** How a cell is written: text, a whole number, or a decimal (two places; a percentage is one too). */
export type ColumnKind = 'text' | 'integer' | 'decimal';

export interface ReportTable {
  /** Sheet name (at most 31 characters) and the table's title. */
  sheet: string;
  title: string;
  columns: { header: string; kind: ColumnKind; width?: number }[];
  rows: (string | number | null)[][];
}

const yesNo = (b: boolean) => (b ? 'Có' : 'Không');

/** The report as tables, in the order of the province's report; every export (CSV, XLSX, PDF) reads these. */
export function reportTables(r: ComparedReport): ReportTable[] {
  const tables: ReportTable[] = [summaryTable(r)];
  if (r.groupLevel !== null) tables.push(groupsTable(r));
  tables.push({
    sheet: 'Theo tiêu chí',
    title: 'Số xã chưa đạt từng tiêu chí',
    columns: [
      { header: 'Số', kind: 'integer', width: 6 },
      { header: 'Tiêu chí', kind: 'text', width: 48 },
      { header: 'Số xã chưa đạt', kind: 'integer' },
      { header: 'Tỷ lệ xã chưa đạt (%)', kind: 'decimal' },
    ],
    rows: r.criteria.map((c) => [c.number, c.name, c.notMet, c.notMetPercent]),
  });
  tables.push({
    sheet: 'Xã dự kiến đạt chuẩn',
    title: 'Xã dự kiến đạt chuẩn nông thôn mới',
    columns: [
      { header: 'Năm dự kiến', kind: 'integer' },
      { header: 'Mã xã', kind: 'text' },
      { header: 'Xã', kind: 'text', width: 24 },
      { header: r.groupLevel === 'province' ? 'Tỉnh' : 'Huyện', kind: 'text', width: 22 },
      { header: 'Số tiêu chí đạt', kind: 'integer' },
      { header: 'Tổng số tiêu chí', kind: 'integer' },
      { header: 'Tiêu chí chưa đạt', kind: 'text', width: 60 },
    ],
    rows: r.planned.flatMap((p) => p.communes.map((c) => [p.year, c.code, c.name, c.groupName, c.met, c.total, c.unmetCriteria.join('; ')])),
  });
  if (r.advanced) {
    tables.push({
      sheet: 'Xã NTM nâng cao',
      title: `Xã nông thôn mới nâng cao (${r.advanced.criteriaSet.name})`,
      columns: [
        { header: 'Mã xã', kind: 'text' },
        { header: 'Xã', kind: 'text', width: 24 },
        { header: r.groupLevel === 'province' ? 'Tỉnh' : 'Huyện', kind: 'text', width: 22 },
        { header: 'Số tiêu chí đạt', kind: 'integer' },
        { header: 'Tổng số tiêu chí', kind: 'integer' },
        { header: 'Tiêu chí đã đạt', kind: 'text', width: 60 },
      ],
      rows: r.advanced.communes.map((c) => [c.code, c.name, c.groupName, c.met, c.total, c.metCriteria.join('; ')]),
    });
  }
  tables.push(communesTable(r));
  if (r.change) tables.push(changeTable(r, r.change));
  return tables;
}

function summaryTable(r: ComparedReport): ReportTable {
  const s = r.summary;
  const rows: [string, number, number | null][] = [
    ['Tổng số xã', s.communes, null],
    ['Số xã đạt chuẩn nông thôn mới', s.atStandard, r.change?.atStandard ?? null],
    ['Trong đó: đã được công nhận đạt chuẩn (quyết định còn hiệu lực)', s.recognisedAtStandard, null],
    ['Số xã có quyết định công nhận còn hiệu lực', s.recognised, r.change?.recognised ?? null],
    ['Tỷ lệ xã đạt chuẩn (%)', s.sharePercent, r.change?.sharePercent ?? null],
    ['Bình quân tiêu chí/xã', s.averageMet, r.change?.averageMet ?? null],
    ...s.bands.map((b, i): [string, number, number | null] => [`Số xã đạt ${bandLabel(b)}`, b.count, r.change?.bands[i]?.change ?? null]),
  ];
  if (r.villages) {
    rows.push(['Tổng số thôn, bản', r.villages.villages, null]);
    rows.push([`Số thôn, bản đạt chuẩn (${r.villages.criteriaCount}/${r.villages.criteriaCount} tiêu chí)`, r.villages.atStandard, null]);
    rows.push(['Bình quân tiêu chí của các thôn, bản còn lại', r.villages.averageMetOfOthers, null]);
  }
  const columns: ReportTable['columns'] = [
    { header: 'Chỉ tiêu', kind: 'text', width: 60 },
    { header: `Đến ngày ${formatDate(r.asOf)}`, kind: 'decimal', width: 18 },
  ];
  if (r.change) columns.push({ header: `Thay đổi so với ${formatDate(r.change.since)}`, kind: 'decimal', width: 22 });
  return {
    sheet: 'Tổng hợp',
    title: `${scopeLevelName[r.scope.level]}: ${r.scope.name}, theo ${r.criteriaSet.name}`,
    columns,
    rows: rows.map(([label, value, change]) => (r.change ? [label, value, change] : [label, value])),
  };
}

function groupsTable(r: ComparedReport): ReportTable {
  const level = r.groupLevel ?? 'district';
  const withDistrictCriteria = r.groups.some((g) => g.districtCriteria !== null);
  return {
    sheet: level === 'province' ? 'Theo tỉnh' : 'Theo huyện',
    title: `Kết quả theo ${level === 'province' ? 'tỉnh, thành phố' : 'huyện'}`,
    columns: [
      { header: 'Mã', kind: 'text' },
      { header: groupLevelName[level], kind: 'text', width: 28 },
      { header: 'Số xã', kind: 'integer' },
      { header: 'Số xã đạt chuẩn', kind: 'integer' },
      { header: 'Đã được công nhận', kind: 'integer' },
      { header: 'Tỷ lệ đạt chuẩn (%)', kind: 'decimal' },
      { header: 'Bình quân tiêu chí/xã', kind: 'decimal' },
      ...r.summary.bands.map((b) => ({ header: `Đạt ${bandLabel(b)}`, kind: 'integer' as const })),
      ...(withDistrictCriteria
        ? [
            { header: 'Tiêu chí cấp huyện đạt', kind: 'integer' as const },
            { header: 'Tiêu chí thành phần đạt', kind: 'integer' as const },
            { header: 'Tiêu chí cấp huyện chưa đạt', kind: 'text' as const, width: 50 },
          ]
        : []),
    ],
    rows: r.groups.map((g) => [
      g.code,
      g.name,
      g.figures.communes,
      g.figures.atStandard,
      g.figures.recognisedAtStandard,
      g.figures.sharePercent,
      g.figures.averageMet,
      ...g.figures.bands.map((b) => b.count),
      ...(withDistrictCriteria ? [g.districtCriteria?.met ?? null, g.districtCriteria?.indicatorsMet ?? null, g.districtCriteria?.unmetCriteria.join('; ') ?? null] : []),
    ]),
  };
}

function communesTable(r: ComparedReport): ReportTable {
  const group = new Map(r.groups.map((g) => [g.code, g.name]));
  const names = new Map(r.criteria.map((c) => [c.code, c.name]));
  return {
    sheet: 'Chi tiết xã',
    title: 'Kết quả từng xã (nguồn: kết quả thẩm định của sở, ngành nếu có, nếu không là kết quả tự đánh giá)',
    columns: [
      { header: 'Mã xã', kind: 'text' },
      { header: 'Xã', kind: 'text', width: 24 },
      { header: r.groupLevel === 'province' ? 'Tỉnh' : 'Huyện', kind: 'text', width: 22 },
      { header: 'Số tiêu chí đạt', kind: 'integer' },
      { header: 'Đạt chuẩn', kind: 'text' },
      { header: 'Tiêu chí theo kết quả thẩm định', kind: 'integer' },
      { header: 'Tiêu chí theo kết quả tự đánh giá', kind: 'integer' },
      { header: 'Tiêu chí chưa có kết quả', kind: 'integer' },
      { header: 'Tiêu chí chưa đạt', kind: 'text', width: 60 },
    ],
    rows: r.communes.map((c) => [
      c.code,
      c.name,
      c.groupCode === null ? null : (group.get(c.groupCode) ?? null),
      c.met,
      yesNo(c.atStandard),
      c.criteria.filter((s) => s.source === 'appraisal').length,
      c.criteria.filter((s) => s.source === 'self_assessment').length,
      c.criteria.filter((s) => s.source === null).length,
      c.criteria.filter((s) => !s.met).map((s) => names.get(s.code) ?? s.code).join('; '),
    ]),
  };
}

function changeTable(r: ComparedReport, change: NonNullable<ComparedReport['change']>): ReportTable {
  return {
    sheet: 'Thay đổi',
    title: `Thay đổi từ ${formatDate(change.since)} đến ${formatDate(r.asOf)}`,
    columns: [
      { header: 'Mã xã', kind: 'text' },
      { header: 'Xã', kind: 'text', width: 24 },
      { header: 'Thay đổi', kind: 'text', width: 30 },
    ],
    rows: [
      ...change.reachedStandard.map((c) => [c.code, c.name, 'Đạt chuẩn mới']),
      ...change.lostStandard.map((c) => [c.code, c.name, 'Không còn đạt chuẩn']),
    ],
  };
}
