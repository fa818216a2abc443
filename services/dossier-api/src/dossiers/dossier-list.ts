import { z } from 'zod';
import { dossierPlanOfRow, keptPlan, type VersionedDossierRow } from '@ntm/catalog';
import { preparedStatement, queryPrepared, type Db, type Prisma } from '@ntm/db';
import { stageNameOf, type DossierPlan } from '@ntm/contracts';
import { readCurrentSteps } from './current-step.js';
import { DossierSummary, toSummary } from './view.js';

/** A dossier in a list: its summary with the names people read (unit, track and stage, from its plan) and its current step's deadline. */
export const DossierListItem = DossierSummary.extend({
  unitName: z.string(),
  trackName: z.string(),
  stageName: z.string(),
  stepDueDate: z.string().nullable().meta({ description: 'Hạn của bước hiện tại (YYYY-MM-DD, theo phiếu kiểm soát quá trình); null khi bước không có thời hạn hoặc hồ sơ đã có quyết định.' }),
  late: z.boolean().meta({ description: 'true khi bước hiện tại đã quá hạn theo phiếu kiểm soát quá trình.' }),
}).meta({ id: 'DossierListItem' });
export type DossierListItem = z.infer<typeof DossierListItem>;

export interface ListOptions {
  page: number;
  pageSize: number;
  /** Only dossiers whose current step is (true) or is not (false) past its due date. */
  late?: boolean;
  /** The instant lateness is judged at. */
  now: Date;
}

/** What a list item reads of the dossier's row: its summary, never its plan (kept apart, below). */
const summarySelect = {
  id: true,
  trackingCode: true,
  unitCode: true,
  provinceCode: true,
  districtCode: true,
  trackCode: true,
  year: true,
  criteriaSetCode: true,
  stage: true,
  createdAt: true,
  submittedAt: true,
} satisfies Prisma.DossierSelect;

/*
 * The plans of a page's dossiers, each left out while its row is at the version of the plan already
 * kept (packages/catalog, plan-cache): a page of twenty no longer reads and parses twenty plans
 * every time it is shown.
 */
const pagePlans = preparedStatement<VersionedDossierRow & { id: string }>(
  'dossier-api.list-plans',
  `SELECT d.id, d.xmin::text AS version, CASE WHEN d.xmin::text = k.version THEN NULL ELSE d.plan END AS plan,
          d.track_code AS "trackCode", d.criteria_set_code AS "criteriaSetCode", d.province_code AS "provinceCode"
     FROM unnest($1::uuid[], $2::text[]) AS k(id, version)
     JOIN dossiers d ON d.id = k.id`,
);

async function plansOf(db: Db, ids: readonly string[]): Promise<Map<string, DossierPlan>> {
  const kept = new Map(ids.map((id) => [id, keptPlan(db, id)]));
  const rows = await queryPrepared(db, pagePlans, [ids, ids.map((id) => kept.get(id)?.version ?? null)]);
  return new Map(await Promise.all(rows.map(async (row) => [row.id, await dossierPlanOfRow(db, row.id, row, kept.get(row.id))] as const)));
}

/**
 * One page of the dossiers matching `where`, newest first. Lateness depends on each dossier's
 * budgets, last stage move and province's holidays (the domain's rule, not SQL), so with a late
 * filter the matching dossiers are rated first and the page is cut from those that match; a
 * dossier already decided (no open key) is never late, which narrows the rating to open dossiers.
 */
export async function listDossiers(db: Db, where: Prisma.DossierWhereInput, options: ListOptions) {
  const { page, pageSize, late, now } = options;
  const skip = (page - 1) * pageSize;
  let rows;
  let total: number;
  if (late === undefined) {
    [rows, total] = await Promise.all([db.dossier.findMany({ where, orderBy: { createdAt: 'desc' }, skip, take: pageSize, select: summarySelect }), db.dossier.count({ where })]);
  } else {
    const candidates = late ? { AND: [where, { openKey: { not: null } }] } : where;
    const ordered = await db.dossier.findMany({ where: candidates, orderBy: { createdAt: 'desc' }, select: { id: true } });
    const steps = await readCurrentSteps(db, { AND: [candidates, { openKey: { not: null } }] }, now);
    const matching = ordered.filter((d) => (steps.get(d.id)?.late ?? false) === late);
    total = matching.length;
    const pageIds = matching.slice(skip, skip + pageSize).map((d) => d.id);
    const found = new Map((await db.dossier.findMany({ where: { id: { in: pageIds } }, select: summarySelect })).map((r) => [r.id, r]));
    rows = pageIds.flatMap((id) => found.get(id) ?? []);
  }
  const [units, steps, plans] = await Promise.all([
    db.administrativeUnit.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.unitCode))] } }, select: { code: true, name: true } }),
    readCurrentSteps(db, { id: { in: rows.map((r) => r.id) }, openKey: { not: null } }, now),
    plansOf(db, rows.map((r) => r.id)),
  ]);
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const items = rows.flatMap((row): DossierListItem[] => {
    const plan = plans.get(row.id);
    // A dossier removed between the two reads is left out of the page.
    if (!plan) return [];
    const step = steps.get(row.id) ?? { dueDate: null, late: false };
    return [{ ...toSummary(row), unitName: unitNames.get(row.unitCode) ?? row.unitCode, trackName: plan.trackName, stageName: stageNameOf(row.stage, plan.stages), stepDueDate: step.dueDate, late: step.late }];
  });
  return { items, page, pageSize, total };
}
