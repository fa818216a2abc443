import type { CatalogFile } from '@ntm/contracts';
import type { CatalogChange, CatalogEntity } from './import.js';

/** What each kind of catalog entry is called, as an administrator reads an import's list of changes. */
export const catalogEntityNames: Record<CatalogEntity, string> = {
  province: 'cấu hình tỉnh',
  unit: 'đơn vị hành chính',
  criteriaSet: 'bộ tiêu chí',
  track: 'loại hồ sơ',
  department: 'sở, ngành',
  assignment: 'phân công thẩm định',
  duration: 'thời hạn xử lý',
  holiday: 'ngày nghỉ lễ',
  decisionForm: 'mẫu quyết định',
  maintenanceCalendar: 'lịch rà soát duy trì hằng năm',
};

const actionNames: Record<CatalogChange['action'], string> = { create: 'Thêm', update: 'Cập nhật' };

/** An ISO date key (holidays) as dd/mm/yyyy; other keys as they are. */
const keyText = (key: string) => key.replace(/^(\d{4})-(\d{2})-(\d{2})$/, '$3/$2/$1');

/** The name the file gives each entry that has one, by entity and key. */
function namesIn(file: CatalogFile): Map<string, string> {
  const names = new Map<string, string>();
  const add = (entity: CatalogEntity, key: string, name: string) => names.set(`${entity}:${key}`, name);
  if (file.province) add('province', file.province.code, file.province.name);
  for (const u of file.units) add('unit', u.code, u.name);
  for (const s of file.criteriaSets) add('criteriaSet', s.code, s.name);
  for (const t of file.tracks) add('track', t.code, t.name);
  for (const d of file.departments) add('department', d.code, d.name);
  for (const h of file.holidays) add('holiday', h.date, h.name);
  return names;
}

/** Each change with a sentence in Vietnamese: "Thêm đơn vị hành chính 110-99999 (Xã Thử)". */
export function describeChanges(changes: readonly CatalogChange[], file: CatalogFile): Array<CatalogChange & { description: string }> {
  const names = namesIn(file);
  return changes.map((c) => {
    const name = names.get(`${c.entity}:${c.key}`);
    return { ...c, description: `${actionNames[c.action]} ${catalogEntityNames[c.entity]} ${keyText(c.key)}${name === undefined ? '' : ` (${name})`}` };
  });
}
