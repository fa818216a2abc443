import { Prisma, type Db } from '@ntm/db';
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

const statusColumns = Prisma.sql`unit_code, criteria_set_code AS "set", criterion_code AS criterion, indicator_code AS indicator, to_char(recorded_on, 'YYYY-MM-DD') AS "on", met, source`;

/**
 * Status records of the sets on or before the date: for each unit, criterion, indicator and source
 * only the latest (the report keeps the latest of the sources). Provinces record every quarter, so
 * the latest result is nearly always in the last quarter: that window is read whole (one range scan),
 * and only the units it leaves without a result on some criterion are read further back.
 */
export async function readStatusRecords(db: Db, provinceCode: string | null, sets: readonly SetDemand[], asOf: string): Promise<ResultRecord[]> {
  if (sets.length === 0) return [];
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND province_code = ${provinceCode}`;
  const codes = sets.map((s) => s.code);
  const [recent, older] = await Promise.all([
    db.$queryRaw<ResultRow[]>`
      SELECT DISTINCT ON (unit_code, criteria_set_code, criterion_code, indicator_code, source) ${statusColumns}
      FROM unit_status_records
      WHERE criteria_set_code IN (${Prisma.join(codes)}) ${province}
        AND recorded_on <= ${asOf}::date AND recorded_on > ${asOf}::date - ${windowDays}::int
      ORDER BY unit_code, criteria_set_code, criterion_code, indicator_code, source, recorded_on DESC`,
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
  const found = new Set(recent.map((r) => `${r.unit_code}|${r.set}|${r.criterion}`));
  // Units the window leaves without a result on some criterion: their older rows, read unit by unit
  // (one index range each; a unit never recorded costs one probe).
  const missing = new Set<string>();
  for (const { set, units } of older) {
    for (const unit of [...set.expectedUnits, ...units]) {
      if (set.criterionCodes.some((criterion) => !found.has(`${unit}|${set.code}|${criterion}`))) missing.add(unit);
    }
  }
  if (missing.size === 0) return recent.map(toResult);
  const earlier = await db.$queryRaw<ResultRow[]>`
    SELECT DISTINCT ON (unit_code, criteria_set_code, criterion_code, indicator_code, source) ${statusColumns}
    FROM unit_status_records
    WHERE unit_code = ANY(${[...missing]}::text[]) AND criteria_set_code IN (${Prisma.join(codes)})
      AND recorded_on <= ${asOf}::date - ${windowDays}::int
    ORDER BY unit_code, criteria_set_code, criterion_code, indicator_code, source, recorded_on DESC`;
  return [...recent, ...earlier].map(toResult);
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
 * Recognitions with the day they took effect and, for a revoked one, the day its revocation took
 * effect (a revocation recorded without its day counts as never in force; see docs/status-records.md).
 */
export async function readRecognitions(db: Db, provinceCode: string | null): Promise<RecognitionFact[]> {
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND d.province_code = ${provinceCode}`;
  const rows = await db.$queryRaw<Array<{ unit_code: string; track_code: string; status: string; from: string | null; revoked_on: string | null }>>`
    SELECT r.unit_code, r.track_code, r.status, to_char(COALESCE(d.effective_on, d.signed_on), 'YYYY-MM-DD') AS "from", to_char(r.revoked_on, 'YYYY-MM-DD') AS revoked_on
    FROM recognitions r JOIN decisions d ON d.id = r.decision_id
    WHERE d.outcome = 'recognised' ${province}`;
  return rows.flatMap((r) => (r.from === null ? [] : [{ unitCode: r.unit_code, trackCode: r.track_code, from: r.from, revokedOn: r.status === 'revoked' ? (r.revoked_on ?? 'unknown') : null }]));
}

export async function readTargets(db: Db, provinceCode: string | null): Promise<TargetFact[]> {
  const rows = await db.unitTarget.findMany({ where: provinceCode === null ? {} : { provinceCode }, select: { unitCode: true, trackCode: true, targetYear: true } });
  return rows;
}
