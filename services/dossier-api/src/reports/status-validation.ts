import { looseName } from '@ntm/domain';
import type { FieldError } from '@ntm/contracts';

/** What status records are checked against: the province's units and the catalog's criteria sets. */
export interface StatusContext {
  provinceCode: string;
  /** The sets of the tracks a unit is first recognised on: a spreadsheet row without a set is read against these. */
  defaultSetCodes: readonly string[];
  /** Today in Vietnam: a result cannot be recorded for a later day. */
  today: string;
  units: readonly { code: string; name: string; level: string; parentCode: string | null; validFrom: string; validTo: string | null }[];
  sets: readonly {
    code: string;
    unitLevel: string;
    validFromYear: number;
    validToYear: number;
    ownerProvinceCode: string | null;
    criteria: readonly { code: string; number: number; name: string; indicators: readonly string[] }[];
  }[];
}

/** One status record as entered: by codes (the API) or resolved from a spreadsheet's names. */
export interface StatusEntry {
  unitCode: string;
  criteriaSetCode: string;
  criterionCode: string;
  indicatorCode: string | null;
  recordedOn: string;
  met: boolean;
  source: 'appraisal' | 'self_assessment';
  value: string | null;
  note: string | null;
}

/**
 * A name folded for matching a province's spreadsheet: every spelling the domain's name matching
 * accepts as the same name (tone placement, i/y, no diacritics) folds alike, without the unit's
 * kind ("Xã", "Bản"), so a row's "Xã Mĩ Hoà" finds the unit "Mỹ Hòa".
 */
export function matchName(name: string): string {
  return looseName(name)
    .replace(/^(tinh|huien|thi xa|thanh pho|xa|phuong|thi tran|thon|ban|to dan pho|khu pho|to)\s+/, '')
    .replace(/[^a-z0-9 ]/g, '')
    .trim();
}

/** Checks entries against the context; every problem, each at the entry's location. */
export function checkStatusEntries(ctx: StatusContext, entries: readonly { at: string; entry: StatusEntry }[], fieldNames: Partial<Record<keyof StatusEntry, string>> = {}): FieldError[] {
  const units = new Map(ctx.units.map((u) => [u.code, u]));
  const sets = new Map(ctx.sets.map((s) => [s.code, s]));
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const { at, entry } of entries) {
    const fail = (field: keyof StatusEntry, message: string) => errors.push({ location: `${at}.${fieldNames[field] ?? field}`, message });
    const key = [entry.unitCode, entry.criteriaSetCode, entry.criterionCode, entry.indicatorCode ?? '', entry.recordedOn, entry.source].join('|');
    const first = seen.get(key);
    if (first !== undefined) fail('criterionCode', `trùng với ${first}: cùng đơn vị, tiêu chí, chỉ tiêu, ngày và nguồn`);
    seen.set(key, first ?? at);
    const unit = units.get(entry.unitCode);
    if (!unit) {
      fail('unitCode', `không có đơn vị "${entry.unitCode}" trong tỉnh ${ctx.provinceCode}`);
      continue;
    }
    if (entry.recordedOn > ctx.today) fail('recordedOn', `ngày ${entry.recordedOn} chưa đến (hôm nay là ${ctx.today})`);
    else if (entry.recordedOn < unit.validFrom || (unit.validTo !== null && entry.recordedOn > unit.validTo)) {
      fail('recordedOn', `đơn vị "${unit.name}" không còn hoặc chưa có hiệu lực vào ngày ${entry.recordedOn}`);
    }
    const set = sets.get(entry.criteriaSetCode);
    if (!set || (set.ownerProvinceCode !== null && set.ownerProvinceCode !== ctx.provinceCode)) {
      fail('criteriaSetCode', `không có bộ tiêu chí "${entry.criteriaSetCode}"`);
      continue;
    }
    if (set.unitLevel !== unit.level) fail('criteriaSetCode', `bộ tiêu chí "${set.code}" không áp dụng cho "${unit.name}"`);
    const year = Number(entry.recordedOn.slice(0, 4));
    if (year < set.validFromYear || year > set.validToYear) fail('criteriaSetCode', `bộ tiêu chí "${set.code}" áp dụng từ năm ${set.validFromYear} đến năm ${set.validToYear}, không áp dụng năm ${year}`);
    const criterion = set.criteria.find((c) => c.code === entry.criterionCode);
    if (!criterion) fail('criterionCode', `bộ tiêu chí "${set.code}" không có tiêu chí "${entry.criterionCode}"`);
    else if (entry.indicatorCode !== null && !criterion.indicators.includes(entry.indicatorCode)) {
      fail('indicatorCode', `tiêu chí "${criterion.name}" không có chỉ tiêu "${entry.indicatorCode}"`);
    }
  }
  return errors;
}
