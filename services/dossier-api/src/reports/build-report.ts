import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { compareReports, computeReport, defaultBands, type Band, type ComparedReport, type ReportInput } from '@ntm/reports';
import { readReportCatalog } from './report-catalog.js';
import { readDossierResults, readRecognitions, readStatusRecords, readTargets, readUnitsBetween, type ReportUnitRow } from './report-data.js';

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

/** Reads what the report needs (a handful of queries, run together) and computes it on each date. */
export async function buildReport(db: Db, req: ReportRequest): Promise<ComparedReport> {
  const dates = req.compareTo === null ? [req.asOf] : [req.asOf, req.compareTo];
  const earliest = dates.reduce((a, b) => (a < b ? a : b));
  const catalog = await readReportCatalog(db);
  if (!catalog) throw new HttpProblem('unprocessable', 'Danh mục chưa có loại hồ sơ công nhận xã đạt chuẩn nông thôn mới.');
  const setsOn = dates.map((date) => {
    const year = Number(date.slice(0, 4));
    const sets = catalog.setsFor(year, req.provinceCode);
    if (!sets.commune) throw new HttpProblem('unprocessable', `Không có bộ tiêu chí xã có hiệu lực năm ${year}.`);
    return { ...sets, commune: sets.commune };
  });
  const [units, dossierResults, recognitions, targets, ...statusRecords] = await Promise.all([
    readUnitsBetween(db, req.provinceCode, earliest, req.asOf > earliest ? req.asOf : earliest),
    readDossierResults(db, req.provinceCode, req.asOf > earliest ? req.asOf : earliest),
    readRecognitions(db, req.provinceCode),
    readTargets(db, req.provinceCode),
    ...dates.map((date, i) => {
      const sets = setsOn[i];
      const codes = sets ? [sets.commune, sets.advanced, sets.village, sets.district].flatMap((s) => (s ? [s.code] : [])) : [];
      return readStatusRecords(db, req.provinceCode, codes, date);
    }),
  ]);
  const reports = dates.map((date, i) => {
    const sets = setsOn[i];
    if (!sets) throw new Error('unreachable: one set per date');
    return computeReport({
      scope: req.scope,
      asOf: date,
      units: unitsOn(units, req.scope.level === 'country' ? null : req.scope.code, date),
      groupLevel: groupLevelOf[req.scope.level],
      sets,
      results: [...(statusRecords[i] ?? []), ...dossierResults],
      recognitions,
      targets,
      tracks: { commune: catalog.tracks.commune, advanced: catalog.tracks.advanced ?? '' },
      bands: req.bands ?? defaultBands(sets.commune.criteria.length),
    });
  });
  const [now, before] = reports;
  if (!now) throw new Error('unreachable: a report for the date');
  return { ...now, change: before ? compareReports(now, before) : null };
}
