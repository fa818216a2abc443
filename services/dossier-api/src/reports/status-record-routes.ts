import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, requireUnitAccess } from '@ntm/access';
import { Problem } from '@ntm/contracts';
import { IsoDate } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import type { DossierApiDeps } from '../app.js';
import { parseStatusCsv, statusCsvFields } from './status-csv.js';
import { readStatusContext, vietnamDay, writeStatusRecords, writeTargets, type Recorder } from './status-store.js';
import { checkStatusEntries, type StatusEntry } from './status-validation.js';

const StatusRecordInput = z.strictObject({
  unitCode: z.string().min(1).max(64),
  criteriaSetCode: z.string().min(1).max(64),
  criterionCode: z.string().min(1).max(64),
  indicatorCode: z.string().min(1).max(64).nullable().default(null),
  recordedOn: IsoDate,
  met: z.boolean(),
  source: z.enum(['appraisal', 'self_assessment']).describe('appraisal: kết quả thẩm định của sở, ngành; self_assessment: kết quả tự đánh giá của đơn vị'),
  value: z.string().max(200).nullable().default(null),
  note: z.string().max(2000).nullable().default(null),
});
const StatusImportReport = z
  .object({ dryRun: z.boolean(), records: z.number().int(), created: z.number().int(), updated: z.number().int() })
  .meta({ id: 'StatusImportReport', description: 'Kết quả ghi nhận: số bản ghi, số bản ghi mới và số bản ghi thay thế bản ghi cùng ngày, cùng nguồn (khi chạy thử: chưa ghi gì).' });
const Params = z.object({ code: z.string().min(1).max(64) });
const DryRun = z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') });
const invalid = 'Dữ liệu kết quả thực hiện tiêu chí không hợp lệ; không có bản ghi nào được ghi.';

export function statusRecordRoutes(deps: Pick<DossierApiDeps, 'db' | 'now'>): FastifyPluginAsyncZod {
  const { db } = deps;
  const today = () => vietnamDay(deps.now?.() ?? new Date());

  /** The provincial office of the province records its units' status and targets. */
  async function recorder(request: FastifyRequest, provinceCode: string): Promise<Recorder> {
    const province = await db.administrativeUnit.findUnique({ where: { code: provinceCode }, select: { level: true } });
    if (province?.level !== 'province') throw new HttpProblem('notFound', `Không có tỉnh "${provinceCode}".`);
    const actor = actorOf(request);
    return { actor: actor.username, role: requireUnitAccess(actor, 'status.record', [provinceCode], null), requestId: request.id };
  }

  async function record(provinceCode: string, entries: StatusEntry[], by: Recorder, dryRun: boolean, source: 'api' | 'csv') {
    if (dryRun) {
      const existing = await db.unitStatusRecord.count({
        where: { OR: entries.map((e) => ({ unitCode: e.unitCode, criteriaSetCode: e.criteriaSetCode, criterionCode: e.criterionCode, indicatorCode: e.indicatorCode ?? '', recordedOn: new Date(e.recordedOn), source: e.source })) },
      });
      return { dryRun, records: entries.length, created: entries.length - existing, updated: existing };
    }
    return { dryRun, records: entries.length, ...(await writeStatusRecords(db, provinceCode, entries, by, source)) };
  }

  return async (app) => {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 20 * 1024 * 1024 }, (_request, body, done) => done(null, body));

    app.post(
      '/provinces/:code/status-records',
      {
        schema: {
          operationId: 'recordUnitStatus',
          tags: ['reports'],
          summary: 'Ghi nhận kết quả thực hiện tiêu chí của các đơn vị trong tỉnh theo kỳ (tất cả hoặc không)',
          description:
            'Văn phòng điều phối của tỉnh ghi kết quả từng đơn vị (xã, thôn, bản, huyện), từng tiêu chí (và chỉ tiêu nếu có) vào một ngày, kể cả đơn vị chưa có hồ sơ. Bản ghi cùng đơn vị, tiêu chí, chỉ tiêu, ngày và nguồn thay thế bản ghi trước. Một bản ghi sai thì không ghi gì; dryRun=true chỉ kiểm tra.',
          params: Params,
          querystring: DryRun,
          body: z.strictObject({ records: z.array(StatusRecordInput).min(1).max(20_000) }).meta({
            examples: [{ records: [{ unitCode: '110-03628', criteriaSetCode: 'XA-NTM-2021-2025', criterionCode: 'TC05', indicatorCode: null, recordedOn: '2025-09-30', met: true, source: 'self_assessment', value: null, note: null }] }],
          }),
          response: { 200: StatusImportReport, 400: Problem, 403: Problem, 404: Problem },
        },
      },
      async (request) => {
        const { params, query, body } = request;
        const by = await recorder(request, params.code);
        const ctx = await readStatusContext(db, params.code, today());
        const errors = checkStatusEntries(ctx, body.records.map((entry, i) => ({ at: `body.records.${i}`, entry })));
        if (errors.length > 0) throw new HttpProblem('validation', invalid, errors);
        return record(params.code, body.records, by, query.dryRun, 'api');
      },
    );

    app.post(
      '/provinces/:code/status-records/import',
      {
        schema: {
          operationId: 'importUnitStatusCsv',
          tags: ['reports'],
          summary: 'Nhập kết quả thực hiện tiêu chí từ tệp CSV của tỉnh (tất cả hoặc không, có chạy thử)',
          description:
            'Cột (mã hoặc tiêu đề tiếng Việt): unit_code (Mã đơn vị) hoặc unit_name (Tên đơn vị) kèm parent_name (Đơn vị cấp trên), criteria_set (Bộ tiêu chí, có thể bỏ trống), criterion (Tiêu chí: mã, số hoặc tên), indicator (Chỉ tiêu), recorded_on (Ngày), met (Kết quả: đạt/chưa đạt), source (Nguồn: thẩm định/tự đánh giá), value, note. Lỗi nêu số dòng như trong bảng tính (dòng tiêu đề là dòng 1). Xem docs/status-records.md.',
          params: Params,
          querystring: DryRun,
          consumes: ['text/csv'],
          body: z.string().min(1).meta({ examples: ['unit_code,criterion,recorded_on,met,source\n110-03628,TC05,2025-09-30,đạt,tự đánh giá\n'] }),
          response: { 200: StatusImportReport, 400: Problem, 403: Problem, 404: Problem },
        },
      },
      async (request) => {
        const { params, query, body } = request;
        const by = await recorder(request, params.code);
        const ctx = await readStatusContext(db, params.code, today());
        const parsed = parseStatusCsv(body, ctx);
        const checked = checkStatusEntries(ctx, parsed.entries.map(({ row, entry }) => ({ at: `body.rows.${row}`, entry })), statusCsvFields);
        // Every problem of the file at once, in the order of its rows.
        const rowOf = (location: string) => Number(/^body\.rows\.(\d+)/.exec(location)?.[1] ?? 0);
        const errors = [...parsed.errors, ...checked].sort((a, b) => rowOf(a.location) - rowOf(b.location));
        if (errors.length > 0) throw new HttpProblem('validation', invalid, errors);
        return record(params.code, parsed.entries.map((e) => e.entry), by, query.dryRun, 'csv');
      },
    );

    app.put(
      '/provinces/:code/targets',
      {
        schema: {
          operationId: 'setUnitTargets',
          tags: ['reports'],
          summary: 'Đặt năm dự kiến đạt chuẩn của các đơn vị trong tỉnh theo từng loại công nhận',
          description: 'Ví dụ: xã dự kiến đạt chuẩn nông thôn mới năm 2025. Năm mới thay thế kế hoạch trước của đơn vị trên cùng loại công nhận.',
          params: Params,
          body: z.strictObject({ targets: z.array(z.strictObject({ unitCode: z.string().min(1).max(64), trackCode: z.string().min(1).max(64), targetYear: z.number().int().min(2000).max(2100) })).min(1).max(20_000) }).meta({ examples: [{ targets: [{ unitCode: '110-03628', trackCode: 'COMMUNE_NTM', targetYear: 2027 }] }] }),
          response: { 200: z.object({ targets: z.number().int() }), 400: Problem, 403: Problem, 404: Problem },
        },
      },
      async (request) => {
        const { params, body } = request;
        const by = await recorder(request, params.code);
        const [units, tracks] = await Promise.all([
          db.administrativeUnit.findMany({ where: { provinceCode: params.code, code: { in: body.targets.map((t) => t.unitCode) } }, select: { code: true, level: true } }),
          db.track.findMany({ select: { code: true, unitLevel: true } }),
        ]);
        const levelOf = new Map(units.map((u) => [u.code, u.level]));
        const errors = body.targets.flatMap((t, i) => {
          const level = levelOf.get(t.unitCode);
          const track = tracks.find((x) => x.code === t.trackCode);
          if (level === undefined) return [{ location: `body.targets.${i}.unitCode`, message: `không có đơn vị "${t.unitCode}" trong tỉnh ${params.code}` }];
          if (!track) return [{ location: `body.targets.${i}.trackCode`, message: `không có loại công nhận "${t.trackCode}"` }];
          return track.unitLevel === level ? [] : [{ location: `body.targets.${i}.trackCode`, message: `loại công nhận "${t.trackCode}" không áp dụng cho đơn vị "${t.unitCode}"` }];
        });
        if (errors.length > 0) throw new HttpProblem('validation', 'Kế hoạch đạt chuẩn không hợp lệ; không có thay đổi nào được ghi.', errors);
        await writeTargets(db, params.code, body.targets, by);
        return { targets: body.targets.length };
      },
    );
  };
}
