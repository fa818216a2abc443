import type { Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { compareReports, computeReport, defaultBands, ReportResults, type Band, type ComparedReport, type CriteriaSetDef, type RecognitionFact, type ReportInput, type ResultRecord, type TargetFact } from '@ntm/reports';
import type { ReportCache } from './report-cache.js';
import { readReportCatalog, type ReportCatalog } from './report-catalog.js';
import { readDossierResults, readRecheckResults, readRecognitions, readStatusRecords, readTargets, readUnitsBetween, type ReportUnitRow, type SetDemand } from './report-data.js';

export interface ReportRequest {
  /** A province or district code; null for the whole country. */
  scope: ReportInput['scope'];
  provinceCode: string | null;
  asOf: string;
  compareTo: string | null;
  bands: Band[] | null;
}

const validOn = (units: readonly ReportUnitRow[], date: string) => units.filter((u) => u.validFrom <= date && (u.validTo === null || u.validTo >= date));

/** The units under the scope (or every unit for the country) among those valid on a date. */
function unitsUnder(valid: readonly ReportUnitRow[], scopeCode: string | null): ReportUnitRow[] {
  if (scopeCode === null) return [...valid];
  const children = new Map<string, ReportUnitRow[]>();
  for (const u of valid) {
    if (u.parentCode === null) continue;
    const list = children.get(u.parentCode);
    if (list) list.push(u);
    else children.set(u.parentCode, [u]);
  }
  // Breadth first: `found` is the queue, read from its start as it grows.
  const found: ReportUnitRow[] = [...(children.get(scopeCode) ?? [])];
  for (let next = 0; next < found.length; next++) found.push(...(children.get(found[next]?.code ?? '') ?? []));
  return found;
}

const groupLevelOf = { country: 'province', province: 'district', district: null } as const;

export type ReportOnDate = ReturnType<typeof computeReport>;

/** What the report reads once for all its dates: catalog, units, dossiers' and re-checks' results, recognitions, targets. */
interface SharedReads {
  catalog: ReportCatalog;
  units: ReportUnitRow[];
  /** Results recorded by dossiers and re-checks (status records are read per date). */
  processResults: ResultRecord[];
  recognitions: RecognitionFact[];
  targets: TargetFact[];
}

async function readShared(db: Db, req: ReportRequest, dates: readonly string[]): Promise<SharedReads> {
  const sorted = [...dates].sort();
  const [from = req.asOf, to = req.asOf] = [sorted[0], sorted.at(-1)];
  const [catalog, units, dossierResults, recheckResults, recognitions, targets] = await Promise.all([
    readReportCatalog(db),
    readUnitsBetween(db, req.provinceCode, from, to),
    // Up to the latest date: each date's computation leaves out what was recorded after it.
    readDossierResults(db, req.provinceCode, to),
    readRecheckResults(db, req.provinceCode, to),
    readRecognitions(db, req.provinceCode),
    readTargets(db, req.provinceCode),
  ]);
  if (!catalog) throw new HttpProblem('unprocessable', 'Danh mục chưa có loại hồ sơ công nhận xã đạt chuẩn nông thôn mới.');
  return { catalog, units, processResults: [...dossierResults, ...recheckResults], recognitions, targets };
}

/**
 * What of a date's report is wanted: all of it, or only the communes' figures and statuses, which
 * is all a comparison with an earlier date (`compareReports`) and the communes' page use. The
 * villages, the advanced communes and the district criteria are then neither read nor computed.
 */
export type ReportPart = 'whole' | 'communes';

export interface ReportWanted {
  date: string;
  part: ReportPart;
}

/** Reads the status records of one date and computes its report. */
async function reportOn(db: Db, req: ReportRequest, shared: SharedReads, { date, part }: ReportWanted): Promise<ReportOnDate> {
  const year = Number(date.slice(0, 4));
  const found = shared.catalog.setsFor(year, req.provinceCode);
  if (!found.commune) throw new HttpProblem('unprocessable', `Không có bộ tiêu chí xã có hiệu lực năm ${year}.`);
  const sets = part === 'whole' ? { ...found, commune: found.commune } : { commune: found.commune, advanced: null, village: null, district: null };
  const units = validOn(shared.units, date);
  const codesAt = (level: string) => units.filter((u) => u.level === level).map((u) => u.code);
  const demand = (set: CriteriaSetDef | null, expectedUnits: string[]): SetDemand[] => (set ? [{ set, expectedUnits }] : []);
  const results = new ReportResults(date, [sets.commune, sets.village, sets.district, sets.advanced]);
  await readStatusRecords(db, req.provinceCode, [...demand(sets.commune, codesAt('commune')), ...demand(sets.village, codesAt('village')), ...demand(sets.district, codesAt('district')), ...demand(sets.advanced, [])], date, results);
  results.addRecords(shared.processResults);
  return computeReport({
    scope: req.scope,
    asOf: date,
    units: unitsUnder(units, req.scope.level === 'country' ? null : req.scope.code),
    groupLevel: groupLevelOf[req.scope.level],
    sets,
    results,
    recognitions: shared.recognitions,
    targets: shared.targets,
    tracks: { commune: shared.catalog.tracks.commune, advanced: shared.catalog.tracks.advanced ?? '' },
    bands: req.bands ?? defaultBands(sets.commune.criteria.length),
  });
}

/** Computes the wanted reports, or takes them from a cache of reports of the data's current version. */
export type ReportSource = (req: ReportRequest, wanted: readonly ReportWanted[]) => Promise<ReportOnDate[]>;

/** Reports reused while the data they were computed from is unchanged (see report-cache.ts). */
export function cached(db: Db, cache: ReportCache<ReportOnDate>): ReportSource {
  return async (req, wanted) => {
    const version = await cache.currentVersion();
    // Read once, and only when some date is not in the cache.
    let shared: Promise<SharedReads> | undefined;
    return Promise.all(
      wanted.map((w) => {
        const key = JSON.stringify([req.scope.level, req.scope.code, req.provinceCode, w.date, w.part, req.bands]);
        return cache.get(version, key, async () => reportOn(db, req, await (shared ??= readShared(db, req, wanted.map((x) => x.date))), w));
      }),
    );
  };
}

/** The report on its date and, with `compareTo`, what changed since the earlier date. */
export async function buildReport(source: ReportSource, req: ReportRequest): Promise<ComparedReport> {
  const [now, before] = await source(req, [{ date: req.asOf, part: 'whole' }, ...(req.compareTo === null ? [] : [{ date: req.compareTo, part: 'communes' as const }])]);
  if (!now) throw new Error('no report for the date');
  return { ...now, change: before ? compareReports(now, before) : null };
}
