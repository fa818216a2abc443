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

/**
 * Status records of the sets on or before the date: for each unit, criterion, indicator and
 * source only the latest (the report keeps the latest of the sources).
 */
export async function readStatusRecords(db: Db, provinceCode: string | null, setCodes: string[], asOf: string): Promise<ResultRecord[]> {
  if (setCodes.length === 0) return [];
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND province_code = ${provinceCode}`;
  const rows = await db.$queryRaw<ResultRow[]>`
    SELECT DISTINCT ON (unit_code, criteria_set_code, criterion_code, indicator_code, source)
      unit_code, criteria_set_code AS "set", criterion_code AS criterion, indicator_code AS indicator,
      to_char(recorded_on, 'YYYY-MM-DD') AS "on", met, source
    FROM unit_status_records
    WHERE criteria_set_code IN (${Prisma.join(setCodes)}) AND recorded_on <= ${asOf}::date ${province}
    ORDER BY unit_code, criteria_set_code, criterion_code, indicator_code, source, recorded_on DESC`;
  return rows.map(toResult);
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
 * Recognitions with the day they took effect. The record keeps a revocation as the status
 * `revoked` without its date: such a recognition is never counted (see docs/status-records.md).
 */
export async function readRecognitions(db: Db, provinceCode: string | null): Promise<RecognitionFact[]> {
  const province = provinceCode === null ? Prisma.empty : Prisma.sql`AND d.province_code = ${provinceCode}`;
  const rows = await db.$queryRaw<Array<{ unit_code: string; track_code: string; status: string; from: string | null }>>`
    SELECT r.unit_code, r.track_code, r.status, to_char(COALESCE(d.effective_on, d.signed_on), 'YYYY-MM-DD') AS "from"
    FROM recognitions r JOIN decisions d ON d.id = r.decision_id
    WHERE d.outcome = 'recognised' ${province}`;
  return rows.flatMap((r) => (r.from === null ? [] : [{ unitCode: r.unit_code, trackCode: r.track_code, from: r.from, revokedOn: r.status === 'revoked' ? 'unknown' : null }]));
}

export async function readTargets(db: Db, provinceCode: string | null): Promise<TargetFact[]> {
  const rows = await db.unitTarget.findMany({ where: provinceCode === null ? {} : { provinceCode }, select: { unitCode: true, trackCode: true, targetYear: true } });
  return rows;
}
