import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { compareReports, computeReport, defaultBands, type Band, type ComparedReport, type CriteriaSetDef, type ReportInput } from '@ntm/reports';
import type { ReportCache } from './report-cache.js';
import { readReportCatalog } from './report-catalog.js';
import { readDossierResults, readRecognitions, readStatusRecords, readTargets, readUnitsBetween, type ReportUnitRow, type SetDemand } from './report-data.js';

export interface ReportRequest {
  /** A province or district code; null for the whole country. */
  scope: ReportInput['scope'];
  provinceCode: string | null;
  asOf: string;
  compareTo: string | null;
  bands: Band[] | null;
}

/** The units under the scope (or every unit for the country) valid on the date. */
function unitsOn(units: readonly ReportUnitRow[], scopeCode: string | null, date: string): ReportUnitRow[] {
  const valid = units.filter((u) => u.validFrom <= date && (u.validTo === null || u.validTo >= date));
  if (scopeCode === null) return valid;
  const children = new Map<string, ReportUnitRow[]>();
  for (const u of valid) {
    if (u.parentCode === null) continue;
    const list = children.get(u.parentCode);
    if (list) list.push(u);
    else children.set(u.parentCode, [u]);
  }
  const found: ReportUnitRow[] = [];
  for (let queue = [...(children.get(scopeCode) ?? [])], next = queue.shift(); next; next = queue.shift()) {
    found.push(next);
    queue.push(...(children.get(next.code) ?? []));
  }
  return found;
}

const groupLevelOf = { country: 'province', province: 'district', district: null } as const;

export type ReportOnDate = ReturnType<typeof computeReport>;

/** Reads what the report needs on one date (a handful of queries, run together) and computes it. */
async function reportOn(db: Db, req: ReportRequest, date: string): Promise<ReportOnDate> {
  const catalog = await readReportCatalog(db);
  if (!catalog) throw new HttpProblem('unprocessable', 'Danh mục chưa có loại hồ sơ công nhận xã đạt chuẩn nông thôn mới.');
  const year = Number(date.slice(0, 4));
  const found = catalog.setsFor(year, req.provinceCode);
  if (!found.commune) throw new HttpProblem('unprocessable', `Không có bộ tiêu chí xã có hiệu lực năm ${year}.`);
  const sets = { ...found, commune: found.commune };
  const [units, dossierResults, recognitions, targets] = await Promise.all([
    readUnitsBetween(db, req.provinceCode, date, date),
    readDossierResults(db, req.provinceCode, date),
    readRecognitions(db, req.provinceCode),
    readTargets(db, req.provinceCode),
  ]);
  const codesAt = (level: string) => units.filter((u) => u.level === level).map((u) => u.code);
  const demand = (set: CriteriaSetDef | null, expectedUnits: string[]): SetDemand[] => (set ? [{ code: set.code, criterionCodes: set.criteria.map((c) => c.code), expectedUnits }] : []);
  const statusRecords = await readStatusRecords(db, req.provinceCode, [...demand(sets.commune, codesAt('commune')), ...demand(sets.village, codesAt('village')), ...demand(sets.district, codesAt('district')), ...demand(sets.advanced, [])], date);
  return computeReport({
    scope: req.scope,
    asOf: date,
    units: unitsOn(units, req.scope.level === 'country' ? null : req.scope.code, date),
    groupLevel: groupLevelOf[req.scope.level],
    sets,
    results: [...statusRecords, ...dossierResults],
    recognitions,
    targets,
    tracks: { commune: catalog.tracks.commune, advanced: catalog.tracks.advanced ?? '' },
    bands: req.bands ?? defaultBands(sets.commune.criteria.length),
  });
}

/** Computes a report on one date, or takes it from a cache of reports of the data's current version. */
export type ReportSource = (req: ReportRequest, date: string) => Promise<ReportOnDate>;

/** Every report computed afresh. */
export const uncached = (db: Db): ReportSource => (req, date) => reportOn(db, req, date);

/** Reports reused while the data they were computed from is unchanged (see report-cache.ts). */
export function cached(db: Db, cache: ReportCache<ReportOnDate>): ReportSource {
  return async (req, date) => {
    const version = await cache.currentVersion();
    const key = JSON.stringify([req.scope.level, req.scope.code, req.provinceCode, date, req.bands]);
    return cache.get(version, key, () => reportOn(db, req, date));
  };
}

/** The report on its date and, with `compareTo`, what changed since the earlier date. */
export async function buildReport(source: ReportSource, req: ReportRequest): Promise<ComparedReport> {
  const [now, before] = await Promise.all([source(req, req.asOf), req.compareTo === null ? null : source(req, req.compareTo)]);
  return { ...now, change: before ? compareReports(now, before) : null };
}
