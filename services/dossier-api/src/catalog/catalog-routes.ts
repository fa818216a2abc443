import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  AssignmentQuery, CatalogFile, catalogFormat, CriteriaSetDetail, CriteriaSetQuery, CriteriaSetSummary, CriterionAssignmentView,
  Department, Duration, Holiday, ImportReport, Problem, ProvinceSettings, Track, pageOf,
} from '@ntm/contracts';
import { candidateSets, describeChanges, exportProvinceCatalog, importCatalog, parseUnitsCsv, readCriteriaSets, readDepartments, readDurations, readHolidays, readProvince, readTracks } from '@ntm/catalog';
import type { Db, Prisma } from '@ntm/db';
import { CriteriaSet as DomainCriteriaSet, criteriaSetInForce } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { actorOf, requireUnitAccess } from '@ntm/access';
import type { RecordedBy } from '@ntm/contracts';
import type { FastifyRequest } from 'fastify';

const Code = z.object({ code: z.string().min(1).max(64) });
const notFound = { 404: Problem };

async function requireProvince(db: Db, code: string) {
  const province = await readProvince(db, code);
  if (!province) throw new HttpProblem('notFound', `Không có tỉnh "${code}" trong danh mục.`);
  return province;
}

/**
 * `onCalendarsImported`: what follows an import that changed a province's re-check calendars (the
 * API brings its campaign schedules in line, as a calendar set through the API does).
 */
export function catalogRoutes(db: Db, onCalendarsImported: (provinceCode: string) => Promise<unknown> = async () => undefined): FastifyPluginAsyncZod {
  return async (app) => {
    app.get('/catalog/tracks', { schema: { operationId: 'listTracks', description: 'Các loại hồ sơ công nhận (xã, thôn/bản, huyện; nâng cao, kiểu mẫu) với các bước xử lý của từng loại.', tags: ['catalog'], summary: 'Các loại hồ sơ công nhận', response: { 200: z.array(Track) } } }, () => readTracks(db));

    app.get('/catalog/tracks/:code', { schema: { operationId: 'getTrack', summary: 'Một loại hồ sơ công nhận và các bước xử lý', description: 'Một loại hồ sơ công nhận theo mã, với các bước xử lý theo thứ tự. 404 khi không có mã.', tags: ['catalog'], params: Code, response: { 200: Track, ...notFound } } }, async ({ params }) => {
      const [track] = await readTracks(db, { code: params.code });
      if (!track) throw new HttpProblem('notFound', `Không có loại hồ sơ "${params.code}".`);
      return track;
    });

    app.get(
      '/catalog/tracks/:code/criteria-set-in-force',
      {
        schema: {
          operationId: 'getCriteriaSetInForce',
          description: 'Bộ tiêu chí áp dụng cho loại hồ sơ trong năm đã cho; bộ riêng của tỉnh (tham số province) được ưu tiên. 404 khi không có bộ nào, 409 khi có nhiều bộ cùng hiệu lực.',
          tags: ['catalog'],
          summary: 'Bộ tiêu chí áp dụng cho một loại hồ sơ trong một năm (bộ quốc gia hoặc bộ riêng của tỉnh)',
          params: Code,
          querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100), province: z.string().min(1).max(64).optional() }),
          response: { 200: CriteriaSetDetail, 409: Problem, ...notFound },
        },
      },
      async ({ params, query }) => {
        const [track] = await readTracks(db, { code: params.code });
        if (!track) throw new HttpProblem('notFound', `Không có loại hồ sơ "${params.code}".`);
        // A province's own sets count only for its units; national sets count everywhere.
        const { track: candidates, sets } = await candidateSets(db, track, query.province);
        const found = criteriaSetInForce(candidates, sets.map((s) => DomainCriteriaSet.parse(s)), query.year);
        if (found.kind === 'none') throw new HttpProblem('notFound', found.message);
        if (found.kind === 'ambiguous') throw new HttpProblem('conflict', found.message);
        const set = sets.find((s) => s.code === found.set.code);
        if (!set) throw new HttpProblem('notFound', found.set.code);
        return set;
      },
    );

    app.get(
      '/catalog/criteria-sets',
      { schema: { operationId: 'listCriteriaSets', description: 'Các bộ tiêu chí, phân trang, kèm số tiêu chí và chỉ tiêu; lọc theo năm hiệu lực, cấp đơn vị và tỉnh.', tags: ['catalog'], summary: 'Các bộ tiêu chí (theo năm, cấp đơn vị, tỉnh)', querystring: CriteriaSetQuery, response: { 200: pageOf(CriteriaSetSummary) } } },
      async ({ query }) => {
        const where: Prisma.CriteriaSetWhereInput = {
          unitLevel: query.unitLevel,
          ...(query.year ? { validFromYear: { lte: query.year }, validToYear: { gte: query.year } } : {}),
          ...(query.province ? { OR: [{ ownerProvinceCode: null }, { ownerProvinceCode: query.province }] } : {}),
        };
        const all = await readCriteriaSets(db, where);
        const items = all.slice((query.page - 1) * query.pageSize, query.page * query.pageSize).map(({ criteria, ...set }) => ({
          ...set,
          criterionCount: criteria.length,
          indicatorCount: criteria.reduce((n, c) => n + c.indicators.length, 0),
        }));
        return { items, page: query.page, pageSize: query.pageSize, total: all.length };
      },
    );

    app.get(
      '/catalog/criteria-sets/:code',
      { schema: { operationId: 'getCriteriaSet', description: 'Một bộ tiêu chí với đầy đủ tiêu chí và chỉ tiêu. 404 khi không có mã.', tags: ['catalog'], summary: 'Một bộ tiêu chí với tiêu chí và chỉ tiêu', params: Code, response: { 200: CriteriaSetDetail, ...notFound } } },
      async ({ params }) => {
        const [set] = await readCriteriaSets(db, { code: params.code });
        if (!set) throw new HttpProblem('notFound', `Không có bộ tiêu chí "${params.code}".`);
        return set;
      },
    );

    app.get('/catalog/provinces/:code', { schema: { operationId: 'getProvinceSettings', summary: 'Cấu hình của một tỉnh', description: 'Cấu hình xử lý hồ sơ của tỉnh: thời gian niêm yết, ngưỡng hài lòng, có bước huyện hay không. 404 khi không có tỉnh.', tags: ['catalog'], params: Code, response: { 200: ProvinceSettings, ...notFound } } }, ({ params }) =>
      requireProvince(db, params.code),
    );

    app.get(
      '/catalog/provinces/:code/assignments',
      {
        schema: {
          operationId: 'listCriterionAssignments',
          description: 'Các tiêu chí của một bộ tiêu chí và sở/phòng được giao thẩm định từng tiêu chí (hoặc chỉ tiêu) trong tỉnh; lọc theo sở/phòng. 404 khi không có tỉnh hoặc bộ tiêu chí.',
          tags: ['catalog'],
          summary: 'Tiêu chí và sở/phòng được giao thẩm định trong tỉnh',
          params: Code,
          querystring: AssignmentQuery,
          response: { 200: z.array(CriterionAssignmentView), ...notFound },
        },
      },
      async ({ params, query }) => {
        await requireProvince(db, params.code);
        const [criteria, assignments, departments] = await Promise.all([
          db.criterion.findMany({ where: { criteriaSetCode: query.criteriaSet }, orderBy: { number: 'asc' } }),
          db.criterionAssignment.findMany({ where: { provinceCode: params.code, criteriaSetCode: query.criteriaSet, departmentCode: query.department } }),
          db.department.findMany({ where: { provinceCode: params.code } }),
        ]);
        if (criteria.length === 0) throw new HttpProblem('notFound', `Không có bộ tiêu chí "${query.criteriaSet}".`);
        const departmentName = new Map(departments.map((d) => [d.code, d.name]));
        return criteria
          .map((c) => ({
            criterionNumber: c.number,
            criterionCode: c.code,
            criterionName: c.name,
            isKey: c.isKey,
            departments: assignments
              .filter((a) => a.criterionCode === c.code)
              .map((a) => ({ code: a.departmentCode, name: departmentName.get(a.departmentCode) ?? a.departmentCode, indicatorCode: a.indicatorCode === '' ? null : a.indicatorCode })),
          }))
          .filter((c) => query.department === undefined || c.departments.length > 0);
      },
    );

    app.get('/catalog/provinces/:code/durations', { schema: { operationId: 'listStageDurations', summary: 'Thời hạn xử lý từng bước của tỉnh', description: 'Thời hạn của từng bước (ngày hoặc ngày làm việc) và chu kỳ nhắc việc do tỉnh quy định. 404 khi không có tỉnh.', tags: ['catalog'], params: Code, response: { 200: z.array(Duration), ...notFound } } }, async ({ params }) => {
      await requireProvince(db, params.code);
      return readDurations(db, params.code);
    });

    app.get('/catalog/provinces/:code/holidays', { schema: { operationId: 'listHolidays', summary: 'Ngày nghỉ lễ của tỉnh', description: 'Các ngày nghỉ lễ dùng để tính hạn theo ngày làm việc. 404 khi không có tỉnh.', tags: ['catalog'], params: Code, response: { 200: z.array(Holiday), ...notFound } } }, async ({ params }) => {
      await requireProvince(db, params.code);
      return readHolidays(db, params.code);
    });

    app.get('/catalog/provinces/:code/departments', { schema: { operationId: 'listDepartments', summary: 'Các sở, ngành và phòng chuyên môn của tỉnh', description: 'Các sở, ngành cấp tỉnh và phòng chuyên môn cấp huyện của tỉnh, theo mã (để giao quyền thẩm định cho cán bộ). 404 khi không có tỉnh.', tags: ['catalog'], params: Code, response: { 200: z.array(Department), ...notFound } } }, async ({ params }) => {
      await requireProvince(db, params.code);
      return readDepartments(db, params.code);
    });

    app.get(
      '/catalog/provinces/:code/export',
      { schema: { operationId: 'exportProvinceCatalog', description: 'Xuất toàn bộ danh mục của tỉnh (đơn vị, sở/phòng, phân công, thời hạn, ngày nghỉ) thành tệp nhập lại được. 404 khi không có tỉnh.', tags: ['catalog'], summary: 'Xuất danh mục của tỉnh thành tệp nhập được', params: Code, response: { 200: CatalogFile, ...notFound } } },
      async ({ params }) => {
        const file = await exportProvinceCatalog(db, params.code);
        if (!file) throw new HttpProblem('notFound', `Không có tỉnh "${params.code}" trong danh mục.`);
        return file;
      },
    );

    app.post(
      '/catalog/import',
      {
        bodyLimit: 20 * 1024 * 1024,
        schema: {
          operationId: 'importCatalog',
          description: 'Chỉ quản trị hệ thống. Nhập tệp danh mục JSON (tối đa 20 MB): hoặc toàn bộ được ghi, hoặc không có gì thay đổi; mọi lỗi được trả về cùng lúc (400) kèm vị trí từng trường. dryRun=true chỉ liệt kê thay đổi.',
          tags: ['catalog'],
          summary: 'Nhập tệp danh mục (tất cả hoặc không); dryRun=true chỉ liệt kê thay đổi',
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
          // An object; validated whole by importCatalog so every error, shape or reference, comes back at once.
          body: z
            .record(z.string(), z.unknown())
            .describe('tệp danh mục (ntm-catalog/1, xem docs/catalog-file.md)')
            .meta({ examples: [{ format: catalogFormat, notes: ['Ví dụ: tệp chỉ có ghi chú, không thay đổi gì.'], holidays: [] }] }),
          response: { 200: ImportReport, 400: Problem, 403: Problem },
        },
      },
      async (request) => {
        const { body, query } = request;
        const by = catalogWriter(request);
        const result = await importCatalog(db, body, { dryRun: query.dryRun, by });
        if (!result.ok) throw new HttpProblem('validation', 'Tệp danh mục không hợp lệ; không có thay đổi nào được ghi.', result.errors);
        const province = result.file.province?.code;
        if (!result.dryRun && province && result.changes.some((c) => c.entity === 'maintenanceCalendar')) await onCalendarsImported(province);
        return { dryRun: result.dryRun, changes: describeChanges(result.changes, result.file), unchanged: result.unchanged };
      },
    );

    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => done(null, body));

    app.post(
      '/catalog/provinces/:code/units',
      {
        schema: {
          operationId: 'importUnitsCsv',
          tags: ['catalog'],
          summary: 'Nhập đơn vị hành chính của tỉnh từ tệp CSV (tất cả hoặc không)',
          description: 'Chỉ quản trị hệ thống. Cột: code,name,level,parent_code,valid_from,valid_to và tùy chọn group:<mã bộ tiêu chí>, special_difficulty. Tiêu đề bắt buộc, mã hóa UTF-8, tối đa 10 MB (lớn hơn: 413). Hoặc toàn bộ được ghi, hoặc không có gì thay đổi; dryRun=true chỉ liệt kê thay đổi.',
          params: Code,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
          consumes: ['text/csv'],
          body: z.string().min(1).meta({ examples: ['code,name,level,parent_code,valid_from,valid_to\n110-03628,Xã Pha Mu,commune,110,2020-01-01,2025-06-30\n'] }),
          response: { 200: ImportReport, 400: Problem, 403: Problem, ...notFound },
        },
      },
      async (request) => {
        const { params, query, body } = request;
        const by = catalogWriter(request);
        const province = await requireProvince(db, params.code);
        const csv = parseUnitsCsv(body);
        if (!csv.ok) throw new HttpProblem('validation', 'Tệp CSV không hợp lệ; không có thay đổi nào được ghi.', csv.errors);
        const result = await importCatalog(db, { format: catalogFormat, province, units: csv.units }, { dryRun: query.dryRun, source: 'csv', by });
        if (!result.ok) throw new HttpProblem('validation', 'Tệp CSV không hợp lệ; không có thay đổi nào được ghi.', result.errors);
        return { dryRun: result.dryRun, changes: describeChanges(result.changes, result.file), unchanged: result.unchanged };
      },
    );
  };
}

/** Only a system administrator changes the catalog; the import is recorded under its name. */
function catalogWriter(request: FastifyRequest): RecordedBy {
  const actor = actorOf(request);
  return { actor: actor.username, role: requireUnitAccess(actor, 'catalog.write', [], null), requestId: request.id };
}
