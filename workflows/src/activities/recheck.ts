import { ApplicationFailure } from '@temporalio/common';
import { HistoryEvent, RecheckPlan, systemSender, type AppraisalCommand, type RecheckOpening, type HistoryEvent as HistoryEventType, type LastValues, type RecheckAssessmentResult, type RecordedBy, type RecheckWorkflowInput, type RemediationPlanCommand, type SelfAssessmentCommand } from '@ntm/contracts';
import { candidateSets, readCriteriaSets, readDurations, readHolidays, readTracks, readUnits, resolveAppraisers, unitChain } from '@ntm/catalog';
import { Prisma, appendAudit, type Db } from '@ntm/db';
import { CriteriaSet, RecheckStage, StageKind, criteriaSetInForce, defaultReassessmentReminderEveryDays, defaultRemediationDuration, plannedIndicators, thresholdGroupOf, toStoredDate, type AssessmentChange } from '@ntm/domain';

/** Where the track sets no appraisal duration: a re-appraisal takes 20 working days, reminded every 5 (labelled default). */
const defaultAppraisal = { amount: 20, unit: 'working_days', reminderEveryDays: 5 } as const;

const unitLevelOf = (level: string) => (level === 'village' || level === 'district' ? level : 'commune');

/** One step of a re-check's history, and what it changes on the re-check's row. */
export interface RecheckStep {
  eventId: string;
  type: HistoryEventType;
  by: RecordedBy;
  payload: Prisma.InputJsonValue;
  stage?: string;
  outcome?: string | null;
  assessment?: RecheckAssessmentResult;
  remediationDueDate?: string;
  /** The departments' rolled-up results of the round just finished. */
  results?: Record<string, string>;
  closed?: boolean;
}

/** Writes a re-check change with its history entry and audit row, once per event id (activities retry). */
export async function recordRecheckOnce(db: Db, recheckId: string, step: Omit<RecheckStep, 'stage' | 'outcome'> & { toStage?: string }, write?: (tx: Prisma.TransactionClient) => Promise<unknown>): Promise<void> {
  await db.$transaction(async (tx) => {
    const done = await tx.recheckEvent.findUnique({ where: { recheckId_commandId: { recheckId, commandId: step.eventId } }, select: { id: true } });
    if (done) return;
    const before = (await write?.(tx)) ?? null;
    const { unitCode } = await tx.recheck.findUniqueOrThrow({ where: { id: recheckId }, select: { unitCode: true } });
    await tx.recheckEvent.create({ data: { recheckId, commandId: step.eventId, type: step.type, actor: step.by.actor, payload: step.payload, toStage: step.toStage ?? null } });
    await appendAudit(tx, { ...step.by, unitCode, dossierId: null, command: step.type, summary: { before, after: { recheckId, ...(step.payload as object) } } });
  });
}

/** The values the unit was last judged on: its previous re-check, else the dossier that recognised it. */
async function lastValues(db: Db, unitCode: string, trackCode: string, year: number, dossierId: string | null): Promise<Map<string, LastValues>> {
  const previous = await db.recheck.findFirst({ where: { unitCode, trackCode, year: { lt: year }, closedAt: { not: null } }, orderBy: { year: 'desc' }, include: { criteria: true } });
  const rows = previous
    ? previous.criteria.filter((c) => c.met !== null).map((c) => ({ criterionCode: c.criterionCode, met: c.met === true, explanation: c.explanation ?? '', indicators: c.indicators, evidenceIds: c.evidenceIds }))
    : dossierId
      ? await db.criterionSelfAssessment.findMany({ where: { dossierId } })
      : [];
  return new Map(rows.map((r) => [r.criterionCode, { met: r.met, explanation: r.explanation, indicators: r.indicators as LastValues['indicators'], evidenceIds: r.evidenceIds }]));
}

/** The re-check's record: opening it against its recognition's criteria, the unit's and the departments' steps. */
export function createRecheckActivities(db: Db) {
  /** The re-check's plan, written once with its criteria rows; or why it cannot open yet (criteria no department re-appraises). */
  async function openOrBlock(input: RecheckWorkflowInput) {
    const row = await db.recheck.findUniqueOrThrow({ where: { campaignId_unitCode: { campaignId: input.campaignId, unitCode: input.unitCode } } });
    if (row.plan) return { kind: 'opened' as const, plan: RecheckPlan.parse(row.plan) };
    const recognition = await db.recognition.findUniqueOrThrow({ where: { id: row.recognitionId } });
    const decision = await db.decision.findUnique({ where: { id: recognition.decisionId }, select: { dossier: { select: { id: true, criteriaSetCode: true } } } });
    const [track] = await readTracks(db, { code: input.trackCode });
    if (!track) throw ApplicationFailure.nonRetryable(`Không có loại hồ sơ "${input.trackCode}".`);
    let setCode = decision?.dossier.criteriaSetCode ?? null;
    if (setCode === null) {
      // A recognition registered from an earlier decision: the set in force for its year; for a
      // year the catalog's sets do not cover, the set in force for the re-check's year, else the latest set begun by then.
      const candidates = await candidateSets(db, track, input.provinceCode);
      const sets = candidates.sets.map((s) => CriteriaSet.parse(s));
      const inForce = [recognition.year, input.year].map((y) => criteriaSetInForce(candidates.track, sets, y)).find((r) => r.kind === 'found');
      const latest = sets.filter((s) => s.validFromYear <= input.year).sort((a, b) => b.validFromYear - a.validFromYear)[0];
      setCode = inForce?.kind === 'found' ? inForce.set.code : (latest?.code ?? null);
      if (setCode === null) throw ApplicationFailure.nonRetryable(`Không có bộ tiêu chí nào của "${track.name}" để rà soát năm ${input.year}.`);
    }
    const [catalogSet] = await readCriteriaSets(db, { code: setCode });
    const [unit] = await readUnits(db, { code: input.unitCode });
    if (!catalogSet || !unit) throw ApplicationFailure.nonRetryable(`Không có bộ tiêu chí "${setCode}" hoặc đơn vị "${input.unitCode}" trong danh mục.`);
    const set = CriteriaSet.parse(catalogSet);
    // The unit's indicator values are judged on the thresholds of its group, as a dossier's are.
    const groupCode = thresholdGroupOf(unit, set);
    const group = set.groups.find((g) => g.code === groupCode);
    const { appraisers, unassigned } = await resolveAppraisers(db, input.provinceCode, input.districtCode, set.code, set.criteria.map((c) => c.code));
    if (unassigned.length > 0) return { kind: 'blocked' as const, recheckId: row.id, criteriaSetCode: set.code, unassigned };
    const durations = (await readDurations(db, input.provinceCode)).filter((d) => d.trackCode === track.code);
    const appraisalStage = track.stages.find((s) => s.kind === StageKind.appraisal);
    const appraisal = durations.find((d) => d.stageCode === appraisalStage?.code);
    const remediation = durations.find((d) => d.stageCode === RecheckStage.remediation);
    const selfStage = track.stages.find((s) => s.kind === StageKind.selfAssessment);
    const selfAssessment = durations.find((d) => d.stageCode === selfStage?.code);
    const last = await lastValues(db, input.unitCode, input.trackCode, input.year, decision?.dossier.id ?? null);
    const plan: RecheckPlan = {
      recheckId: row.id,
      unitName: unit.name,
      unitChain: await unitChain(db, unit.code),
      unitLevel: unitLevelOf(track.unitLevel),
      trackName: track.name,
      criteriaSetCode: set.code,
      criteriaSetName: set.name,
      thresholdGroup: group ? { code: group.code, name: group.name } : null,
      criteria: set.criteria.map((c) => ({ code: c.code, number: c.number, name: c.name, isKey: c.isKey, last: last.get(c.code) ?? null, indicators: plannedIndicators(c, group?.code) })),
      stages: track.stages,
      appraisers,
      holidays: (await readHolidays(db, input.provinceCode)).map((h) => h.date),
      appraisal: appraisal ? { amount: appraisal.amount, unit: appraisal.unit, reminderEveryDays: appraisal.reminderEveryDays } : { ...defaultAppraisal },
      // Only the cadence: the deadline is the campaign's date for the unit.
      reassessment: selfAssessment ? { reminderEveryDays: selfAssessment.reminderEveryDays, isDefault: selfAssessment.isDefault } : { reminderEveryDays: defaultReassessmentReminderEveryDays, isDefault: true },
      remediation: remediation
        ? { amount: remediation.amount, unit: remediation.unit, reminderEveryDays: remediation.reminderEveryDays, isDefault: remediation.isDefault }
        : { ...defaultRemediationDuration, isDefault: true },
    };
    const event = { eventId: 'opened', type: HistoryEvent.recheckOpened, by: { actor: 'system', role: null, requestId: null }, payload: { criteriaSetCode: set.code, carriedOver: [...last.keys()] }, toStage: RecheckStage.selfAssessment };
    await recordRecheckOnce(db, row.id, event, async (tx) => {
      await tx.recheckCriterion.createMany({
        data: plan.criteria.map((c) => ({
          recheckId: row.id,
          criterionCode: c.code,
          met: c.last?.met ?? null,
          explanation: c.last?.explanation ?? null,
          indicators: (c.last?.indicators ?? []),
          evidenceIds: c.last?.evidenceIds ?? [],
          change: 'carried_over',
        })),
        skipDuplicates: true,
      });
      await tx.recheck.update({ where: { id: row.id }, data: { plan: plan, stage: RecheckStage.selfAssessment } });
    });
    return { kind: 'opened' as const, plan };
  }

  return {
    /**
     * Opens the re-check once: its plan (the criteria of the set the recognition was judged
     * against, with last values to carry over; who re-appraises them; the durations) and one row
     * per criterion. A repeated call answers the plan already written.
     */
    async openRecheck(input: RecheckWorkflowInput): Promise<RecheckPlan> {
      const opening = await openOrBlock(input);
      if (opening.kind === 'blocked') throw ApplicationFailure.nonRetryable(`Tỉnh chưa phân công sở/phòng thẩm định lại các tiêu chí ${opening.unassigned.join(', ')}.`);
      return opening.plan;
    },

    /**
     * Opens the re-check as openRecheck does, or, while the province has not assigned every
     * criterion of its set to a department, records it blocked (stage `blocked`, a history entry
     * naming the criteria, once per set of criteria) and answers so: the workflow tries again later.
     */
    async openRecheckOrBlock(input: RecheckWorkflowInput): Promise<RecheckOpening> {
      const opening = await openOrBlock(input);
      if (opening.kind === 'blocked') {
        const { recheckId, criteriaSetCode, unassigned } = opening;
        const event = { eventId: `blocked/${criteriaSetCode}/${unassigned.join(',')}`, type: HistoryEvent.recheckBlocked, by: systemSender, payload: { criteriaSetCode, unassigned }, toStage: RecheckStage.blocked };
        await recordRecheckOnce(db, recheckId, event, (tx) => tx.recheck.update({ where: { id: recheckId }, data: { stage: RecheckStage.blocked }, select: { stage: true } }));
        return { kind: 'blocked', unassigned };
      }
      return opening;
    },

    async recordReassessment(recheckId: string, command: SelfAssessmentCommand, change: AssessmentChange): Promise<void> {
      const { criterionCode, met, explanation, indicators, evidenceIds } = command;
      await recordRecheckOnce(db, recheckId, { eventId: command.commandId, type: HistoryEvent.reassessmentRecorded, by: command, payload: { criterionCode, met, change } }, (tx) =>
        tx.recheckCriterion.update({ where: { recheckId_criterionCode: { recheckId, criterionCode } }, data: { met, explanation, indicators, evidenceIds, change, assessedBy: command.actor }, select: { met: true, change: true } }),
      );
    },

    /** A step of the re-check: its history entry and what it changes on the row (stage, outcome, results, the remediation deadline). */
    async recordRecheckStep(recheckId: string, step: RecheckStep): Promise<void> {
      await recordRecheckOnce(db, recheckId, { ...step, ...(step.stage ? { toStage: step.stage } : {}) }, async (tx) => {
        const before = await tx.recheck.findUniqueOrThrow({ where: { id: recheckId }, select: { stage: true, outcome: true } });
        for (const [criterionCode, result] of Object.entries(step.results ?? {})) {
          await tx.recheckCriterion.update({ where: { recheckId_criterionCode: { recheckId, criterionCode } }, data: { result } });
        }
        await tx.recheck.update({
          where: { id: recheckId },
          data: {
            ...(step.stage ? { stage: step.stage } : {}),
            ...(step.outcome !== undefined ? { outcome: step.outcome } : {}),
            ...(step.assessment ? { assessment: step.assessment } : {}),
            ...(step.remediationDueDate ? { remediationDueDate: toStoredDate(step.remediationDueDate) } : {}),
            ...(step.closed ? { closedAt: new Date() } : {}),
          },
        });
        return before;
      });
    },

    async openRecheckAppraisalTasks(recheckId: string, round: number, tasks: Array<{ departmentCode: string; criterionCodes: string[]; dueDate: string }>): Promise<void> {
      await db.recheckAppraisalTask.createMany({
        data: tasks.map((t) => ({ recheckId, round, departmentCode: t.departmentCode, criterionCodes: t.criterionCodes, dueDate: toStoredDate(t.dueDate) })),
        skipDuplicates: true,
      });
    },

    async saveRecheckVerdict(recheckId: string, round: number, command: AppraisalCommand): Promise<void> {
      const { departmentCode, criterionCode, verdict, reason } = command;
      await recordRecheckOnce(db, recheckId, { eventId: command.commandId, type: HistoryEvent.appraisalVerdict, by: command, payload: { round, departmentCode, criterionCode, verdict, reason } }, async (tx) => {
        const task = await tx.recheckAppraisalTask.findUniqueOrThrow({ where: { recheckId_round_departmentCode: { recheckId, round, departmentCode } } });
        const verdicts = { ...(task.verdicts as Record<string, unknown>), [criterionCode]: { verdict, reason, actor: command.actor, recordedAt: new Date().toISOString() } };
        await tx.recheckAppraisalTask.update({ where: { recheckId_round_departmentCode: { recheckId, round, departmentCode } }, data: { verdicts: verdicts as Prisma.InputJsonValue } });
        return (task.verdicts as Record<string, unknown>)[criterionCode] ?? null;
      });
    },

    async closeRecheckAppraisalTask(recheckId: string, round: number, departmentCode: string): Promise<void> {
      await db.recheckAppraisalTask.updateMany({ where: { recheckId, round, departmentCode, closedAt: null }, data: { closedAt: new Date() } });
    },

    async recordRemediationPlan(recheckId: string, command: RemediationPlanCommand, dueDate: string): Promise<void> {
      const { criterionCode, action, responsible } = command;
      await recordRecheckOnce(db, recheckId, { eventId: command.commandId, type: HistoryEvent.remediationPlanned, by: command, payload: { criterionCode, action, responsible, dueDate } }, (tx) =>
        tx.recheckCriterion.update({
          where: { recheckId_criterionCode: { recheckId, criterionCode } },
          data: { remediationAction: action, remediationResponsible: responsible, remediationDueDate: toStoredDate(dueDate) },
          select: { remediationAction: true },
        }),
      );
    },
  };
}
