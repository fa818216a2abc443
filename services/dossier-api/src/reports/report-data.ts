import { HistoryEvent } from '@ntm/contracts';
import { Prisma, type Db } from '@ntm/db';
import type { CriteriaSetDef, RecognitionFact, ReportResults, ReportUnit, ResultRecord, TargetFact } from '@ntm/reports';

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
 * day (days since 1970-01-01), met (1/0) and source (a/s), fields split by U+001F and records by
 * U+001E (catalog codes are letters, digits, '.', '-' and '_'). Sent one by one, the tens of
 * thousands of rows of a province's villages cost more to parse and collect than the report's whole
 * computation; one plain aggregate (no grouping, no date formatting) is also the cheapest for
 * PostgreSQL to build. They are read straight into the report's results, no object per record.
 */
type Packed = Array<{ packed: string | null }>;
const packed = Prisma.sql`string_agg(concat_ws(chr(31), unit_code, criteria_set_code, criterion_code, indicator_code, recorded_on - date '1970-01-01', CASE WHEN met THEN '1' ELSE '0' END, CASE WHEN source = 'appraisal' THEN 'a' ELSE 's' END), chr(30))`;

const FIELD = 0x1f;
const ONE = 0x31;
const A = 0x61;

function addPacked(rows: Packed, into: ReportResults): void {
  for (const { packed: text } of rows) {
    if (!text) continue;
    // Cursor over the text: the first four fields end at the next field separator.
    let at = 0;
    const field = () => {
      const end = text.indexOf('\u001f', at);
      const value = text.slice(at, end);
      at = end + 1;
      return value;
    };
    while (at < text.length) {
      const unit = field();
      const set = field();
      const criterion = field();
      const indicator = field();
      let day = 0;
      for (let c = text.charCodeAt(at); c !== FIELD; c = text.charCodeAt(++at)) day = day * 10 + (c - 0x30);
      const met = text.charCodeAt(at + 1) === ONE;
      const appraisal = text.charCodeAt(at + 3) === A;
      at += 5; // day's separator, met, separator, source, record separator
      into.add(unit, set, criterion, indicator === '' ? null : indicator, day, met, appraisal);
    }
  }
}

/** What status records a report needs of one set: whose units are expected to have every criterion recorded. */
export interface SetDemand {
  set: CriteriaSetDef;
  /** Units expected to have results on every criterion (the set's level); others only where they have rows. */
  expectedUnits: readonly string[];
}

/**
 * A quarter (90 to 92 days): the half-open window before the date holds exactly one quarter's end,
 * so a province's quarterly records are read once each; older results are looked up key by key.
 */
const windowDays = 92;

/**
 * Adds to `into` the status records of the sets on or before the date: for each unit, criterion,
 * indicator and source at least the latest (the report keeps the latest of all results). Provinces
 * record every quarter, so the latest result is nearly always in the last quarter: that window is
 * read whole (one range scan, packed into one value, not sorted), and only the units it leaves
 * without a result on some criterion are read further back.
 */
export async function readStatusRecords(db: Db, provinceCode: string | null, demands: readonly SetDemand[], asOf: string, into: ReportResults): Promise<void> {
  if (demands.length === 0) return;
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND province_code = ${provinceCode}`;
  const codes = demands.map((d) => d.set.code);
  const [recentRows, older] = await Promise.all([
    db.$queryRaw<Packed>`
      SELECT ${packed} AS packed
      FROM unit_status_records
      WHERE criteria_set_code IN (${Prisma.join(codes)}) ${province}
        AND recorded_on <= ${asOf}::date AND recorded_on > ${asOf}::date - ${windowDays}::int`,
    // Units with older rows of a set whose units are not all expected (an advanced set: few communes).
    Promise.all(
      demands.map(async (d) => {
        if (d.expectedUnits.length > 0) return { demand: d, units: [] as string[] };
        const rows = await db.$queryRaw<Array<{ unit_code: string }>>`
          SELECT DISTINCT unit_code FROM unit_status_records
          WHERE criteria_set_code = ${d.set.code} ${province} AND recorded_on <= ${asOf}::date - ${windowDays}::int`;
        return { demand: d, units: rows.map((r) => r.unit_code) };
      }),
    ),
  ]);
  addPacked(recentRows, into);
  // Units the window leaves without a result on some criterion: their older rows.
  const missing = new Set<string>();
  for (const { demand, units } of older) {
    const results = into.of(demand.set);
    for (const unit of [...demand.expectedUnits, ...units]) if (!results.complete(unit)) missing.add(unit);
  }
  if (missing.size === 0) return;
  const before = Prisma.sql`criteria_set_code IN (${Prisma.join(codes)}) AND recorded_on <= ${asOf}::date - ${windowDays}::int`;
  // Which of them have any older record: one index probe each (a lateral LIMIT 1, so the planner
  // does not scan every unit's records to join them), then the latest records of those only.
  const withOlder = await db.$queryRaw<Array<{ code: string }>>`
    SELECT m.code FROM unnest(${[...missing]}::text[]) AS m(code)
    CROSS JOIN LATERAL (SELECT 1 FROM unit_status_records r WHERE r.unit_code = m.code AND ${before} LIMIT 1) found`;
  if (withOlder.length === 0) return;
  const earlier = await db.$queryRaw<Packed>`
    SELECT ${packed} AS packed
    FROM (
      SELECT DISTINCT ON (unit_code, criteria_set_code, criterion_code, indicator_code, source) *
      FROM unit_status_records
      WHERE unit_code = ANY(${withOlder.map((u) => u.code)}::text[]) AND ${before}
      ORDER BY unit_code, criteria_set_code, criterion_code, indicator_code, source, recorded_on DESC
    ) latest`;
  addPacked(earlier, into);
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
