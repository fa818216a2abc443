import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, UnitDetail, UnitQuery, UnitSummary, UnitTreeNode, pageOf, type UnitTreeNode as TreeNode } from '@ntm/contracts';
import { toSearchName } from '@ntm/catalog';
import type { Db, Prisma } from '@ntm/db';
import { fromStoredDate } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';

const optionalDate = (d: Date | null | undefined) => (d ? fromStoredDate(d) : null);

type UnitRow = Awaited<ReturnType<Db['administrativeUnit']['findFirstOrThrow']>>;

const isoDate = fromStoredDate;
export const toUnitSummary = (u: UnitRow): UnitSummary => ({
  code: u.code,
  name: u.name,
  level: u.level as UnitSummary['level'],
  parentCode: u.parentCode,
  provinceCode: u.provinceCode,
  validFrom: isoDate(u.validFrom),
  validTo: u.validTo === null ? null : isoDate(u.validTo),
});

const UnitCode = z.object({ code: z.string().min(1).max(64) });
const notFound = { 404: Problem };

export function unitRoutes(db: Db): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/catalog/units',
      { schema: { operationId: 'listUnits', description: 'Danh sách đơn vị hành chính, phân trang; lọc theo tỉnh, cấp, đơn vị cấp trên, tên (không phân biệt dấu và hoa thường) và ngày hiệu lực.', tags: ['catalog'], summary: 'Đơn vị hành chính: lọc theo tỉnh, cấp, đơn vị cấp trên, tên', querystring: UnitQuery, response: { 200: pageOf(UnitSummary) } } },
      async ({ query }) => {
        const where: Prisma.AdministrativeUnitWhereInput = {
          provinceCode: query.province,
          level: query.level,
          parentCode: query.parent,
          ...(query.q ? { searchName: { contains: toSearchName(query.q) } } : {}),
          ...(query.asOf ? { validFrom: { lte: new Date(query.asOf) }, OR: [{ validTo: null }, { validTo: { gte: new Date(query.asOf) } }] } : {}),
        };
        const [rows, total] = await Promise.all([
          db.administrativeUnit.findMany({ where, orderBy: [{ level: 'asc' }, { name: 'asc' }], skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
          db.administrativeUnit.count({ where }),
        ]);
        return { items: rows.map(toUnitSummary), page: query.page, pageSize: query.pageSize, total };
      },
    );

    app.get(
      '/catalog/units/:code',
      { schema: { operationId: 'getUnit', description: 'Một đơn vị hành chính với các cấp trên, số đơn vị trực thuộc, nhóm/vùng theo từng bộ tiêu chí và các quyết định công nhận đã có. 404 khi không có mã đơn vị.', tags: ['catalog'], summary: 'Một đơn vị, các cấp trên, nhóm/vùng theo từng bộ tiêu chí và các quyết định công nhận', params: UnitCode, response: { 200: UnitDetail, ...notFound } } },
      async ({ params }) => {
        const unit = await db.administrativeUnit.findUnique({ where: { code: params.code }, include: { groupings: true, _count: { select: { children: true } } } });
        if (!unit) throw new HttpProblem('notFound', `Không có đơn vị "${params.code}".`);
        const ancestors: Array<Pick<UnitSummary, 'code' | 'name' | 'level'>> = [];
        for (let parent = unit.parentCode; parent !== null && ancestors.length < 5; ) {
          const p = await db.administrativeUnit.findUnique({ where: { code: parent } });
          if (!p) break;
          ancestors.unshift({ code: p.code, name: p.name, level: p.level as UnitSummary['level'] });
          parent = p.parentCode;
        }
        const recognitions = await db.recognition.findMany({ where: { unitCode: unit.code }, orderBy: { createdAt: 'desc' } });
        const ids = recognitions.map((r) => r.decisionId);
        const [decisions, registered] = await Promise.all([
          db.decision.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, signedOn: true } }),
          db.registeredDecision.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, signedOn: true } }),
        ]);
        const decisionOf = new Map<string, { number: string | null; signedOn: Date | null }>([...decisions, ...registered].map((d) => [d.id, d]));
        return {
          ...toUnitSummary(unit),
          groupings: Object.fromEntries(unit.groupings.map((g) => [g.criteriaSetCode, g.groupCode])),
          specialDifficulty: unit.specialDifficulty,
          ancestors,
          childCount: unit._count.children,
          recognitions: recognitions.map((r) => ({
            trackCode: r.trackCode,
            year: r.year,
            status: r.status === 'revoked' ? ('revoked' as const) : ('active' as const),
            decisionId: r.decisionId,
            decisionNumber: decisionOf.get(r.decisionId)?.number ?? null,
            signedOn: optionalDate(decisionOf.get(r.decisionId)?.signedOn),
            origin: r.origin === 'registered' ? ('registered' as const) : ('issued' as const),
          })),
        };
      },
    );

    app.get(
      '/catalog/units/:code/tree',
      {
        schema: {
          operationId: 'getUnitTree',
          description: 'Cây đơn vị trực thuộc một đơn vị, sâu tối đa 3 cấp (depth). 404 khi không có mã đơn vị.',
          tags: ['catalog'],
          summary: 'Cây đơn vị bên dưới một đơn vị (ví dụ toàn tỉnh)',
          params: UnitCode,
          querystring: z.object({ depth: z.coerce.number().int().min(1).max(3).default(3) }),
          response: { 200: UnitTreeNode, ...notFound },
        },
      },
      async ({ params, query }) => {
        const root = await db.administrativeUnit.findUnique({ where: { code: params.code } });
        if (!root) throw new HttpProblem('notFound', `Không có đơn vị "${params.code}".`);
        // A province holds a few thousand units at most: one query, then the tree is built in memory.
        const rows = await db.administrativeUnit.findMany({ where: { provinceCode: root.provinceCode }, orderBy: { name: 'asc' } });
        const byParent = new Map<string, UnitRow[]>();
        for (const r of rows) if (r.parentCode !== null) byParent.set(r.parentCode, [...(byParent.get(r.parentCode) ?? []), r]);
        const build = (u: UnitRow, depth: number): TreeNode => ({
          ...toUnitSummary(u),
          children: depth === 0 ? [] : (byParent.get(u.code) ?? []).map((c) => build(c, depth - 1)),
        });
        return build(root, query.depth);
      },
    );
  };
}
