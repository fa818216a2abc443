import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { WorkflowNotFoundError, type UpdateDefinition } from '@temporalio/common';
import {
  AppraisalBody, Problem, RecheckView, type RecheckPlan, RemediationPlanBody, RevocationDecisionBody, SelfAssessmentBody, SubmitBody, campaignIds, decideRevocationUpdate, recordAppraisalUpdate,
  recordReassessmentUpdate, recordRemediationPlanUpdate, requestReappraisalUpdate, submitReassessmentUpdate, type Sender,
} from '@ntm/contracts';
import type { Command as Permission } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { actorOf, requireRecheckAccess, senderFrom } from '@ntm/access';
import type { Storage } from '@ntm/storage';
import { claimCommandId, recordCommandResult } from '../dossiers/command-ids.js';
import { withCommandDeadline, type DossierRouteDeps } from '../dossiers/routes.js';
import { toHttpProblem } from '../dossiers/temporal-errors.js';
import { requireRecheckEvidence } from './recheck-evidence.js';
import { readRecheckView } from './recheck-view.js';

export type RecheckRouteDeps = DossierRouteDeps & { storage: Storage; scheduleScope?: string };

const Id = z.object({ id: z.uuid() });
const Criterion = Id.extend({ criterionCode: z.string().min(1).max(64) });
const problems = { 403: Problem, 404: Problem, 409: Problem, 422: Problem };

/**
 * Sends a person's command to the re-check's workflow once the actor may run it (the workflow
 * checks again) and `check` accepts it against the re-check's plan. As for a dossier, the command
 * id is claimed first and is the update id: a retry is answered once, a reused id refused.
 */
async function sendRecheckCommand<Ret, Body extends { commandId: string }>(
  deps: RecheckRouteDeps,
  request: FastifyRequest,
  permission: Permission,
  recheckId: string,
  update: UpdateDefinition<Ret, [Body & Sender]>,
  body: Body,
  options: { assignment?: { departmentCode?: string; criterionCode?: string }; check?: (plan: RecheckPlan) => Promise<void> } = {},
): Promise<Ret> {
  const actor = actorOf(request);
  const { role, row, plan } = await requireRecheckAccess(deps.db, actor, permission, recheckId, options.assignment);
  await options.check?.(plan);
  const claim = await claimCommandId(deps.db, { commandId: body.commandId, dossierId: recheckId, operation: update.name, content: body });
  if (claim.answered) return claim.result as Ret;
  const command = { ...body, ...senderFrom(actor, role, request.id, deps.commandClock?.() ?? new Date()) };
  const workflow = deps.temporal.workflow.getHandle(campaignIds.recheckWorkflow(row.campaignId, row.unitCode, deps.scheduleScope ?? ''));
  const result = await withCommandDeadline(deps, () => workflow.executeUpdate(update, { updateId: command.commandId, args: [command] })).catch((e: unknown) => {
    if (e instanceof WorkflowNotFoundError) throw new HttpProblem('wrongStage', 'Lượt rà soát đã kết thúc; không còn nhận lệnh này.');
    return toHttpProblem(e);
  });
  await recordCommandResult(deps.db, body.commandId, result);
  return result;
}

const DecisionPdf = z.string().meta({ format: 'binary', description: 'Văn bản quyết định thu hồi (PDF)' });

/** A unit's yearly re-check through the HTTP API: re-assessment, re-appraisal, remediation, the decision on a proposed revocation. */
export function recheckRoutes(deps: RecheckRouteDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/rechecks/:id',
      {
        schema: {
          operationId: 'getRecheck',
          tags: ['rechecks'],
          summary: 'Một lượt rà soát duy trì: tự rà soát từng tiêu chí so với lần trước, thẩm định lại, kết quả, khắc phục và quyết định',
          description: 'Từng tiêu chí của bộ tiêu chí mà đơn vị đã được công nhận theo: kết quả năm trước được giữ nguyên (carried_over) cho đến khi đơn vị đánh giá lại, và có thay đổi hay không; nhiệm vụ thẩm định lại của các sở, ngành; kết quả theo Quyết định 18/2022/QĐ-TTg; kế hoạch khắc phục; quyết định thu hồi hoặc giữ công nhận; lịch sử. 404 khi không có hoặc ngoài phạm vi của người dùng.',
          params: Id,
          response: { 200: RecheckView, 404: Problem, 409: Problem },
        },
      },
      async (request) => {
        await requireRecheckAccess(db, actorOf(request), 'dossier.read', request.params.id);
        const view = await readRecheckView(db, request.params.id);
        if (!view) throw new HttpProblem('notFound', `Không có lượt rà soát "${request.params.id}".`);
        return view;
      },
    );

    app.put(
      '/rechecks/:id/criteria/:criterionCode/self-assessment',
      {
        schema: {
          operationId: 'recordReassessment',
          tags: ['rechecks'],
          summary: 'Đơn vị tự rà soát, đánh giá lại một tiêu chí',
          description: 'Như tự đánh giá của hồ sơ: đạt/chưa đạt, giải trình, chỉ tiêu, minh chứng (tải lên lượt rà soát qua dịch vụ minh chứng, hoặc chuyển tiếp từ kết quả được đánh giá lần trước; mã khác: 422 nêu từng mã). Trả về tiêu chí có thay đổi so với lần được đánh giá trước hay không (new, unchanged, changed). Chỉ ở bước tự rà soát; bước khác trả 409.',
          params: Criterion,
          body: SelfAssessmentBody,
          response: { 200: z.object({ criterionCode: z.string(), change: z.enum(['new', 'unchanged', 'changed']) }), ...problems },
        },
      },
      async (request) =>
        sendRecheckCommand(deps, request, 'dossier.edit', request.params.id, recordReassessmentUpdate, { ...request.body, criterionCode: request.params.criterionCode }, {
          check: (plan) => requireRecheckEvidence(db, request.params.id, plan, request.body.evidenceIds),
        }),
    );

    app.post(
      '/rechecks/:id/submit',
      {
        schema: {
          operationId: 'submitReassessment',
          tags: ['rechecks'],
          summary: 'Đơn vị gửi kết quả tự rà soát để các sở, ngành thẩm định lại',
          description: 'Tiêu chí chưa đánh giá lại giữ nguyên kết quả năm trước (carriedOver). 422 liệt kê tiêu chí chưa có kết quả nào (ví dụ đơn vị được công nhận trước khi dùng hệ thống).',
          params: Id,
          body: SubmitBody,
          response: { 200: z.object({ stage: z.string(), carriedOver: z.array(z.string()) }), ...problems },
        },
      },
      async (request) => sendRecheckCommand(deps, request, 'dossier.submit', request.params.id, submitReassessmentUpdate, request.body),
    );

    app.put(
      '/rechecks/:id/criteria/:criterionCode/appraisal',
      {
        schema: {
          operationId: 'recordReappraisal',
          tags: ['rechecks'],
          summary: 'Sở, ngành được giao thẩm định lại một tiêu chí: đạt, chưa đạt (nêu lý do) hoặc yêu cầu bổ sung',
          description: 'Như thẩm định của hồ sơ, theo phân công tiêu chí của tỉnh. Khi nhiệm vụ cuối cùng của vòng kết thúc, kết quả duy trì được xác định theo Quyết định 18/2022/QĐ-TTg: duy trì, có nguy cơ (lập kế hoạch khắc phục) hoặc đề nghị thu hồi. 403 khi tiêu chí không được giao; 409 khi không ở bước thẩm định lại hoặc nhiệm vụ đã đóng.',
          params: Criterion,
          body: AppraisalBody,
          response: { 200: z.object({ taskClosed: z.boolean(), stage: z.string() }), ...problems },
        },
      },
      async (request) => {
        const assignment = { departmentCode: request.body.departmentCode, criterionCode: request.params.criterionCode };
        return sendRecheckCommand(deps, request, 'appraisal.record', request.params.id, recordAppraisalUpdate, { ...request.body, criterionCode: request.params.criterionCode }, { assignment });
      },
    );

    app.put(
      '/rechecks/:id/criteria/:criterionCode/remediation-plan',
      {
        schema: {
          operationId: 'recordRemediationPlan',
          tags: ['rechecks'],
          summary: 'Kế hoạch khắc phục một tiêu chí chưa đạt: việc cần làm, người chịu trách nhiệm, hạn hoàn thành',
          description: 'Chỉ khi đơn vị có nguy cơ không duy trì được (bước khắc phục) và cho tiêu chí chưa đạt. Hạn hoàn thành không muộn hơn hạn khắc phục của tỉnh (thời hạn khắc phục trong danh mục, hoặc mặc định); bỏ trống là hạn khắc phục. 422 khi tiêu chí đang đạt hoặc hạn muộn hơn.',
          params: Criterion,
          body: RemediationPlanBody,
          response: { 200: z.object({ criterionCode: z.string(), dueDate: z.string() }), ...problems },
        },
      },
      async (request) => sendRecheckCommand(deps, request, 'dossier.edit', request.params.id, recordRemediationPlanUpdate, { ...request.body, criterionCode: request.params.criterionCode }),
    );

    app.post(
      '/rechecks/:id/reappraisal',
      {
        schema: {
          operationId: 'requestReappraisal',
          tags: ['rechecks'],
          summary: 'Đơn vị đề nghị thẩm định lại các tiêu chí đã khắc phục',
          description: 'Các sở, ngành thẩm định lại chỉ những tiêu chí chưa đạt. Đạt lại hết: duy trì; còn chưa đạt và vượt ngưỡng, hoặc đã quá hạn khắc phục: đề nghị thu hồi. 422 khi còn tiêu chí chưa đạt chưa có kế hoạch khắc phục.',
          params: Id,
          body: SubmitBody,
          response: { 200: z.object({ stage: z.string() }), ...problems },
        },
      },
      async (request) => sendRecheckCommand(deps, request, 'dossier.submit', request.params.id, requestReappraisalUpdate, request.body),
    );

    app.post(
      '/rechecks/:id/decision',
      {
        schema: {
          operationId: 'decideRevocation',
          tags: ['rechecks'],
          summary: 'Quyết định thu hồi quyết định công nhận (số, ngày, người ký, lý do) hoặc giữ công nhận kèm lý do',
          description: 'Cấp quyết định công nhận của loại hồ sơ (tỉnh; huyện với thôn, bản) quyết định khi lượt rà soát đề nghị thu hồi. Thu hồi: văn bản PDF được lập theo mẫu quyết định của tỉnh, có mã QR và mã SHA-256; đơn vị thôi được công nhận từ ngày hiệu lực và không vào các đợt rà soát sau. 409 khi số quyết định đã dùng trong tỉnh và năm, hoặc lượt rà soát không ở bước đề nghị thu hồi.',
          params: Id,
          body: RevocationDecisionBody,
          response: { 200: z.object({ stage: z.string(), outcome: z.string(), decisionId: z.string() }), ...problems },
        },
      },
      async (request) => sendRecheckCommand(deps, request, 'recognition.revoke', request.params.id, decideRevocationUpdate, request.body),
    );

    app.get(
      '/rechecks/:id/decision.pdf',
      {
        schema: {
          operationId: 'downloadRevocationDecisionPdf',
          tags: ['rechecks'],
          summary: 'Tải văn bản quyết định thu hồi (PDF)',
          description: 'Văn bản quyết định thu hồi quyết định công nhận (PDF, có mã QR dẫn đến trang xác thực công khai); tiêu đề X-Content-SHA256 mang mã băm của tệp. 404 khi lượt rà soát chưa có quyết định thu hồi.',
          params: Id,
          produces: ['application/pdf'],
          response: { 200: DecisionPdf, 404: Problem, 409: Problem },
        },
      },
      async (request, reply) => {
        await requireRecheckAccess(db, actorOf(request), 'dossier.read', request.params.id);
        const d = await db.revocationDecision.findUnique({ where: { recheckId: request.params.id } });
        if (!d?.pdfKey) throw new HttpProblem('notFound', 'Lượt rà soát chưa có quyết định thu hồi.');
        // Streamed straight from storage: Fastify sends a stream as it is, without the schema's serializer.
        const pdf = (await deps.storage.getStream(d.pdfKey)) as unknown as string;
        return reply.type('application/pdf').header('content-disposition', `inline; filename="quyet-dinh-thu-hoi-${d.id}.pdf"`).header('x-content-sha256', d.pdfSha256 ?? '').send(pdf);
      },
    );
  };
}
