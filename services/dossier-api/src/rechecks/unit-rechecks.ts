import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RecheckPlan } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { canSee } from '@ntm/domain';
import { actorOf, recheckScope } from '@ntm/access';

const UnitRecheck = z
  .object({ id: z.string(), unitCode: z.string(), unitName: z.string(), trackCode: z.string(), trackName: z.string(), year: z.number().int(), stage: z.string(), outcome: z.string().nullable() })
  .meta({ id: 'UnitRecheck' });

/** A unit's yearly re-checks, for whoever may read them: how a commune finds its own. */
export function unitRecheckRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/rechecks',
      {
        schema: {
          operationId: 'listUnitRechecks',
          tags: ['rechecks'],
          summary: 'Các lượt rà soát duy trì của một đơn vị',
          description: 'Các lượt rà soát đã mở của đơn vị (mã đơn vị bắt buộc), năm gần nhất trước, chỉ những lượt người dùng được xem (đơn vị, sở, ngành thẩm định lại, huyện, tỉnh); lượt ngoài phạm vi không được liệt kê.',
          querystring: z.object({ unit: z.string().min(1).max(64).regex(/^[^\u0000]*$/, 'không được chứa ký tự NUL').describe('Mã đơn vị') }),
          response: { 200: z.object({ items: z.array(UnitRecheck) }) },
        },
      },
      async (request) => {
        const actor = actorOf(request);
        const rows = await db.recheck.findMany({ where: { unitCode: request.query.unit }, orderBy: [{ year: 'desc' }, { trackCode: 'asc' }] });
        const items = rows.flatMap((r) => {
          if (r.plan === null) return [];
          const plan = RecheckPlan.parse(r.plan);
          if (!canSee(actor, recheckScope(plan))) return [];
          return [{ id: r.id, unitCode: r.unitCode, unitName: plan.unitName, trackCode: r.trackCode, trackName: plan.trackName, year: r.year, stage: r.stage, outcome: r.outcome }];
        });
        return { items };
      },
    );
  };
}
