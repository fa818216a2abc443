import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WithStartWorkflowOperation, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import {
  AttachDocumentBody, AttestationBody, AttestationKind, CreateDossierBody, Pagination, dossierYears, PostingBody, Problem, SatisfactionBody, SelfAssessmentBody, SubmitBody,
  attachDocumentUpdate, dossierWorkflowId, recordAttestationUpdate, recordPostingUpdate, recordSatisfactionUpdate,
  openDossierUpdate, pageOf, recordSelfAssessmentUpdate, searchAttributeKeys, submitDossierUpdate, SystemStage, type Sender,
} from '@ntm/contracts';
import type { Db, Prisma } from '@ntm/db';
import type { Command as Permission } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { actorOf, checkDossierAccess, requireDossierAccess, senderFrom, visibleDossiersWhere } from '@ntm/access';
import { planDossier } from './plan.js';
import { claimCommandId, createDossierOperation, recordCommandResult, refuseReusedCommandId } from './command-ids.js';
import { commandFailure, toHttpProblem } from './temporal-errors.js';
import { DossierListItem, listDossiers } from './dossier-list.js';
import { DossierSummary, DossierView, readDossierView, toSummary } from './view.js';

export interface DossierRouteDeps {
  db: Db;
  temporal: Client;
  taskQueue: string;
  /** The clock dossiers are opened by (their chain of approval holds from a date); the system clock by default. */
  now?: () => Date;
  /** The clock commands are received by: the workflow dates what they do from it; the system clock by default. */
  commandClock?: () => Date;
  /** How long a command may wait for the dossier's workflow before the caller gets a 503 to retry (default 15 s). */
  commandTimeoutMs?: number;
}

const defaultCommandTimeoutMs = 15_000;

const receivedAt = (deps: DossierRouteDeps): Date => deps.commandClock?.() ?? new Date();

/** Runs a Temporal call under the commands' deadline, so an absent server or worker answers in bounded time. */
export function withCommandDeadline<T>(deps: DossierRouteDeps, call: () => Promise<T>): Promise<T> {
  return deps.temporal.connection.withDeadline(Date.now() + (deps.commandTimeoutMs ?? defaultCommandTimeoutMs), call);
}

/** Every cited evidence file must exist and belong to this dossier. */
async function requireOwnEvidence(db: Db, dossierId: string, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const found = new Set((await db.evidence.findMany({ where: { id: { in: [...ids] }, dossierId }, select: { id: true } })).map((e) => e.id));
  const unknown = ids.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    throw new HttpProblem('unprocessable', 'Có minh chứng không thuộc hồ sơ này.', unknown.map((id) => ({ location: `body.evidenceIds.${ids.indexOf(id)}`, message: `không có minh chứng "${id}" trong hồ sơ` })));
  }
}

/**
 * Sends a person's command to the dossier's workflow once the actor may run it on this dossier
 * (the workflow checks again). The command id is claimed first (see command-ids.ts) and is the
 * update id, so a retry is answered once and a reused id is refused.
 */
export async function sendCommand<Ret, Body extends { commandId: string }>(
  deps: DossierRouteDeps,
  request: FastifyRequest,
  permission: Permission,
  dossierId: string,
  update: UpdateDefinition<Ret, [Body & Sender]>,
  body: Body,
  assignment: { departmentCode?: string; criterionCode?: string } = {},
): Promise<Ret> {
  const actor = actorOf(request);
  const { role } = await requireDossierAccess(deps.db, actor, permission, dossierId, assignment);
  const claim = await claimCommandId(deps.db, { commandId: body.commandId, dossierId, operation: update.name, content: body });
  if (claim.answered) return claim.result as Ret;
  const command = { ...body, ...senderFrom(actor, role, request.id, receivedAt(deps)) };
  const workflow = deps.temporal.workflow.getHandle(dossierWorkflowId(dossierId));
  const result = await withCommandDeadline(deps, () => workflow.executeUpdate(update, { updateId: command.commandId, args: [command] })).catch((e: unknown) =>
    commandFailure(deps.db, dossierId, e),
  );
  await recordCommandResult(deps.db, body.commandId, result);
  return result;
}

const Id = z.object({ id: z.uuid() });
const code = (what: string) => z.string().min(1).max(64).optional().describe(what);
const DossierListQuery = Pagination.extend({
  province: code('mã tỉnh'),
  district: code('mã huyện (đơn vị cấp huyện của hồ sơ)'),
  unit: code('mã đơn vị (xã, thôn) của hồ sơ'),
  track: code('mã loại hồ sơ'),
  year: z.coerce.number().int().min(dossierYears.min).max(dossierYears.max).optional().describe('năm của hồ sơ'),
  stage: code('mã bước hiện tại của hồ sơ'),
  late: z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => (v === undefined ? undefined : v === 'true'))
    .describe('true: chỉ hồ sơ có bước hiện tại đã quá hạn; false: chỉ hồ sơ chưa quá hạn'),
});
const problems = { 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export function dossierRoutes(deps: DossierRouteDeps): FastifyPluginAsyncZod {
  const { db, temporal, taskQueue } = deps;

  return async (app) => {
    app.post(
      '/dossiers',
      { schema: { operationId: 'createDossier', description: 'Lập hồ sơ cho đơn vị, loại hồ sơ và năm; mã lệnh (commandId, UUID do máy khách tạo) trở thành id của hồ sơ. Gửi lại cùng mã lệnh và cùng nội dung trả lại hồ sơ đã lập; cùng mã lệnh với nội dung khác trả 409. 422 khi đơn vị chưa đủ điều kiện hoặc đã có hồ sơ đang mở.', tags: ['dossiers'], summary: 'Lập hồ sơ đề nghị công nhận cho một đơn vị, loại hồ sơ và năm', body: CreateDossierBody, response: { 201: DossierSummary, ...problems } } },
      async (request, reply) => {
        const actor = actorOf(request);
        const { commandId } = request.body;
        const identity = { commandId, dossierId: commandId, operation: createDossierOperation, content: request.body };
        await refuseReusedCommandId(db, identity);
        const existing = await db.dossier.findUnique({ where: { id: commandId } });
        if (existing) {
          await requireDossierAccess(db, actor, 'dossier.read', existing.id);
          const same = existing.unitCode === request.body.unitCode && existing.trackCode === request.body.trackCode && existing.year === request.body.year;
          if (!same) throw new HttpProblem('conflict', 'Mã lệnh này đã được dùng cho một hồ sơ khác.');
          return reply.status(201).send(toSummary(existing));
        }
        const input = await planDossier(db, request.body, { actor, requestId: request.id }, deps.now?.() ?? new Date());
        await claimCommandId(db, identity);
        const start = new WithStartWorkflowOperation('dossierWorkflow', {
          workflowId: dossierWorkflowId(input.dossierId),
          taskQueue,
          args: [input],
          workflowIdConflictPolicy: 'USE_EXISTING',
          typedSearchAttributes: [
            { key: searchAttributeKeys.province, value: input.provinceCode },
            { key: searchAttributeKeys.district, value: input.districtCode ?? '' },
            { key: searchAttributeKeys.unit, value: input.unitCode },
            { key: searchAttributeKeys.track, value: input.trackCode },
            { key: searchAttributeKeys.year, value: input.year },
            { key: searchAttributeKeys.stage, value: SystemStage.opening },
          ],
        });
        await withCommandDeadline(deps, () => temporal.workflow.executeUpdateWithStart(openDossierUpdate, { updateId: 'open', startWorkflowOperation: start })).catch(toHttpProblem);
        return reply.status(201).send(toSummary(await db.dossier.findUniqueOrThrow({ where: { id: input.dossierId } })));
      },
    );

    app.get('/dossiers/:id', { schema: { operationId: 'getDossier', summary: 'Một hồ sơ: bước hiện tại, nội dung, phiếu kiểm soát quá trình và lịch sử', description: 'Toàn bộ hồ sơ: tự đánh giá từng tiêu chí, tài liệu, điều kiện, nhiệm vụ thẩm định, phiếu kiểm soát quá trình (hạn và tình trạng từng bước) và lịch sử lấy từ nhật ký kiểm toán. 404 khi hồ sơ không tồn tại hoặc ngoài phạm vi của người dùng.', tags: ['dossiers'], params: Id, response: { 200: DossierView, 404: Problem } } }, async (request) => {
      const { params } = request;
      const actor = actorOf(request);
      const view = await readDossierView(db, params.id, (row) => checkDossierAccess(actor, 'dossier.read', params.id, row));
      if (!view) throw new HttpProblem('notFound', `Không có hồ sơ "${params.id}".`);
      return view;
    });

    app.get(
      '/dossiers',
      {
        schema: {
          operationId: 'listDossiers',
          summary: 'Danh sách hồ sơ người dùng được xem',
          description:
            'Các hồ sơ thuộc phạm vi quyền của người dùng, mới nhất trước, phân trang, kèm tên đơn vị, loại hồ sơ, bước, hạn của bước hiện tại và tình trạng trễ hạn; lọc theo tỉnh, huyện, đơn vị, loại hồ sơ, năm, bước và trễ hạn (late=true: bước hiện tại đã quá hạn theo phiếu kiểm soát quá trình; late=false: chưa quá hạn, kể cả hồ sơ đã có quyết định). Giá trị lọc không hợp lệ trả 400.',
          tags: ['dossiers'],
          querystring: DossierListQuery,
          response: { 200: pageOf(DossierListItem) },
        },
      },
      async (request) => {
        const { query } = request;
        const where: Prisma.DossierWhereInput = {
          AND: [visibleDossiersWhere(actorOf(request)), { provinceCode: query.province, districtCode: query.district, unitCode: query.unit, trackCode: query.track, year: query.year, stage: query.stage }],
        };
        return listDossiers(db, where, { page: query.page, pageSize: query.pageSize, late: query.late, now: new Date() });
      },
    );

    app.put(
      '/dossiers/:id/criteria/:criterionCode/self-assessment',
      { schema: { operationId: 'recordSelfAssessment', description: 'Xã ghi kết quả tự đánh giá một tiêu chí (đạt/chưa đạt, giải trình, chỉ tiêu, minh chứng đã tải lên). Chỉ ở bước tự đánh giá (hoặc bổ sung); bước khác trả 409. Mỗi lệnh một mã lệnh: gửi lại cùng mã lệnh trả kết quả lần đầu.', tags: ['dossiers'], summary: 'Tự đánh giá một tiêu chí', params: Id.extend({ criterionCode: z.string().min(1).max(64) }), body: SelfAssessmentBody, response: { 200: z.object({ criterionCode: z.string() }), ...problems } } },
      async (request) => {
        await requireOwnEvidence(db, request.params.id, request.body.evidenceIds);
        return sendCommand(deps, request, 'dossier.edit', request.params.id, recordSelfAssessmentUpdate, { ...request.body, criterionCode: request.params.criterionCode });
      },
    );

    app.put(
      '/dossiers/:id/documents/:documentCode',
      { schema: { operationId: 'attachDocument', description: 'Đính kèm một tài liệu bắt buộc của loại hồ sơ (tờ trình, báo cáo…) bằng một minh chứng đã tải lên qua dịch vụ minh chứng. 404 khi mã tài liệu không thuộc loại hồ sơ; 422 khi minh chứng không thuộc hồ sơ.', tags: ['dossiers'], summary: 'Đính kèm tài liệu bắt buộc', params: Id.extend({ documentCode: z.string().min(1).max(64) }), body: AttachDocumentBody, response: { 200: z.object({ documentCode: z.string() }), ...problems } } },
      async (request) => {
        await requireOwnEvidence(db, request.params.id, [request.body.evidenceId]);
        return sendCommand(deps, request, 'dossier.edit', request.params.id, attachDocumentUpdate, { ...request.body, documentCode: request.params.documentCode });
      },
    );

    app.put(
      '/dossiers/:id/posting',
      { schema: { operationId: 'recordPublicPosting', description: 'Ghi ngày bắt đầu niêm yết công khai kết quả tự đánh giá; ngày kết thúc tính theo số ngày niêm yết của tỉnh. Chỉ ở bước tự đánh giá.', tags: ['dossiers'], summary: 'Ghi nhận niêm yết công khai kết quả tự đánh giá (ngày bắt đầu)', params: Id, body: PostingBody, response: { 200: z.object({ endsOn: z.string() }), ...problems } } },
      async (request) => {
        return sendCommand(deps, request, 'dossier.edit', request.params.id, recordPostingUpdate, request.body);
      },
    );

    app.put(
      '/dossiers/:id/satisfaction',
      { schema: { operationId: 'recordSatisfaction', description: 'Ghi tỷ lệ người dân hài lòng (0–100%) và số người được hỏi; so với ngưỡng của tỉnh khi nộp hồ sơ. Chỉ ở bước tự đánh giá.', tags: ['dossiers'], summary: 'Ghi nhận tỷ lệ người dân hài lòng', params: Id, body: SatisfactionBody, response: { 200: z.object({ percent: z.number() }), ...problems } } },
      async (request) => {
        return sendCommand(deps, request, 'dossier.edit', request.params.id, recordSatisfactionUpdate, request.body);
      },
    );

    app.put(
      '/dossiers/:id/attestations/:kind',
      {
        schema: {
          operationId: 'recordAttestation',
          description: 'Ghi xác nhận một điều kiện công nhận kèm giải trình và minh chứng. Chỉ ở bước tự đánh giá.',
          tags: ['dossiers'],
          summary: 'Xác nhận điều kiện: không nợ đọng xây dựng cơ bản; không có tình hình an ninh, trật tự phức tạp',
          params: Id.extend({ kind: AttestationKind }),
          body: AttestationBody,
          response: { 200: z.object({ kind: z.string() }), ...problems },
        },
      },
      async (request) => {
        await requireOwnEvidence(db, request.params.id, request.body.evidenceIds);
        return sendCommand(deps, request, 'dossier.edit', request.params.id, recordAttestationUpdate, { ...request.body, kind: request.params.kind });
      },
    );

    app.post(
      '/dossiers/:id/submit',
      { schema: { operationId: 'submitDossier', description: 'Nộp hồ sơ để thẩm định. Khi còn thiếu (tiêu chí chưa tự đánh giá, tài liệu, niêm yết, tỷ lệ hài lòng, xác nhận), trả 422 với danh sách từng mục còn thiếu trong errors.', tags: ['dossiers'], summary: 'Nộp hồ sơ; nếu chưa đủ điều kiện, trả về danh sách còn thiếu', params: Id, body: SubmitBody, response: { 200: z.object({ stage: z.string() }), ...problems } } },
      async (request) => {
        return sendCommand(deps, request, 'dossier.submit', request.params.id, submitDossierUpdate, request.body);
      },
    );
  };
}
