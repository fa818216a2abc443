import type { CampaignView } from '@ntm/contracts';
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
 * departments overdue on them. One query for the re-checks (with their tasks and the criteria
 * anyone holds unmet), one for the departments' names; the rules are the domain's.
 */
export async function readCampaignView(db: Db, q: CampaignViewQuery): Promise<CampaignView> {
  // Only criteria someone holds unmet are read: a criterion met by the unit and not judged unmet
  // by a department is in no filter, and a province's thousands of re-checks hold 19 criteria each.
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id::text AS id, r.unit_code, u.name AS unit_name, r.district_code, r.track_code, r.stage, r.outcome, c.dates,
      COALESCE(t.tasks, '[]'::json) AS tasks, COALESCE(k.criteria, '[]'::json) AS criteria
    FROM rechecks r
    JOIN recheck_campaigns c ON c.id = r.campaign_id
    JOIN administrative_units u ON u.code = r.unit_code
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('round', a.round, 'departmentCode', a.department_code, 'dueDate', a.due_date, 'open', a.closed_at IS NULL)) AS tasks
      FROM recheck_appraisal_tasks a WHERE a.recheck_id = r.id
    ) t ON true
    LEFT JOIN LATERAL (
      SELECT json_agg(json_build_object('code', x.criterion_code, 'met', x.met, 'result', x.result)) AS criteria
      FROM recheck_criteria x WHERE x.recheck_id = r.id AND (x.met IS FALSE OR (x.result IS NOT NULL AND x.result <> 'met'))
    ) k ON true
    WHERE r.province_code = ${q.provinceCode} AND r.year = ${q.year}
      ${q.track ? Prisma.sql`AND r.track_code = ${q.track}` : Prisma.empty}
      ${q.district ? Prisma.sql`AND r.district_code = ${q.district}` : Prisma.empty}`;
  const filter = { department: q.department, criterion: q.criterion };
  const selectedRows = rows.filter((r) => matchesCampaignFilter(r, filter));

  const counts = Object.fromEntries(campaignBuckets.map((b) => [b, 0])) as Record<CampaignBucket, number>;
  const items = selectedRows.map((r) => {
    const openDueDates = r.tasks.filter((t) => t.open).map((t) => t.dueDate);
    const bucket = recheckBucket(r, r.dates, q.today, openDueDates);
    counts[bucket] += 1;
    return {
      recheckId: r.id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      districtCode: r.district_code,
      trackCode: r.track_code,
      bucket,
      stage: r.stage,
      dueDate: stepDeadline(r.stage, r.dates, openDueDates),
      departmentCodes: [...new Set(currentRoundTasks(r.tasks).map((t) => t.departmentCode))].sort(),
      unmetCriterionCodes: unmetCriterionCodes(r.criteria).sort(),
    };
  });
  const listed = q.bucket ? items.filter((i) => i.bucket === q.bucket) : items;
  const rank = (i: (typeof items)[number]) => (i.bucket === 'overdue' ? 0 : 1);
  listed.sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.unitCode.localeCompare(b.unitCode));
  const start = (q.page - 1) * q.pageSize;

  const overdue = overdueDepartments(selectedRows.flatMap((r) => r.tasks), q.today, q.department);
  const names = new Map(
    overdue.length === 0 ? [] : (await db.department.findMany({ where: { provinceCode: q.provinceCode, code: { in: overdue.map((d) => d.departmentCode) } }, select: { code: true, name: true } })).map((d) => [d.code, d.name]),
  );
  return {
    provinceCode: q.provinceCode,
    year: q.year,
    counts,
    total: listed.length,
    items: listed.slice(start, start + q.pageSize),
    overdueDepartments: overdue.map((d) => ({ ...d, departmentName: names.get(d.departmentCode) ?? d.departmentCode })),
  };
}
