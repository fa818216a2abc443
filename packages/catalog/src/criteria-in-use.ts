import type { CatalogFile, FieldError } from '@ntm/contracts';
import type { Db } from '@ntm/db';

/**
 * A criterion a dossier was opened with is never deleted by an import: the file would drop it
 * from a set that dossiers use, so the import is refused and a new version of the set (a new
 * code with its own years) is the way to change it. One error per criterion.
 */
export async function deletedCriteriaInUse(db: Db, file: CatalogFile): Promise<FieldError[]> {
  const codes = file.criteriaSets.map((s) => s.code);
  if (codes.length === 0) return [];
  const [existing, used] = await Promise.all([
    db.criterion.findMany({ where: { criteriaSetCode: { in: codes } }, select: { criteriaSetCode: true, code: true } }),
    db.dossier.groupBy({ by: ['criteriaSetCode'], where: { criteriaSetCode: { in: codes } }, _count: { _all: true } }),
  ]);
  const dossiers = new Map(used.map((u) => [u.criteriaSetCode, u._count._all]));
  const errors: FieldError[] = [];
  file.criteriaSets.forEach((set, i) => {
    const count = dossiers.get(set.code) ?? 0;
    if (count === 0) return;
    const kept = new Set(set.criteria.map((c) => c.code));
    for (const c of existing.filter((e) => e.criteriaSetCode === set.code && !kept.has(e.code))) {
      errors.push({
        location: `body.criteriaSets.${i}.criteria`,
        message: `không xóa được tiêu chí "${c.code}" của bộ "${set.code}": ${count} hồ sơ đã lập theo bộ này; hãy nhập một phiên bản mới của bộ tiêu chí (mã mới) thay vì xóa`,
      });
    }
  });
  return errors;
}
