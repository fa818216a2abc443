import type { CampaignView } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { Prisma } from '@ntm/db';
import { campaignBuckets, recheckBucket, stepDeadline, type CampaignBucket } from '@ntm/domain';

interface Row {
  id: string;
  unit_code: string;
  unit_name: string;
  district_code: string | null;
  track_code: string;
  stage: string;
  outcome: string | null;
  dates: { selfAssessmentDue: string; appraisalDue: string };
}

/** A province's re-checks of one year, counted by bucket, with the list behind the numbers. One query. */
export async function readCampaignView(
  db: Db,
  q: { provinceCode: string; year: number; today: string; track?: string; district?: string; bucket?: CampaignBucket; page: number; pageSize: number },
): Promise<CampaignView> {
  const rows = await db.$queryRaw<Row[]>`
    SELECT r.id::text AS id, r.unit_code, u.name AS unit_name, r.district_code, r.track_code, r.stage, r.outcome, c.dates
    FROM rechecks r
    JOIN recheck_campaigns c ON c.id = r.campaign_id
    JOIN administrative_units u ON u.code = r.unit_code
    WHERE r.province_code = ${q.provinceCode} AND r.year = ${q.year}
      ${q.track ? Prisma.sql`AND r.track_code = ${q.track}` : Prisma.empty}
      ${q.district ? Prisma.sql`AND r.district_code = ${q.district}` : Prisma.empty}`;
  const counts = Object.fromEntries(campaignBuckets.map((b) => [b, 0])) as Record<CampaignBucket, number>;
  const items = rows.map((r) => {
    const bucket = recheckBucket(r, r.dates, q.today);
    counts[bucket] += 1;
    return { recheckId: r.id, unitCode: r.unit_code, unitName: r.unit_name, districtCode: r.district_code, trackCode: r.track_code, bucket, stage: r.stage, dueDate: stepDeadline(r.stage, r.dates) };
  });
  const selected = q.bucket ? items.filter((i) => i.bucket === q.bucket) : items;
  const rank = (i: (typeof items)[number]) => (i.bucket === 'overdue' ? 0 : 1);
  selected.sort((a, b) => rank(a) - rank(b) || (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.unitCode.localeCompare(b.unitCode));
  const start = (q.page - 1) * q.pageSize;
  return { provinceCode: q.provinceCode, year: q.year, counts, total: selected.length, items: selected.slice(start, start + q.pageSize) };
}
