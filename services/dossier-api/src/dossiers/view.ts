import { z } from 'zod';
import { dossierPlanOfRow, keptPlan, readDossierPlan, readHolidays } from '@ntm/catalog';
import { ThresholdGroup } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { Duration, processControl } from '@ntm/domain';
import { CriterionView, criteriaView } from './criteria-view.js';
import { readDossierWithParts, type DossierViewRow } from './dossier-parts.js';

export const DossierSummary = z
  .object({
    id: z.string(),
    trackingCode: z.string(),
    unitCode: z.string(),
    provinceCode: z.string(),
    districtCode: z.string().nullable(),
    trackCode: z.string(),
    year: z.number().int(),
    criteriaSetCode: z.string(),
    stage: z.string(),
    createdAt: z.string(),
    submittedAt: z.string().nullable(),
  })
  .meta({ id: 'DossierSummary' });

export const ProcessControl = z
  .object({
    steps: z.array(
      z.object({
        stageCode: z.string(),
        stageName: z.string(),
        startedAt: z.string(),
        endedAt: z.string().nullable(),
        budget: z.object({ amount: z.number().int(), unit: z.enum(['days', 'working_days']) }).nullable(),
        dueDate: z.string().nullable(),
        status: z.enum(['on_time', 'late', 'in_progress', 'overdue', 'no_budget']),
      }),
    ),
    lateSteps: z.number().int(),
  })
  .meta({ id: 'ProcessControl', description: 'Phiếu kiểm soát quá trình giải quyết hồ sơ: thời hạn từng bước, ngày bắt đầu, kết thúc, đúng hạn hay trễ hạn.' });
export type ProcessControl = z.infer<typeof ProcessControl>;

export const DossierView = DossierSummary.extend({
  /** From the plan the dossier opened with, never today's catalog. */
  trackName: z.string(),
  criteriaSetName: z.string(),
  thresholdGroup: ThresholdGroup.nullable(),
  hasDistrictStage: z.boolean(),
  criteria: z.array(CriterionView),
  documents: z.array(z.object({ code: z.string(), name: z.string(), evidenceId: z.string().nullable() })),
  postingStartedOn: z.string().nullable(),
  satisfactionPercent: z.number().nullable(),
  attestations: z.record(z.string(), z.unknown()),
  appraisalTasks: z.array(
    z.object({
      round: z.number().int(),
      departmentCode: z.string(),
      criterionCodes: z.array(z.string()),
      dueDate: z.string(),
      closedAt: z.string().nullable(),
      verdicts: z.array(z.object({ criterionCode: z.string(), verdict: z.string(), reason: z.string().nullable() })),
    }),
  ),
  /** From the audit trail: who did what, in which role, with what effect. */
  history: z.array(
    z.object({ seq: z.string(), type: z.string(), actor: z.string(), role: z.string().nullable(), occurredAt: z.string(), requestId: z.string().nullable(), before: z.unknown(), payload: z.unknown() }),
  ),
  processControl: ProcessControl,
}).meta({ id: 'Dossier' });
export type DossierView = z.infer<typeof DossierView>;

type DossierRow = Awaited<ReturnType<Db['dossier']['findFirstOrThrow']>>;
type SummaryRow = Pick<DossierRow, 'id' | 'trackingCode' | 'unitCode' | 'provinceCode' | 'districtCode' | 'trackCode' | 'year' | 'criteriaSetCode' | 'stage' | 'createdAt' | 'submittedAt'>;

export const toSummary = (d: SummaryRow): z.infer<typeof DossierSummary> => ({
  id: d.id,
  trackingCode: d.trackingCode,
  unitCode: d.unitCode,
  provinceCode: d.provinceCode,
  districtCode: d.districtCode,
  trackCode: d.trackCode,
  year: d.year,
  criteriaSetCode: d.criteriaSetCode,
  stage: d.stage,
  createdAt: d.createdAt.toISOString(),
  submittedAt: d.submittedAt?.toISOString() ?? null,
});

/**
 * The dossier as people read it: its plan's criteria with their self-assessment and computed result,
 * documents and history. One statement (the row and its parts); `allow` sees the row before
 * anything is built from it and throws to refuse.
 */
export async function readDossierView(db: Db, id: string, allow: (row: DossierViewRow) => void = () => undefined): Promise<DossierView | undefined> {
  const kept = keptPlan(db, id);
  const read = await readDossierWithParts(db, id, kept?.version ?? null);
  if (!read) return undefined;
  const { row: d, parts } = read;
  allow(d);
  const plan = await dossierPlanOfRow(db, id, d, kept);
  const attached = new Map(parts.documents.map((x) => [x.documentCode, x.evidenceId]));
  return {
    ...toSummary(d),
    trackName: plan.trackName,
    criteriaSetName: plan.criteriaSet.name,
    thresholdGroup: plan.thresholdGroup,
    hasDistrictStage: plan.hasDistrictStage,
    criteria: criteriaView(plan, new Map(parts.assessments.map((a) => [a.criterionCode, a]))),
    documents: plan.documents.map((doc) => ({ code: doc.code, name: doc.name, evidenceId: attached.get(doc.code) ?? null })),
    postingStartedOn: d.postingStartedOn,
    satisfactionPercent: d.satisfactionPercent === null ? null : Number(d.satisfactionPercent),
    attestations: d.attestations as Record<string, unknown>,
    appraisalTasks: parts.tasks.map((t) => ({ ...t, closedAt: t.closedAt?.toISOString() ?? null })),
    history: parts.history.map((e) => {
      const summary = e.summary as { before?: unknown; after?: unknown };
      return { seq: e.seq, type: e.command, actor: e.actor, role: e.role, occurredAt: e.occurredAt.toISOString(), requestId: e.requestId, before: summary.before ?? null, payload: summary.after ?? null };
    }),
    processControl: processControlOf(d, plan.stages, parts.moves, parts.holidays),
  };
}

const StepBudgets = z.record(z.string(), Duration);

function processControlOf(dossier: { stepBudgets: unknown }, stages: readonly { code: string; name: string }[], moves: readonly { toStage: string; occurredAt: Date }[], holidays: readonly string[]): ProcessControl {
  const budgets = StepBudgets.parse(dossier.stepBudgets);
  const record = processControl(stages, moves.map((e) => ({ stage: e.toStage, at: e.occurredAt })), budgets, { holidays: [...holidays] }, new Date());
  return {
    lateSteps: record.lateSteps,
    steps: record.steps.map((s) => ({ ...s, startedAt: s.startedAt.toISOString(), endedAt: s.endedAt?.toISOString() ?? null })),
  };
}

/** The dossier's process-control record, from its stage moves and the budgets it was opened with. */
export async function readProcessControl(db: Db, dossier: DossierRow): Promise<ProcessControl> {
  const [{ stages }, events, holidays] = await Promise.all([
    readDossierPlan(db, dossier),
    db.dossierEvent.findMany({ where: { dossierId: dossier.id, toStage: { not: null } }, orderBy: { occurredAt: 'asc' }, select: { toStage: true, occurredAt: true } }),
    readHolidays(db, dossier.provinceCode),
  ]);
  const moves = events.flatMap((e) => (e.toStage === null ? [] : [{ toStage: e.toStage, occurredAt: e.occurredAt }]));
  return processControlOf(dossier, stages, moves, holidays.map((h) => h.date));
}
