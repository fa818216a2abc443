import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MergerDecisionView, MergerRecognitionBody, MergerRecognitionProposalView, Problem, UnitMergersBody, UnitMergersReport, UnitMergerView } from '@ntm/contracts';
import { mergerCsvLocation as csvLocation, jsonLocation, parseMergersCsv, readMergers, readProvince, registerMergers, unitChain } from '@ntm/catalog';
import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { actorOf, requireUnitAccess } from '@ntm/access';
import { issueMergerRecognition, readMergerProposal } from './merger-recognition.js';

const Code = z.object({ code: z.string().min(1).max(64) });
const invalid = 'Bảng sáp nhập không hợp lệ; không có thay đổi nào được ghi.';

/** Merged units (the 2025 reform): the province's merger table, and recognition of a merged commune on its parts' decisions. */
export function mergerRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 10 * 1024 * 1024 }, (_request, body, done) => done(null, body));

    app.get(
      '/catalog/provinces/:code/mergers',
      { schema: { operationId: 'listUnitMergers', tags: ['catalog'], summary: 'Bảng sáp nhập đơn vị hành chính của tỉnh', description: 'Các đơn vị cũ và đơn vị mới mà chúng sáp nhập vào, kèm ngày sáp nhập, mới nhất trước. 404 khi không có tỉnh.', params: Code, response: { 200: z.array(UnitMergerView), 404: Problem } } },
      async ({ params }) => {
        if (!(await readProvince(db, params.code))) throw new HttpProblem('notFound', `Không có tỉnh "${params.code}" trong danh mục.`);
        return readMergers(db, params.code);
      },
    );

    app.post(
      '/catalog/provinces/:code/mergers',
      {
        schema: {
          operationId: 'registerUnitMergers',
          tags: ['catalog'],
          summary: 'Đăng ký đơn vị nào sáp nhập vào đơn vị nào, từ ngày nào (JSON hoặc CSV; tất cả hoặc không)',
          description:
            'Chỉ quản trị hệ thống. Thân JSON { mergers: [{ formerUnitCode, newUnitCode, effectiveOn }] } hoặc tệp CSV (text/csv) với các cột former_code,new_code,effective_on. Mọi lỗi được trả về cùng lúc (400) kèm vị trí (body.mergers.<i>.<trường> hoặc body.rows.<dòng>.<cột>, dòng tiêu đề là dòng 1) và không có gì được ghi. Đơn vị cũ giữ mã và lịch sử; ngày cuối của đơn vị cũ là ngày trước ngày sáp nhập. dryRun=true chỉ kiểm tra.',
          params: Code,
          querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false').transform((v) => v === 'true') }),
          consumes: ['application/json', 'text/csv'],
          // Validated here, CSV or JSON, so every error comes back at once with its row.
          body: z.unknown().meta({
            description: 'JSON { mergers: [{ formerUnitCode, newUnitCode, effectiveOn }] } hoặc tệp CSV với các cột former_code,new_code,effective_on',
            examples: [{ mergers: [{ formerUnitCode: '110-03628', newUnitCode: '03637', effectiveOn: '2025-07-01' }] }, 'former_code,new_code,effective_on\n110-03628,03637,2025-07-01\n'],
          }),
          response: { 200: UnitMergersReport, 400: Problem, 403: Problem, 404: Problem },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const by = { actor: actor.username, role: requireUnitAccess(actor, 'catalog.write', [], null), requestId: request.id };
        const { params, query, body } = request;
        if (!(await readProvince(db, params.code))) throw new HttpProblem('notFound', `Không có tỉnh "${params.code}" trong danh mục.`);
        let rows;
        let locate = jsonLocation;
        if (typeof body === 'string') {
          const csv = parseMergersCsv(body);
          if (!csv.ok) throw new HttpProblem('validation', invalid, csv.errors);
          [rows, locate] = [csv.rows, csvLocation];
        } else {
          const parsed = UnitMergersBody.safeParse(body);
          if (!parsed.success) throw new HttpProblem('validation', invalid, parsed.error.issues.map((i) => ({ location: ['body', ...i.path.map(String)].join('.'), message: i.message })));
          rows = parsed.data.mergers;
        }
        const result = await registerMergers(db, params.code, rows, { dryRun: query.dryRun, by, locate });
        if (!result.ok) throw new HttpProblem('validation', invalid, result.errors);
        const { ok: _ok, ...report } = result;
        return report;
      },
    );

    app.get(
      '/catalog/units/:code/merger-recognition',
      {
        schema: {
          operationId: 'getMergerRecognitionProposal',
          tags: ['catalog'],
          summary: 'Đề xuất công nhận đơn vị sau sáp nhập theo quyết định của các xã trước sáp nhập',
          description:
            'Khi mọi đơn vị cũ sáp nhập vào đơn vị này đều có quyết định công nhận (loại hồ sơ track) còn hiệu lực vào ngày sáp nhập, hệ thống đề xuất UBND tỉnh ra quyết định công nhận không qua thẩm định, kèm danh sách các quyết định cũ; nếu không, nêu lý do và hồ sơ đi theo quy trình. 404 khi không có đơn vị hoặc loại hồ sơ.',
          params: Code,
          querystring: z.object({ track: z.string().min(1).max(64).default('COMMUNE_NTM') }),
          response: { 200: MergerRecognitionProposalView, 404: Problem },
        },
      },
      async ({ params, query }) => readMergerProposal(db, params.code, query.track),
    );

    app.post(
      '/catalog/units/:code/merger-recognition',
      {
        schema: {
          operationId: 'issueMergerRecognition',
          tags: ['catalog'],
          summary: 'Văn phòng Điều phối tỉnh ban hành quyết định công nhận đơn vị sau sáp nhập đã được đề xuất',
          description:
            'Chỉ Văn phòng Điều phối nông thôn mới của tỉnh có đơn vị. Ghi quyết định (số, ngày, người ký) và công nhận đơn vị theo các quyết định cũ được liệt kê. 422 khi hệ thống không đề xuất (có đơn vị cũ chưa được công nhận) hoặc chức danh người ký không đúng mẫu; 409 khi số quyết định đã dùng trong năm; cùng commandId trả lại quyết định đã ghi.',
          params: Code,
          body: MergerRecognitionBody,
          response: { 200: MergerDecisionView, 201: MergerDecisionView, 403: Problem, 404: Problem, 409: Problem, 422: Problem },
        },
      },
      async (request, reply) => {
        const actor = actorOf(request);
        const chain = await unitChain(db, request.params.code);
        if (chain.length === 0) throw new HttpProblem('notFound', `Không có đơn vị "${request.params.code}".`);
        const unit = await db.administrativeUnit.findUniqueOrThrow({ where: { code: request.params.code }, select: { level: true } });
        const level = unit.level === 'village' || unit.level === 'district' ? unit.level : 'commune';
        const role = requireUnitAccess(actor, 'recognition.merge', chain, level);
        const { created, decision } = await issueMergerRecognition(db, request.params.code, request.body, { actor: actor.username, role, requestId: request.id });
        return reply.code(created ? 201 : 200).send(decision);
      },
    );
  };
}
