import { HistoryEvent } from '@ntm/contracts';
import { Prisma, type Db } from '@ntm/db';
import { addDays } from '@ntm/domain';
import type { RecognitionFact, ReportUnit, ResultRecord, TargetFact } from '@ntm/reports';

/**
 * What a report reads from the record, for one province (or every province): units, results
 * (periodic status records, dossiers' self-assessments and department verdicts), recognitions and
 * targets. Few queries, run together; everything else is computed in memory.
 */
export interface ReportUnitRow extends ReportUnit {
  validFrom: string;
  validTo: string | null;
}

/** Dates are the day in Vietnam, as the record's people mean them. */
const day = (column: Prisma.Sql) => Prisma.sql`to_char((${column} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, 'YYYY-MM-DD')`;

/** Units of the province (null: all) valid at some time between the two dates. */
export async function readUnitsBetween(db: Db, provinceCode: string | null, from: string, to: string): Promise<ReportUnitRow[]> {
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND province_code = ${provinceCode}`;
  const rows = await db.$queryRaw<Array<{ code: string; name: string; level: ReportUnit['level']; parent_code: string | null; valid_from: string; valid_to: string | null }>>`
    SELECT code, name, level, parent_code, to_char(valid_from, 'YYYY-MM-DD') AS valid_from, to_char(valid_to, 'YYYY-MM-DD') AS valid_to
    FROM administrative_units
    WHERE valid_from <= ${to}::date AND (valid_to IS NULL OR valid_to >= ${from}::date) ${province}
    ORDER BY code`;
  return rows.map((r) => ({ code: r.code, name: r.name, level: r.level, parentCode: r.parent_code, validFrom: r.valid_from, validTo: r.valid_to }));
}

type ResultRow = { unit_code: string; set: string; criterion: string; indicator: string; on: string; met: boolean; source: ResultRecord['source'] };
const toResult = (r: ResultRow): ResultRecord => ({
  unitCode: r.unit_code,
  criteriaSetCode: r.set,
  criterionCode: r.criterion,
  indicatorCode: r.indicator === '' ? null : r.indicator,
  on: r.on,
  met: r.met,
  source: r.source,
});

/**
 * Status records travel packed into one text value: each record's unit, set, criterion, indicator,
 * day (days since 2000-01-01), met (1/0) and source (a/s), fields split by U+001F and records by
 * U+001E (catalog codes are letters, digits, '.', '-' and '_'). Sent one by one, the tens of
 * thousands of rows of a province's villages cost more to parse and collect than the report's whole
 * computation; one plain aggregate (no grouping, no date formatting) is also the cheapest for
 * PostgreSQL to build.
 */
type Packed = Array<{ packed: string | null }>;
/** The day numbers' origin, in SQL; `isoDays` counts from the same day. */
const dayZero = "date '2000-01-01'";
const packed = Prisma.sql`string_agg(concat_ws(chr(31), unit_code, criteria_set_code, criterion_code, indicator_code, recorded_on - ${Prisma.raw(dayZero)}, CASE WHEN met THEN '1' ELSE '0' END, CASE WHEN source = 'appraisal' THEN 'a' ELSE 's' END), chr(30))`;

/** ISO dates of day numbers (days since 2000-01-01); a report's records fall on a handful of days. */
function isoDays(): (days: string) => string {
  const known = new Map<string, string>();
  return (days) => {
    let iso = known.get(days);
    if (iso === undefined) known.set(days, (iso = addDays('2000-01-01', Number(days))));
    return iso;
  };
}

function unpack(rows: Packed): ResultRecord[] {
  const results: ResultRecord[] = [];
  const iso = isoDays();
  for (const row of rows) {
    if (!row.packed) continue;
    for (const record of row.packed.split('\u001e')) {
      const [unitCode = '', criteriaSetCode = '', criterionCode = '', indicator = '', days = '', met, source] = record.split('\u001f');
      results.push({ unitCode, criteriaSetCode, criterionCode, indicatorCode: indicator === '' ? null : indicator, on: iso(days), met: met === '1', source: source === 'a' ? 'appraisal' : 'self_assessment' });
    }
  }
  return results;
}

/** What status records a report needs of one set: whose units are expected to have every criterion recorded. */
export interface SetDemand {
  code: string;
  criterionCodes: readonly string[];
  /** Units expected to have results on every criterion (the set's level); others only where they have rows. */
  expectedUnits: readonly string[];
}

/**
 * A quarter (90 to 92 days): the half-open window before the date holds exactly one quarter's end,
 * so a province's quarterly records are read once each; older results are looked up key by key.
 */
const windowDays = 92;

/**
 * Status records of the sets on or before the date, for each unit, criterion, indicator and source
 * at least the latest (the report keeps the latest of all results, `indexResults`). Provinces record
 * every quarter, so the latest result is nearly always in the last quarter: that window is read
 * whole (one range scan, packed into one value, not sorted: the report picks the latest in memory),
 * and only the units it leaves without a result on some criterion are read further back.
 */
export async function readStatusRecords(db: Db, provinceCode: string | null, sets: readonly SetDemand[], asOf: string): Promise<ResultRecord[]> {
  if (sets.length === 0) return [];
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND province_code = ${provinceCode}`;
  const codes = sets.map((s) => s.code);
  const [recentRows, older] = await Promise.all([
    db.$queryRaw<Packed>`
      SELECT ${packed} AS packed
      FROM unit_status_records
      WHERE criteria_set_code IN (${Prisma.join(codes)}) ${province}
        AND recorded_on <= ${asOf}::date AND recorded_on > ${asOf}::date - ${windowDays}::int`,
    // Units with older rows of a set whose units are not all expected (an advanced set: few communes).
    Promise.all(
      sets.map(async (s) => {
        if (s.expectedUnits.length > 0) return { set: s, units: [] as string[] };
        const rows = await db.$queryRaw<Array<{ unit_code: string }>>`
          SELECT DISTINCT unit_code FROM unit_status_records
          WHERE criteria_set_code = ${s.code} ${province} AND recorded_on <= ${asOf}::date - ${windowDays}::int`;
        return { set: s, units: rows.map((r) => r.unit_code) };
      }),
    ),
  ]);
  const recent = unpack(recentRows);
  // The criteria each unit has a result on in the window, by set.
  const found = new Map<string, Map<string, Set<string>>>(codes.map((code) => [code, new Map()]));
  for (const r of recent) {
    const ofSet = found.get(r.criteriaSetCode);
    const criteria = ofSet?.get(r.unitCode);
    if (criteria) criteria.add(r.criterionCode);
    else ofSet?.set(r.unitCode, new Set([r.criterionCode]));
  }
  // Units the window leaves without a result on some criterion: their older rows.
  const missing = new Set<string>();
  for (const { set, units } of older) {
    const ofSet = found.get(set.code);
    for (const unit of [...set.expectedUnits, ...units]) {
      const criteria = ofSet?.get(unit);
      if (!criteria || set.criterionCodes.some((criterion) => !criteria.has(criterion))) missing.add(unit);
    }
  }
  if (missing.size === 0) return recent;
  const before = Prisma.sql`criteria_set_code IN (${Prisma.join(codes)}) AND recorded_on <= ${asOf}::date - ${windowDays}::int`;
  // Which of them have any older record: one index probe each (a lateral LIMIT 1, so the planner
  // does not scan every unit's records to join them), then the latest records of those only.
  const withOlder = await db.$queryRaw<Array<{ code: string }>>`
    SELECT m.code FROM unnest(${[...missing]}::text[]) AS m(code)
    CROSS JOIN LATERAL (SELECT 1 FROM unit_status_records r WHERE r.unit_code = m.code AND ${before} LIMIT 1) found`;
  if (withOlder.length === 0) return recent;
  const earlier = await db.$queryRaw<Packed>`
    SELECT ${packed} AS packed
    FROM (
      SELECT DISTINCT ON (unit_code, criteria_set_code, criterion_code, indicator_code, source) *
      FROM unit_status_records
      WHERE unit_code = ANY(${withOlder.map((u) => u.code)}::text[]) AND ${before}
      ORDER BY unit_code, criteria_set_code, criterion_code, indicator_code, source, recorded_on DESC
    ) latest`;
  return [...recent, ...unpack(earlier)];
}

/**
 * Results from dossiers: each submitted self-assessment dated by its submission, each department
 * verdict (met or not met; a request for supplementation is no result) dated when it was recorded.
 */
export async function readDossierResults(db: Db, provinceCode: string | null, asOf: string): Promise<ResultRecord[]> {
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND d.province_code = ${provinceCode}`;
  const submitted = day(Prisma.sql`d.submitted_at`);
  const recorded = day(Prisma.sql`v.recorded_at`);
  const [assessed, appraised] = await Promise.all([
    db.$queryRaw<ResultRow[]>`
      SELECT d.unit_code, d.criteria_set_code AS "set", a.criterion_code AS criterion, '' AS indicator, ${submitted} AS "on", a.met, 'self_assessment' AS source
      FROM dossiers d JOIN criterion_self_assessments a ON a.dossier_id = d.id
      WHERE d.submitted_at IS NOT NULL AND ${submitted} <= ${asOf} ${province}`,
    db.$queryRaw<ResultRow[]>`
      SELECT d.unit_code, d.criteria_set_code AS "set", v.criterion_code AS criterion, '' AS indicator, ${recorded} AS "on", v.verdict = 'met' AS met, 'appraisal' AS source
      FROM dossiers d JOIN appraisal_verdicts v ON v.dossier_id = d.id
      WHERE v.verdict IN ('met', 'not_met') AND ${recorded} <= ${asOf} ${province}`,
  ]);
  return [...assessed, ...appraised].map(toResult);
}

/**
 * Results from the yearly re-checks, like a dossier's: the unit's re-assessment of each criterion of
 * the re-check's set (the values carried over included: submitting keeps them) dated by its latest
 * submission, and each department's re-appraisal verdict (met or not met) dated when it was recorded.
 */
export async function readRecheckResults(db: Db, provinceCode: string | null, asOf: string): Promise<ResultRecord[]> {
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND r.province_code = ${provinceCode}`;
  const submittedDay = Prisma.sql`(e.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
  const recorded = day(Prisma.sql`(v.value->>'recordedAt')::timestamptz`);
  const [assessed, appraised] = await Promise.all([
    db.$queryRaw<ResultRow[]>`
      SELECT r.unit_code, r.plan->>'criteriaSetCode' AS "set", c.criterion_code AS criterion, '' AS indicator, to_char(s.on, 'YYYY-MM-DD') AS "on", c.met, 'self_assessment' AS source
      FROM rechecks r
      CROSS JOIN LATERAL (
        SELECT max(${submittedDay}) AS "on" FROM recheck_events e
        WHERE e.recheck_id = r.id AND e.type = ${HistoryEvent.reassessmentSubmitted} AND ${submittedDay} <= ${asOf}::date
      ) s
      JOIN recheck_criteria c ON c.recheck_id = r.id AND c.met IS NOT NULL
      WHERE r.plan IS NOT NULL AND s.on IS NOT NULL ${province}`,
    db.$queryRaw<ResultRow[]>`
      SELECT r.unit_code, r.plan->>'criteriaSetCode' AS "set", v.key AS criterion, '' AS indicator, ${recorded} AS "on", v.value->>'verdict' = 'met' AS met, 'appraisal' AS source
      FROM rechecks r
      JOIN recheck_appraisal_tasks t ON t.recheck_id = r.id
      CROSS JOIN LATERAL jsonb_each(t.verdicts) v
      WHERE r.plan IS NOT NULL AND v.value->>'verdict' IN ('met', 'not_met') AND ${recorded} <= ${asOf} ${province}`,
  ]);
  return [...assessed, ...appraised].map(toResult);
}

/**
 * Recognitions (issued by this system's decisions or registered from earlier ones) with the day
 * their standing holds from and, once revoked, the day the revocation took effect. A recognition
 * marked revoked without that day (recorded before the day was kept) is never counted.
 */
export async function readRecognitions(db: Db, provinceCode: string | null): Promise<RecognitionFact[]> {
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND u.province_code = ${provinceCode}`;
  const rows = await db.$queryRaw<Array<{ unit_code: string; track_code: string; status: string; from: string | null; revoked_on: string | null }>>`
    SELECT r.unit_code, r.track_code, r.status, to_char(COALESCE(r.recognised_on, d.effective_on, d.signed_on), 'YYYY-MM-DD') AS "from",
      to_char(r.revoked_on, 'YYYY-MM-DD') AS revoked_on
    FROM recognitions r
    JOIN administrative_units u ON u.code = r.unit_code
    LEFT JOIN decisions d ON d.id = r.decision_id
    WHERE (d.id IS NULL OR d.outcome = 'recognised') ${province}`;
  return rows.flatMap((r) => (r.from === null ? [] : [{ unitCode: r.unit_code, trackCode: r.track_code, from: r.from, revokedOn: r.status === 'revoked' ? (r.revoked_on ?? 'unknown') : null }]));
}

export async function readTargets(db: Db, provinceCode: string | null): Promise<TargetFact[]> {
  const rows = await db.unitTarget.findMany({ where: provinceCode === null ? {} : { provinceCode }, select: { unitCode: true, trackCode: true, targetYear: true } });
  return rows;
}
