import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Pagination, Problem, pageOf } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { fromStoredDate } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { actorOf } from '@ntm/access';

const RecheckAppraisalTaskView = z
  .object({
    recheckId: z.string(),
    unitCode: z.string(),
    trackCode: z.string(),
    year: z.number().int(),
    round: z.number().int(),
    departmentCode: z.string(),
    criterionCodes: z.array(z.string()),
    dueDate: z.string(),
    openedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .meta({ id: 'RecheckAppraisalTask' });

/** A department's re-appraisal tasks across the yearly re-checks, as its dossier appraisal tasks are listed. */
export function recheckTaskRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/recheck-appraisal-tasks',
      {
        schema: {
          operationId: 'listRecheckAppraisalTasks',
          tags: ['rechecks'],
          summary: 'Nhiệm vụ thẩm định lại trong các đợt rà soát duy trì của một sở/phòng',
          description: 'Nhiệm vụ thẩm định lại của sở/phòng trong các tỉnh người dùng làm việc, hạn gần nhất trước; open=false để xem cả nhiệm vụ đã xong. 403 khi người dùng không thuộc sở/phòng đó.',
          querystring: Pagination.extend({ department: z.string().min(1).max(64), province: z.string().min(1).max(64).optional(), open: z.enum(['true', 'false']).default('true') }),
          response: { 200: pageOf(RecheckAppraisalTaskView), 403: Problem },
        },
      },
      async (request) => {
        const { query } = request;
        const provinces = actorOf(request).grants.filter((g) => g.role === 'department_officer' && g.departmentCode === query.department && g.unitCode !== null).map((g) => g.unitCode ?? '');
        const allowed = query.province ? provinces.filter((p) => p === query.province) : provinces;
        if (allowed.length === 0) throw new HttpProblem('forbidden', `Chỉ cán bộ của "${query.department}" mới xem được nhiệm vụ thẩm định lại của đơn vị này.`);
        const where = { departmentCode: query.department, ...(query.open === 'true' ? { closedAt: null } : {}), recheck: { provinceCode: { in: allowed } } };
        const [rows, total] = await Promise.all([
          db.recheckAppraisalTask.findMany({ where, include: { recheck: { select: { unitCode: true, trackCode: true, year: true } } }, orderBy: [{ dueDate: 'asc' }, { recheckId: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
          db.recheckAppraisalTask.count({ where }),
        ]);
        const items = rows.map((t) => ({
          recheckId: t.recheckId,
          unitCode: t.recheck.unitCode,
          trackCode: t.recheck.trackCode,
          year: t.recheck.year,
          round: t.round,
          departmentCode: t.departmentCode,
          criterionCodes: t.criterionCodes,
          dueDate: fromStoredDate(t.dueDate),
          openedAt: t.openedAt.toISOString(),
          closedAt: t.closedAt?.toISOString() ?? null,
        }));
        return { items, page: query.page, pageSize: query.pageSize, total };
      },
    );
  };
}
