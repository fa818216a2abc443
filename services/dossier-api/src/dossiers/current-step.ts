import { z } from 'zod';
import type { Db, Prisma } from '@ntm/db';
import { Duration, fromStoredDate, isOverdue, stepTiming } from '@ntm/domain';

/** Where a dossier stands against its current step's deadline, as its process-control record rates that step. */
export interface CurrentStep {
  /** The current step's due date (YYYY-MM-DD, Vietnam); null when the step has no time budget. */
  dueDate: string | null;
  late: boolean;
}

const Budgets = z.record(z.string(), Duration);

/**
 * The current step of each dossier matching `where`: its last stage move, timed against the budget the dossier
 * opened with and its province's holidays by the domain's one rule (stepTiming). Two statements
 * whatever the number of dossiers: the dossiers with their last move, and the provinces' holidays.
 */
export async function readCurrentSteps(db: Db, where: Prisma.DossierWhereInput, now: Date): Promise<Map<string, CurrentStep>> {
  const rows = await db.dossier.findMany({
    where,
    select: { id: true, provinceCode: true, stepBudgets: true, events: { where: { toStage: { not: null } }, orderBy: { occurredAt: 'desc' }, take: 1, select: { toStage: true, occurredAt: true } } },
  });
  const provinces = [...new Set(rows.map((r) => r.provinceCode))];
  const holidayRows = provinces.length === 0 ? [] : await db.holiday.findMany({ where: { provinceCode: { in: provinces } }, select: { provinceCode: true, date: true } });
  const holidays = new Map<string, string[]>();
  for (const h of holidayRows) holidays.set(h.provinceCode, [...(holidays.get(h.provinceCode) ?? []), fromStoredDate(h.date)]);
  const steps = new Map<string, CurrentStep>();
  for (const row of rows) {
    const move = row.events[0];
    const budget = move?.toStage ? (Budgets.parse(row.stepBudgets)[move.toStage] ?? null) : null;
    if (!move || budget === null) {
      steps.set(row.id, { dueDate: null, late: false });
      continue;
    }
    const timing = stepTiming(move.occurredAt, null, budget, { holidays: holidays.get(row.provinceCode) ?? [] }, now);
    steps.set(row.id, { dueDate: timing.dueDate, late: isOverdue(timing.status) });
  }
  return steps;
}
