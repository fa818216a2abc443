import type { UnitQuery, UnitSearchItem, UnitSummary } from '@ntm/contracts';
import { Prisma, type Db } from '@ntm/db';
import { byMatchQuality, isUnsureMatch, looseName, matchUnitName, type NameMatchQuality } from '@ntm/domain';
import type { z } from 'zod';

type Query = z.output<typeof UnitQuery>;
type UnitRow = Awaited<ReturnType<Db['administrativeUnit']['findFirstOrThrow']>>;

/** More candidates than a name search can sensibly page through. */
const maxCandidates = 2000;

/**
 * Units by province, level, parent, validity date and name. A name (`q`) is matched as documents
 * spell it (packages/domain/src/name-match.ts): the database narrows the units to those holding every
 * word of the query folded (no diacritics, i for y), then each candidate's name is matched and the
 * results are ordered best match first.
 */
export async function searchUnits(db: Db, query: Query, toSummary: (u: UnitRow) => UnitSummary): Promise<{ items: UnitSearchItem[]; total: number }> {
  const where: Prisma.AdministrativeUnitWhereInput = {
    provinceCode: query.province,
    level: query.level,
    parentCode: query.parent,
    ...(query.asOf ? { validFrom: { lte: new Date(query.asOf) }, OR: [{ validTo: null }, { validTo: { gte: new Date(query.asOf) } }] } : {}),
  };
  const orderBy: Prisma.AdministrativeUnitOrderByWithRelationInput[] = [{ level: 'asc' }, { name: 'asc' }];
  if (!query.q) {
    const [rows, total] = await Promise.all([
      db.administrativeUnit.findMany({ where, orderBy, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
      db.administrativeUnit.count({ where }),
    ]);
    return { items: rows.map((u) => ({ ...toSummary(u), match: null })), total };
  }
  const q = query.q;
  const codes = await candidateCodes(db, looseName(q).split(' '));
  const rows = await db.administrativeUnit.findMany({ where: { ...where, code: { in: codes } }, orderBy });
  const matched = rows.flatMap((u) => {
    const quality = matchUnitName(q, u.name);
    return quality === null ? [] : [{ u, quality }];
  });
  matched.sort((a, b) => byMatchQuality(a.quality, b.quality) || a.u.level.localeCompare(b.u.level) || a.u.name.localeCompare(b.u.name, 'vi'));
  const page = matched.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  return { items: page.map(({ u, quality }) => ({ ...toSummary(u), match: matchOf(quality) })), total: matched.length };
}

const matchOf = (quality: NameMatchQuality) => ({ quality, unsure: isUnsureMatch(quality) });

/** Codes of units whose folded name holds every folded word (search_name keeps y; it is folded to i here). */
async function candidateCodes(db: Db, words: string[]): Promise<string[]> {
  const like = (w: string) => `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const conditions = words.filter((w) => w !== '').map((w) => Prisma.sql`translate(search_name, 'y', 'i') LIKE ${like(w)}`);
  if (conditions.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ code: string }>>`SELECT code FROM administrative_units WHERE ${Prisma.join(conditions, ' AND ')} LIMIT ${maxCandidates}`;
  return rows.map((r) => r.code);
}
