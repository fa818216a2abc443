import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppraisalBody, ConfirmationBody, Pagination, Problem, districtConfirmationUpdate, pageOf, recordAppraisalUpdate } from '@ntm/contracts';
import { fromStoredDate, vietnamDay } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { actorOf } from '@ntm/access';
import { sendCommand, type DossierRouteDeps } from './routes.js';

const Id = z.object({ id: z.uuid() });
const problems = { 403: Problem, 404: Problem, 409: Problem, 422: Problem };

export const AppraisalTaskView = z
  .object({
    dossierId: z.string(),
    trackingCode: z.string(),
    unitCode: z.string(),
    unitName: z.string(),
    districtCode: z.string().nullable(),
    districtName: z.string().nullable(),
    round: z.number().int(),
    departmentCode: z.string(),
    criterionCodes: z.array(z.string()),
    dueDate: z.string(),
    /** Still open after its due date (Vietnam's today). */
    overdue: z.boolean(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
    verdicts: z.array(z.object({ criterionCode: z.string(), verdict: z.string(), reason: z.string().nullable() })),
  })
  .meta({ id: 'AppraisalTask' });

/** Department appraisal, district confirmation and the commune's verification of a village's dossier. */
export function appraisalRoutes(deps: DossierRouteDeps): FastifyPluginAsyncZod {
  const { db } = deps;
  return async (app) => {
    app.get(
      '/appraisal-tasks',
      {
        schema: {
          operationId: 'listAppraisalTasks',
          description: 'Nhiệm vụ thẩm định của sở/phòng trong các tỉnh người dùng làm việc, quá hạn và hạn gần nhất trước (tên xã, huyện; quá hạn theo ngày hôm nay ở Việt Nam); district lọc theo huyện; open=false để xem cả nhiệm vụ đã xong. 403 khi người dùng không thuộc sở/phòng đó.',
          tags: ['appraisal'],
          summary: 'Nhiệm vụ thẩm định của một sở/phòng',
          querystring: Pagination.extend({ department: z.string().min(1), province: z.string().optional(), district: z.string().min(1).optional(), open: z.enum(['true', 'false']).default('true') }),
          response: { 200: pageOf(AppraisalTaskView), 403: Problem },
        },
      },
      async (request) => {
        const { query } = request;
        // A department officer sees its own department's tasks, in the provinces it works in.
        const actor = actorOf(request);
        const provinces = actor.grants.filter((g) => g.role === 'department_officer' && g.departmentCode === query.department && g.unitCode !== null).map((g) => g.unitCode ?? '');
        const allowed = query.province ? provinces.filter((p) => p === query.province) : provinces;
        if (allowed.length === 0) throw new HttpProblem('forbidden', `Chỉ cán bộ của "${query.department}" mới xem được nhiệm vụ thẩm định của đơn vị này.`);
        const where = {
          departmentCode: query.department,
          ...(query.open === 'true' ? { closedAt: null } : {}),
          dossier: { provinceCode: { in: allowed }, ...(query.district ? { districtCode: query.district } : {}) },
        };
        const [rows, total] = await Promise.all([
          db.appraisalTask.findMany({ where, include: { dossier: true, verdicts: true }, orderBy: { dueDate: 'asc' }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
          db.appraisalTask.count({ where }),
        ]);
        const unitCodes = [...new Set(rows.flatMap((t) => (t.dossier.districtCode === null ? [t.dossier.unitCode] : [t.dossier.unitCode, t.dossier.districtCode])))];
        const names = new Map((await db.administrativeUnit.findMany({ where: { code: { in: unitCodes } }, select: { code: true, name: true } })).map((u) => [u.code, u.name]));
        const today = vietnamDay(new Date());
        const items = rows.map((t) => ({
          dossierId: t.dossierId,
          trackingCode: t.dossier.trackingCode,
          unitCode: t.dossier.unitCode,
          unitName: names.get(t.dossier.unitCode) ?? t.dossier.unitCode,
          districtCode: t.dossier.districtCode,
          districtName: t.dossier.districtCode === null ? null : (names.get(t.dossier.districtCode) ?? t.dossier.districtCode),
          round: t.round,
          departmentCode: t.departmentCode,
          criterionCodes: t.criterionCodes,
          dueDate: fromStoredDate(t.dueDate),
          overdue: t.closedAt === null && today > fromStoredDate(t.dueDate),
          openedAt: t.openedAt.toISOString(),
          closedAt: t.closedAt?.toISOString() ?? null,
          verdicts: t.verdicts.map((v) => ({ criterionCode: v.criterionCode, verdict: v.verdict, reason: v.reason })),
        }));
        return { items, page: query.page, pageSize: query.pageSize, total };
      },
    );

    app.put(
      '/dossiers/:id/criteria/:criterionCode/appraisal',
      {
        schema: {
          operationId: 'recordAppraisal',
          description: 'Sở/phòng được giao ghi kết quả thẩm định một tiêu chí. Lý do bắt buộc khi chưa đạt hoặc yêu cầu bổ sung. 403 khi tiêu chí không được giao cho sở/phòng; 409 khi hồ sơ không ở bước thẩm định hoặc nhiệm vụ đã đóng.',
          tags: ['appraisal'],
          summary: 'Sở/phòng ghi kết quả thẩm định một tiêu chí: đạt, chưa đạt (nêu lý do) hoặc yêu cầu bổ sung',
          params: Id.extend({ criterionCode: z.string().min(1).max(64) }),
          body: AppraisalBody,
          response: { 200: z.object({ taskClosed: z.boolean(), stage: z.string() }), ...problems },
        },
      },
      async (request) => {
        const assignment = { departmentCode: request.body.departmentCode, criterionCode: request.params.criterionCode };
        return sendCommand(deps, request, 'appraisal.record', request.params.id, recordAppraisalUpdate, { ...request.body, criterionCode: request.params.criterionCode }, assignment);
      },
    );

    app.post(
      '/dossiers/:id/district-confirmation',
      {
        schema: {
          operationId: 'confirmOrReturnDossier',
          description: 'Huyện xác nhận hồ sơ và chuyển lên tỉnh, hoặc trả hồ sơ về xã (lý do bắt buộc). Chỉ ở bước xác nhận của huyện.',
          tags: ['appraisal'],
          summary: 'Huyện xác nhận và chuyển tỉnh, hoặc trả hồ sơ cho xã kèm lý do',
          params: Id,
          body: ConfirmationBody,
          response: { 200: z.object({ stage: z.string() }), ...problems },
        },
      },
      async (request) => {
        return sendCommand(deps, request, 'confirmation.decide', request.params.id, districtConfirmationUpdate, request.body);
      },
    );

    app.post(
      '/dossiers/:id/commune-verification',
      {
        schema: {
          operationId: 'verifyOrReturnVillageDossier',
          description:
            'Ủy ban nhân dân xã thẩm tra hồ sơ của thôn, bản và chuyển các phòng chuyên môn cấp huyện thẩm định, hoặc trả hồ sơ về thôn, bản (lý do bắt buộc). Chỉ ở bước xã thẩm tra của loại hồ sơ có bước này trước bước thẩm định; do công chức xã thực hiện.',
          tags: ['appraisal'],
          summary: 'Xã thẩm tra hồ sơ thôn, bản: chuyển huyện thẩm định hoặc trả lại kèm lý do',
          params: Id,
          body: ConfirmationBody,
          response: { 200: z.object({ stage: z.string() }), ...problems },
        },
      },
      async (request) => {
        return sendCommand(deps, request, 'confirmation.decide', request.params.id, districtConfirmationUpdate, request.body);
      },
    );
  };
}
