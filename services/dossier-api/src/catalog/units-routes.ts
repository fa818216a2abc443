import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Problem, UnitDetail, UnitQuery, UnitSearchItem, UnitSummary, UnitTreeNode, pageOf, type UnitTreeNode as TreeNode } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { fromStoredDate } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { readUnitHistory } from './unit-history.js';
import { searchUnits } from './unit-search.js';

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
      { schema: { operationId: 'listUnits', description: 'Danh sách đơn vị hành chính, phân trang; lọc theo tỉnh, cấp (xã, phường, thị trấn là các cấp riêng: chỉ xã là xã nông thôn mới), đơn vị cấp trên, ngày hiệu lực và tên. Tìm theo tên (q) chấp nhận cách viết của văn bản: gõ không dấu, dấu thanh đặt ở nguyên âm khác (hóa/hoá), i thay y, sai dấu thanh ở một âm tiết; mỗi kết quả ghi mức khớp (match.quality) và match.unsure = true khi chưa chắc; khớp tốt nhất đứng trước.', tags: ['catalog'], summary: 'Đơn vị hành chính: lọc theo tỉnh, cấp, đơn vị cấp trên, tên', querystring: UnitQuery, response: { 200: pageOf(UnitSearchItem) } } },
      async ({ query }) => {
        const { items, total } = await searchUnits(db, query, toUnitSummary);
        return { items, page: query.page, pageSize: query.pageSize, total };
      },
    );

    app.get(
      '/catalog/units/:code',
      { schema: { operationId: 'getUnit', description: 'Một đơn vị hành chính với các cấp trên, số đơn vị trực thuộc, nhóm/vùng theo từng bộ tiêu chí, các quyết định công nhận đã có, các đơn vị cũ đã sáp nhập vào (kèm quyết định công nhận của từng đơn vị) và đơn vị mới mà đơn vị này đã sáp nhập vào. 404 khi không có mã đơn vị.', tags: ['catalog'], summary: 'Một đơn vị, các cấp trên, nhóm/vùng theo từng bộ tiêu chí và các quyết định công nhận', params: UnitCode, response: { 200: UnitDetail, ...notFound } } },
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
        const history = await readUnitHistory(db, unit.code);
        return {
          ...toUnitSummary(unit),
          groupings: Object.fromEntries(unit.groupings.map((g) => [g.criteriaSetCode, g.groupCode])),
          specialDifficulty: unit.specialDifficulty,
          ancestors,
          childCount: unit._count.children,
          ...history,
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
