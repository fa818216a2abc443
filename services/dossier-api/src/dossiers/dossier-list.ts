import { z } from 'zod';
import { readDossierPlan } from '@ntm/catalog';
import type { Db, Prisma } from '@ntm/db';
import { stageNameOf } from '@ntm/contracts';
import { DossierSummary, toSummary } from './view.js';

/** A dossier in a list: its summary with the names people read (unit, track and stage, from its plan). */
export const DossierListItem = DossierSummary.extend({
  unitName: z.string(),
  trackName: z.string(),
  stageName: z.string(),
}).meta({ id: 'DossierListItem' });
export type DossierListItem = z.infer<typeof DossierListItem>;

/** One page of the dossiers matching `where`, newest first. */
export async function listDossiers(db: Db, where: Prisma.DossierWhereInput, page: { page: number; pageSize: number }) {
  const [rows, total] = await Promise.all([
    db.dossier.findMany({ where, orderBy: { createdAt: 'desc' }, skip: (page.page - 1) * page.pageSize, take: page.pageSize }),
    db.dossier.count({ where }),
  ]);
  const units = await db.administrativeUnit.findMany({ where: { code: { in: [...new Set(rows.map((r) => r.unitCode))] } }, select: { code: true, name: true } });
  const unitNames = new Map(units.map((u) => [u.code, u.name]));
  const items = await Promise.all(
    rows.map(async (row): Promise<DossierListItem> => {
      const plan = await readDossierPlan(db, row);
      return { ...toSummary(row), unitName: unitNames.get(row.unitCode) ?? row.unitCode, trackName: plan.trackName, stageName: stageNameOf(row.stage, plan.stages) };
    }),
  );
  return { items, page: page.page, pageSize: page.pageSize, total };
}
