import { createHash } from 'node:crypto';
import { addDays, fromStoredDate } from '@ntm/domain';
import { systemSender, type FieldError, type RecordedBy, type UnitMergerRow, type UnitMergerView } from '@ntm/contracts';
import { appendAudit, type Db } from '@ntm/db';
import { stableJson } from './stable-json.js';

const isoDate = fromStoredDate;
const dayBefore = (day: string) => addDays(day, -1);

export type MergerRegistration =
  | { ok: true; dryRun: boolean; created: number; unchanged: number; mergers: UnitMergerView[] }
  | { ok: false; errors: FieldError[] };

type Locate = (index: number, field: keyof UnitMergerRow) => string;
export const jsonLocation: Locate = (index, field) => `body.mergers.${index}.${field}`;

/**
 * Registers which units merged into which, and from when: all rows or none. Each former and new
 * unit must be a unit of the province at the same level, the new unit in existence on the merger
 * date; a former unit merges once. Former units keep their code and history, and their last day
 * (validTo) becomes the day before the merger. With `dryRun` it only answers what would be written.
 */
export async function registerMergers(
  db: Db,
  provinceCode: string,
  rows: readonly UnitMergerRow[],
  opts: { dryRun?: boolean; by?: RecordedBy; locate?: Locate } = {},
): Promise<MergerRegistration> {
  const locate = opts.locate ?? jsonLocation;
  const codes = [...new Set(rows.flatMap((r) => [r.formerUnitCode, r.newUnitCode]))];
  const [units, existing] = await Promise.all([
    db.administrativeUnit.findMany({ where: { code: { in: codes } } }),
    db.unitMerger.findMany({ where: { formerUnitCode: { in: rows.map((r) => r.formerUnitCode) } } }),
  ]);
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const errors: FieldError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const former = unitOf.get(row.formerUnitCode);
    const merged = unitOf.get(row.newUnitCode);
    for (const [field, unit, code] of [['formerUnitCode', former, row.formerUnitCode], ['newUnitCode', merged, row.newUnitCode]] as const) {
      if (!unit) errors.push({ location: locate(i, field), message: `không có đơn vị "${code}" trong danh mục` });
      else if (unit.provinceCode !== provinceCode) errors.push({ location: locate(i, field), message: `đơn vị "${code}" không thuộc tỉnh "${provinceCode}"` });
    }
    if (row.formerUnitCode === row.newUnitCode) errors.push({ location: locate(i, 'newUnitCode'), message: 'đơn vị mới phải khác đơn vị cũ' });
    if (former && merged && former.level !== merged.level) {
      errors.push({ location: locate(i, 'newUnitCode'), message: `đơn vị cũ cấp "${former.level}" không thể sáp nhập vào đơn vị cấp "${merged.level}"` });
    }
    if (merged && isoDate(merged.validFrom) > row.effectiveOn) {
      errors.push({ location: locate(i, 'effectiveOn'), message: `đơn vị mới "${merged.name}" chỉ có từ ngày ${isoDate(merged.validFrom)}, sau ngày sáp nhập` });
    }
    if (former && isoDate(former.validFrom) >= row.effectiveOn) {
      errors.push({ location: locate(i, 'effectiveOn'), message: `đơn vị cũ "${former.name}" bắt đầu từ ngày ${isoDate(former.validFrom)}, không trước ngày sáp nhập` });
    }
    const earlier = seen.get(row.formerUnitCode);
    if (earlier !== undefined) errors.push({ location: locate(i, 'formerUnitCode'), message: `đơn vị cũ "${row.formerUnitCode}" lặp lại, đã có ở ${locate(earlier, 'formerUnitCode')}` });
    seen.set(row.formerUnitCode, i);
    const other = existing.find((m) => m.formerUnitCode === row.formerUnitCode && (m.newUnitCode !== row.newUnitCode || isoDate(m.effectiveOn) !== row.effectiveOn));
    if (other) {
      errors.push({ location: locate(i, 'formerUnitCode'), message: `đơn vị "${row.formerUnitCode}" đã được đăng ký sáp nhập vào "${other.newUnitCode}" từ ngày ${isoDate(other.effectiveOn)}` });
    }
  });
  if (errors.length > 0) return { ok: false, errors };

  const fresh = rows.filter((r) => !existing.some((m) => m.formerUnitCode === r.formerUnitCode && m.newUnitCode === r.newUnitCode));
  const name = (code: string) => unitOf.get(code)?.name ?? code;
  const mergers = rows.map((r) => ({ formerUnitCode: r.formerUnitCode, formerUnitName: name(r.formerUnitCode), newUnitCode: r.newUnitCode, newUnitName: name(r.newUnitCode), effectiveOn: r.effectiveOn }));
  if (!opts.dryRun && fresh.length > 0) {
    await db.$transaction(async (tx) => {
      for (const r of fresh) {
        await tx.unitMerger.create({ data: { formerUnitCode: r.formerUnitCode, newUnitCode: r.newUnitCode, provinceCode, effectiveOn: new Date(r.effectiveOn) } });
        const lastDay = new Date(dayBefore(r.effectiveOn));
        await tx.administrativeUnit.updateMany({ where: { code: r.formerUnitCode, OR: [{ validTo: null }, { validTo: { gt: lastDay } }] }, data: { validTo: lastDay } });
      }
      const fileSha256 = createHash('sha256').update(stableJson(fresh)).digest('hex');
      const changes = fresh.map((r) => ({ entity: 'unitMerger', key: `${r.formerUnitCode}>${r.newUnitCode}`, action: 'create' }));
      await tx.catalogImport.create({ data: { source: 'mergers', provinceCode, fileSha256, changes } });
      await appendAudit(tx, { ...(opts.by ?? systemSender), unitCode: provinceCode, dossierId: null, command: 'catalog.mergers_registered', summary: { before: null, after: { fileSha256, mergers: fresh.length } } });
    });
  }
  return { ok: true, dryRun: opts.dryRun ?? false, created: fresh.length, unchanged: rows.length - fresh.length, mergers };
}

/** A province's merger table, newest merger first. */
export async function readMergers(db: Db, provinceCode: string): Promise<UnitMergerView[]> {
  const rows = await db.unitMerger.findMany({ where: { provinceCode }, orderBy: [{ effectiveOn: 'desc' }, { newUnitCode: 'asc' }, { formerUnitCode: 'asc' }] });
  const units = await db.administrativeUnit.findMany({ where: { code: { in: [...new Set(rows.flatMap((r) => [r.formerUnitCode, r.newUnitCode]))] } }, select: { code: true, name: true } });
  const name = new Map(units.map((u) => [u.code, u.name]));
  return rows.map((r) => ({
    formerUnitCode: r.formerUnitCode,
    formerUnitName: name.get(r.formerUnitCode) ?? r.formerUnitCode,
    newUnitCode: r.newUnitCode,
    newUnitName: name.get(r.newUnitCode) ?? r.newUnitCode,
    effectiveOn: isoDate(r.effectiveOn),
  }));
}
