import { HistoryEvent, type CampaignView } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { Prisma } from '@ntm/db';
import {
  campaignBuckets, currentRoundTasks, matchesCampaignFilter, overdueDepartments, recheckBucket, stepDeadline, unmetCriterionCodes,
  type CampaignBucket, type CampaignDates, type RecheckCriterionFacts, type RecheckTaskFacts,
} from '@ntm/domain';

interface Row {
  id: string;
  unit_code: string;
  unit_name: string;
  district_code: string | null;
  track_code: string;
  stage: string;
  outcome: string | null;
  dates: CampaignDates;
  tasks: RecheckTaskFacts[];
  criteria: RecheckCriterionFacts[];
}

export interface CampaignViewQuery {
  provinceCode: string;
  year: number;
  today: string;
  track?: string | undefined;
  district?: string | undefined;
  department?: string | undefined;
  criterion?: string | undefined;
  bucket?: CampaignBucket | undefined;
  page: number;
  pageSize: number;
}

/**
 * A province's re-checks of one year, counted by bucket, with the list behind the numbers and the
 * departments overdue on them; the rules are the domain's. The re-checks come in one query carrying
 * only what the counts and the filters asked for need: the open tasks (their due dates make a
 * re-check overdue and a department late), every task of the re-check when filtering by department,
 * the filtered criterion's row when filtering by criterion. The page's items then get their
 * departments and unmet criteria in one small query each, and the overdue departments their names.
 */
export async function readCampaignView(db: Db, q: CampaignViewQuery): Promise<CampaignView> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id::text AS id, r.unit_code, u.name AS unit_name, r.district_code, r.track_code, r.stage, r.outcome, c.dates,
      COALESCE(t.tasks, '[]'::json) AS tasks,
      ${q.criterion ? Prisma.sql`CASE WHEN k.recheck_id IS NULL THEN '[]'::json ELSE json_build_array(json_build_object('code', k.criterion_code, 'met', k.met, 'result', k.result)) END` : Prisma.sql`'[]'::json`} AS criteria
    FROM rechecks r
    JOIN recheck_campaigns c ON c.id = r.campaign_id
    JOIN administrative_units u ON u.code = r.unit_code
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('round', a.round, 'departmentCode', a.department_code, 'dueDate', a.due_date, 'open', a.closed_at IS NULL)) AS tasks
      FROM recheck_appraisal_tasks a WHERE a.recheck_id = r.id ${q.department ? Prisma.empty : Prisma.sql`AND a.closed_at IS NULL`}
    ) t ON true
    ${q.criterion ? Prisma.sql`LEFT JOIN recheck_criteria k ON k.recheck_id = r.id AND k.criterion_code = ${q.criterion}` : Prisma.empty}
    WHERE r.province_code = ${q.provinceCode} AND r.year = ${q.year}
      ${q.track ? Prisma.sql`AND r.track_code = ${q.track}` : Prisma.empty}
      ${q.district ? Prisma.sql`AND r.district_code = ${q.district}` : Prisma.empty}`;
  const selected = rows.filter((r) => matchesCampaignFilter(r, { department: q.department, criterion: q.criterion }));

  const counts = Object.fromEntries(campaignBuckets.map((b) => [b, 0])) as Record<CampaignBucket, number>;
  const items = selected.map((r) => {
    const openDueDates = r.tasks.filter((t) => t.open).map((t) => t.dueDate);
    const bucket = recheckBucket(r, r.dates, q.today, openDueDates);
    counts[bucket] += 1;
    return { recheckId: r.id, unitCode: r.unit_code, unitName: r.unit_name, districtCode: r.district_code, trackCode: r.track_code, bucket, stage: r.stage, dueDate: stepDeadline(r.stage, r.dates, openDueDates) };
  });
  const listed = q.bucket ? items.filter((i) => i.bucket === q.bucket) : items;
  const rank = (i: (typeof items)[number]) => (i.bucket === 'overdue' ? 0 : 1);
  listed.sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.unitCode.localeCompare(b.unitCode));
  const start = (q.page - 1) * q.pageSize;
  const page = listed.slice(start, start + q.pageSize);

  const overdue = overdueDepartments(selected.flatMap((r) => r.tasks), q.today, q.department);
  const [facts, names, unassigned] = await Promise.all([
    readPageFacts(db, page.map((i) => i.recheckId)),
    departmentNames(db, q.provinceCode, overdue.map((d) => d.departmentCode)),
    unassignedCriteria(db, page.filter((i) => i.bucket === 'blocked').map((i) => i.recheckId)),
  ]);
  return {
    provinceCode: q.provinceCode,
    year: q.year,
    counts,
    total: listed.length,
    items: page.map((i) => {
      const f = facts.get(i.recheckId) ?? { tasks: [], criteria: [] };
      return {
        ...i,
        departmentCodes: [...new Set(currentRoundTasks(f.tasks).map((t) => t.departmentCode))].sort(),
        unmetCriterionCodes: unmetCriterionCodes(f.criteria).sort(),
        unassignedCriterionCodes: unassigned.get(i.recheckId) ?? [],
      };
    }),
    overdueDepartments: overdue.map((d) => ({ ...d, departmentName: names.get(d.departmentCode) ?? d.departmentCode })),
  };
}

/**
 * The criteria of a page's re-checks that anyone may hold unmet, as facts for the domain's rule: a
 * criterion the unit says is met and no department judged unmet is in no filter, so it is not read.
 */
const mayBeUnmet = Prisma.sql`(x.met IS FALSE OR (x.result IS NOT NULL AND x.result <> 'met'))`;

type PageFacts = { tasks: Array<{ round: number; departmentCode: string }>; criteria: RecheckCriterionFacts[] };

/** Every task and the unmet-candidate criteria of the given re-checks (one page of the list). */
async function readPageFacts(db: Db, ids: string[]): Promise<Map<string, PageFacts>> {
  if (ids.length === 0) return new Map();
  const [tasks, criteria] = await Promise.all([
    db.recheckAppraisalTask.findMany({ where: { recheckId: { in: ids } }, select: { recheckId: true, round: true, departmentCode: true } }),
    db.$queryRaw<Array<{ recheck_id: string; code: string; met: boolean | null; result: string | null }>>`
      SELECT x.recheck_id::text AS recheck_id, x.criterion_code AS code, x.met, x.result FROM recheck_criteria x
      WHERE x.recheck_id = ANY(${ids}::uuid[]) AND ${mayBeUnmet}`,
  ]);
  const facts = new Map<string, PageFacts>(ids.map((id) => [id, { tasks: [], criteria: [] }]));
  for (const t of tasks) facts.get(t.recheckId)?.tasks.push(t);
  for (const c of criteria) facts.get(c.recheck_id)?.criteria.push(c);
  return facts;
}

async function departmentNames(db: Db, provinceCode: string, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await db.department.findMany({ where: { provinceCode, code: { in: codes } }, select: { code: true, name: true } });
  return new Map(rows.map((d) => [d.code, d.name]));
}

/** Why each blocked re-check of the page could not open: the criteria its latest blocked entry (`HistoryEvent.recheckBlocked`) names. */
async function unassignedCriteria(db: Db, ids: string[]): Promise<Map<string, string[]>> {
  if (ids.length === 0) return new Map();
  const events = await db.recheckEvent.findMany({ where: { recheckId: { in: ids }, type: HistoryEvent.recheckBlocked }, orderBy: { occurredAt: 'asc' }, select: { recheckId: true, payload: true } });
  return new Map(events.map((e) => [e.recheckId, (e.payload as { unassigned?: string[] }).unassigned ?? []]));
}
