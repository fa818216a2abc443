import type { Db } from '@ntm/db';

/** How deep the unit tree goes: province, district, commune, village. */
const maxDepth = 4;

/** The codes from the unit's province down to the unit itself; empty for an unknown unit. */
export async function unitChain(db: Db, code: string): Promise<string[]> {
  const chain: string[] = [];
  for (let next: string | null = code; next !== null && chain.length < maxDepth; ) {
    const unit: { code: string; parentCode: string | null } | null = await db.administrativeUnit.findUnique({ where: { code: next }, select: { code: true, parentCode: true } });
    if (!unit) break;
    chain.unshift(unit.code);
    next = unit.parentCode;
  }
  return chain;
}

/** The unit's code and the codes of every unit under it, at any depth. */
export async function unitSubtree(db: Db, code: string): Promise<string[]> {
  const rows = await db.$queryRaw<Array<{ code: string }>>`
    WITH RECURSIVE subtree(code, depth) AS (
      SELECT code, 1 FROM administrative_units WHERE code = ${code}
      UNION
      SELECT u.code, s.depth + 1 FROM administrative_units u JOIN subtree s ON u.parent_code = s.code WHERE s.depth < ${maxDepth}
    )
    SELECT DISTINCT code FROM subtree`;
  return rows.map((r) => r.code);
}
