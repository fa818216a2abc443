import { RecheckPlan, type RecheckView } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { fromStoredDate } from '@ntm/domain';
import { judgedCriterion } from '../dossiers/criteria-view.js';

const iso = (d: Date | null) => (d ? fromStoredDate(d) : null);

/** A re-check as people read it: each criterion's re-assessment against last time, the tasks, the outcome, the decision and the history. */
export async function readRecheckView(db: Db, id: string): Promise<RecheckView | null> {
  const r = await db.recheck.findUnique({ where: { id }, include: { criteria: true, appraisalTasks: { orderBy: [{ round: 'asc' }, { departmentCode: 'asc' }] }, events: { orderBy: { occurredAt: 'asc' } } } });
  if (!r) return null;
  const plan = r.plan === null ? null : RecheckPlan.parse(r.plan);
  const [unit, decision] = await Promise.all([
    db.administrativeUnit.findUnique({ where: { code: r.unitCode }, select: { name: true } }),
    db.revocationDecision.findUnique({ where: { recheckId: r.id } }),
  ]);
  const rows = new Map(r.criteria.map((c) => [c.criterionCode, c]));
  // The unit's values judged on the thresholds the re-check opened with (none for one opened before they were kept).
  const judged = (c: RecheckPlan['criteria'][number], row: { met: boolean | null; indicators: unknown } | null) => {
    const { computed, indicators } = judgedCriterion({ ...c, indicators: c.indicators ?? [] }, row?.met == null ? null : { met: row.met, indicators: row.indicators }, plan?.thresholdGroup ?? null);
    return { computed, indicators };
  };
  return {
    id: r.id,
    campaignId: r.campaignId,
    unitCode: r.unitCode,
    unitName: unit?.name ?? r.unitCode,
    provinceCode: r.provinceCode,
    districtCode: r.districtCode,
    trackCode: r.trackCode,
    year: r.year,
    stage: r.stage,
    outcome: r.outcome,
    criteriaSetCode: plan?.criteriaSetCode ?? null,
    criteria: (plan?.criteria ?? []).map((c) => {
      const row = rows.get(c.code);
      const remediation = row?.remediationAction && row.remediationResponsible && row.remediationDueDate
        ? { action: row.remediationAction, responsible: row.remediationResponsible, dueDate: fromStoredDate(row.remediationDueDate) }
        : null;
      return {
        code: c.code,
        number: c.number,
        name: c.name,
        isKey: c.isKey,
        met: row?.met ?? null,
        explanation: row?.explanation ?? null,
        evidenceIds: row?.evidenceIds ?? [],
        change: row?.change ?? 'carried_over',
        lastMet: c.last?.met ?? null,
        ...judged(c, row ?? null),
        result: row?.result ?? null,
        remediation,
      };
    }),
    tasks: r.appraisalTasks.map((t) => ({
      round: t.round,
      departmentCode: t.departmentCode,
      criterionCodes: t.criterionCodes,
      dueDate: fromStoredDate(t.dueDate),
      closedAt: t.closedAt?.toISOString() ?? null,
      verdicts: Object.fromEntries(Object.entries(t.verdicts as Record<string, { verdict: string; reason: string | null }>).map(([k, v]) => [k, { verdict: v.verdict, reason: v.reason }])),
    })),
    assessment: (r.assessment as RecheckView['assessment']) ?? null,
    remediationDueDate: iso(r.remediationDueDate),
    decision: decision && {
      id: decision.id,
      outcome: decision.outcome,
      number: decision.number,
      signedOn: iso(decision.signedOn),
      effectiveOn: iso(decision.effectiveOn),
      signer: decision.signer,
      reasons: decision.reasons,
      pdfSha256: decision.pdfSha256,
    },
    history: r.events.map((e) => ({ type: e.type, actor: e.actor, occurredAt: e.occurredAt.toISOString(), toStage: e.toStage })),
  };
}
