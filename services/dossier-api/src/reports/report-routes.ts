import { PassThrough, Readable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUnitAccess } from '@ntm/access';
import { unitChain } from '@ntm/catalog';
import { Problem } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { parseBands, reportCsvChunks, writeReportPdf, writeReportXlsx, type ComparedReport } from '@ntm/reports';
import { buildReport, cached, type ReportOnDate, type ReportRequest } from './build-report.js';
import { ReportCache } from './report-cache.js';
import { CommuneStatusPage, CommuneStatusQuery, ProgressReportView, ReportQuery } from './report-schema.js';

const countryName = 'Cả nước';

/** Who asks for which scope: a district its district, a province its province, a national auditor the country. */
async function reportRequest(db: Db, request: FastifyRequest, query: Pick<z.infer<typeof ReportQuery>, 'unit' | 'asOf'> & Partial<z.infer<typeof ReportQuery>>): Promise<ReportRequest> {
  const bands = query.bands === undefined ? null : parseBands(query.bands);
  if (bands === null && query.bands !== undefined) {
    throw new HttpProblem('validation', 'Nhóm số tiêu chí không hợp lệ.', [{ location: 'querystring.bands', message: 'viết các nhóm cách nhau bởi dấu phẩy, mỗi nhóm một số hoặc một khoảng "từ-đến", ví dụ "19,15-18,10-14,0-9"' }]);
  }
  if (query.compareTo !== undefined && query.compareTo >= query.asOf) {
    throw new HttpProblem('validation', 'Ngày so sánh phải trước ngày lấy số liệu.', [{ location: 'querystring.compareTo', message: `phải trước ngày ${query.asOf}` }]);
  }
  const actor = actorOf(request);
  const base = { asOf: query.asOf, compareTo: query.compareTo ?? null, bands };
  if (query.unit === undefined) {
    requireUnitAccess(actor, 'report.read', [], null);
    return { ...base, scope: { code: '', name: countryName, level: 'country' }, provinceCode: null };
  }
  const unit = await db.administrativeUnit.findUnique({ where: { code: query.unit }, select: { code: true, name: true, level: true, provinceCode: true } });
  if (!unit) throw new HttpProblem('notFound', `Không có đơn vị "${query.unit}".`);
  if (unit.level !== 'province' && unit.level !== 'district') {
    throw new HttpProblem('validation', 'Báo cáo được lập cho một tỉnh, một huyện hoặc toàn quốc.', [{ location: 'querystring.unit', message: `"${unit.name}" không phải tỉnh hoặc huyện` }]);
  }
  requireUnitAccess(actor, 'report.read', await unitChain(db, unit.code), unit.level === 'district' ? 'district' : null);
  return { ...base, scope: { code: unit.code, name: unit.name, level: unit.level }, provinceCode: unit.provinceCode };
}

const formats = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extension: 'xlsx' },
  pdf: { type: 'application/pdf', extension: 'pdf' },
} as const;

/** The file streams out as it is written; a failure mid-way ends the stream with the error. */
function exportStream(report: ComparedReport, format: keyof typeof formats): Readable {
  if (format === 'csv') return Readable.from(reportCsvChunks(report));
  const out = new PassThrough();
  const write = format === 'xlsx' ? writeReportXlsx : writeReportPdf;
  write(report, out).catch((e: unknown) => out.destroy(e instanceof Error ? e : new Error(String(e))));
  return out;
}

const fileName = (r: ComparedReport, extension: string) => `bao-cao-ntm-${r.scope.code || 'toan-quoc'}-${r.asOf}.${extension}`;

export function reportRoutes(db: Db): FastifyPluginAsyncZod {
  const source = cached(db, new ReportCache<ReportOnDate>(db));
  return async (app) => {
    app.get(
      '/reports/progress',
      {
        schema: {
          operationId: 'getProgressReport',
          tags: ['reports'],
          summary: 'Báo cáo kết quả xây dựng nông thôn mới của một tỉnh, huyện hoặc toàn quốc đến một ngày',
          description:
            'Tính từ dữ liệu của hệ thống: với mỗi xã và tiêu chí, kết quả mới nhất đến ngày lấy số liệu (kết quả thẩm định của sở, ngành nếu có, nếu không là kết quả tự đánh giá) từ hồ sơ và kết quả ghi nhận định kỳ. Quyết định công nhận bị thu hồi không còn được tính. Cán bộ huyện xem huyện mình; văn phòng điều phối và kiểm toán viên của tỉnh xem tỉnh mình; kiểm toán viên phạm vi toàn quốc xem toàn quốc.',
          querystring: ReportQuery,
          response: { 200: ProgressReportView, 403: Problem, 404: Problem, 422: Problem },
        },
      },
      async (request) => {
        // Each commune's statuses are served by page (below): the country has ten thousand of them.
        const { communes: _communes, ...report } = await buildReport(source, await reportRequest(db, request, request.query));
        return report;
      },
    );

    app.get(
      '/reports/progress/communes',
      {
        schema: {
          operationId: 'listProgressReportCommunes',
          tags: ['reports'],
          summary: 'Kết quả từng xã theo từng tiêu chí đến một ngày, theo trang',
          description:
            'Cùng số liệu với báo cáo: với mỗi xã trong phạm vi (theo thứ tự mã xã), trạng thái từng tiêu chí, nguồn (thẩm định hoặc tự đánh giá) và ngày ghi nhận. Cùng quyền xem như báo cáo.',
          querystring: CommuneStatusQuery,
          response: { 200: CommuneStatusPage, 403: Problem, 404: Problem, 422: Problem },
        },
      },
      async (request) => {
        const { offset, limit } = request.query;
        const req = await reportRequest(db, request, { unit: request.query.unit, asOf: request.query.asOf });
        const [report] = await source(req, [{ date: req.asOf, part: 'communes' }]);
        if (!report) throw new Error('no report for the date');
        const communes = [...report.communes].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
        return {
          scope: report.scope,
          asOf: report.asOf,
          criteria: report.criteria.map(({ code, number, name }) => ({ code, number, name })),
          total: communes.length,
          offset,
          limit,
          items: communes.slice(offset, offset + limit),
        };
      },
    );

    app.get(
      '/reports/progress/:format',
      {
        schema: {
          operationId: 'exportProgressReport',
          tags: ['reports'],
          summary: 'Xuất báo cáo kết quả xây dựng nông thôn mới ra tệp CSV, XLSX hoặc PDF',
          description:
            'Cùng số liệu với báo cáo JSON. XLSX: mỗi bảng một trang tính, tiêu đề tiếng Việt, ô số là số. PDF: trình bày như báo cáo của tỉnh (các mục đánh số, bảng, biểu đồ số xã theo nhóm tiêu chí và số xã chưa đạt từng tiêu chí, số thập phân có dấu phẩy, ngày dd/mm/yyyy). CSV: các bảng nối tiếp nhau. Tệp được truyền dần khi đang tạo.',
          params: z.object({ format: z.enum(['csv', 'xlsx', 'pdf']) }),
          querystring: ReportQuery,
          produces: Object.values(formats).map((f) => f.type.split(';')[0] ?? f.type),
          response: {
            200: z.any().meta({ description: 'Tệp báo cáo (text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet hoặc application/pdf)' }),
            403: Problem,
            404: Problem,
            422: Problem,
          },
        },
      },
      async (request, reply) => {
        const report = await buildReport(source, await reportRequest(db, request, request.query));
        const format = formats[request.params.format];
        return reply
          .type(format.type)
          .header('content-disposition', `attachment; filename="${fileName(report, format.extension)}"`)
          .send(exportStream(report, request.params.format));
      },
    );
  };
}
