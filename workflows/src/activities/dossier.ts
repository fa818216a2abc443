import { ApplicationFailure } from '@temporalio/common';
import { dossierFailureTypes, type AppraisalCommand, type AttachDocumentCommand, type DossierWorkflowInput, type SelfAssessmentCommand } from '@ntm/contracts';
import { Prisma, type Db } from '@ntm/db';

/**
 * The dossier's record in PostgreSQL. Activities retry, so each write checks first whether the
 * command (dossier id + client command id) was already recorded, inside the same transaction.
 */
export function createDossierActivities(db: Db) {
  async function once(dossierId: string, commandId: string, write: (tx: Prisma.TransactionClient) => Promise<unknown>): Promise<void> {
    await db.$transaction(async (tx) => {
      const done = await tx.dossierEvent.findUnique({ where: { dossierId_commandId: { dossierId, commandId } }, select: { id: true } });
      if (!done) await write(tx);
    });
  }

  return {
    async createDossierRecord(input: DossierWorkflowInput): Promise<void> {
      if (await db.dossier.findUnique({ where: { id: input.dossierId }, select: { id: true } })) return;
      try {
        await db.$transaction([
          db.dossier.create({
            data: {
              id: input.dossierId,
              trackingCode: input.trackingCode,
              unitCode: input.unitCode,
              provinceCode: input.provinceCode,
              districtCode: input.districtCode,
              trackCode: input.trackCode,
              year: input.year,
              criteriaSetCode: input.criteriaSetCode,
              stage: input.stages[0]?.code ?? 'OPENING',
              openKey: `${input.unitCode}/${input.trackCode}/${input.year}`,
              createdBy: input.createdBy,
              stepBudgets: Object.fromEntries(Object.entries(input.durations).map(([stage, d]) => [stage, { amount: d.amount, unit: d.unit }])),
            },
          }),
          db.dossierEvent.create({
            data: { dossierId: input.dossierId, commandId: input.dossierId, type: 'dossier.opened', actor: input.createdBy, toStage: input.stages[0]?.code ?? 'OPENING', payload: { unitCode: input.unitCode, trackCode: input.trackCode, year: input.year } },
          }),
        ]);
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') {
          throw ApplicationFailure.nonRetryable(
            `Đơn vị đã có hồ sơ ${input.trackCode} năm ${input.year} đang mở; không tạo thêm hồ sơ thứ hai.`,
            dossierFailureTypes.alreadyOpen,
          );
        }
        throw e;
      }
    },

    async saveSelfAssessment(dossierId: string, command: SelfAssessmentCommand): Promise<void> {
      const { commandId, actor, criterionCode, met, explanation, indicators, evidenceIds } = command;
      await once(dossierId, commandId, async (tx) => {
        const data = { met, explanation, indicators, evidenceIds };
        await tx.criterionSelfAssessment.upsert({ where: { dossierId_criterionCode: { dossierId, criterionCode } }, create: { dossierId, criterionCode, ...data }, update: data });
        await tx.dossierEvent.create({ data: { dossierId, commandId, type: 'selfAssessment.recorded', actor, payload: { criterionCode, met } } });
      });
    },

    async attachDocument(dossierId: string, command: AttachDocumentCommand): Promise<void> {
      const { commandId, actor, documentCode, evidenceId } = command;
      await once(dossierId, commandId, async (tx) => {
        await tx.dossierDocument.upsert({ where: { dossierId_documentCode: { dossierId, documentCode } }, create: { dossierId, documentCode, evidenceId }, update: { evidenceId, attachedAt: new Date() } });
        await tx.dossierEvent.create({ data: { dossierId, commandId, type: 'document.attached', actor, payload: { documentCode, evidenceId } } });
      });
    },

    /** Moves the record to a new stage and writes the history entry, once per event id. */
    async recordStageChange(dossierId: string, eventId: string, actor: string, stage: string, type: string, payload: Prisma.InputJsonValue): Promise<void> {
      await once(dossierId, eventId, async (tx) => {
        const submitted = type === 'dossier.submitted' ? { submittedAt: new Date() } : {};
        await tx.dossier.update({ where: { id: dossierId }, data: { stage, ...submitted } });
        await tx.dossierEvent.create({ data: { dossierId, commandId: eventId, type, actor, payload, toStage: stage } });
      });
    },

    /** Posting, satisfaction or an attestation: kept on the dossier record and in its history. */
    async recordCondition(dossierId: string, commandId: string, actor: string, type: string, change: Record<string, unknown>): Promise<void> {
      await once(dossierId, commandId, async (tx) => {
        const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { attestations: true } });
        const data: Prisma.DossierUpdateInput = {};
        if (typeof change.postingStartedOn === 'string') data.postingStartedOn = new Date(change.postingStartedOn);
        if (typeof change.satisfactionPercent === 'number') data.satisfactionPercent = change.satisfactionPercent;
        const attestation = change.attestation as { kind: string } | undefined;
        if (attestation) data.attestations = { ...(dossier.attestations as Record<string, unknown>), [attestation.kind]: attestation } as Prisma.InputJsonValue;
        await tx.dossier.update({ where: { id: dossierId }, data });
        await tx.dossierEvent.create({ data: { dossierId, commandId, type, actor, payload: change as Prisma.InputJsonValue } });
      });
    },

    /** A history entry that changes no stage (a reminder, an escalation), once per event id. */
    async recordDossierEvent(dossierId: string, eventId: string, type: string, payload: Prisma.InputJsonValue): Promise<void> {
      await once(dossierId, eventId, (tx) => tx.dossierEvent.create({ data: { dossierId, commandId: eventId, type, actor: 'system', payload } }));
    },

    async openAppraisalTasks(dossierId: string, round: number, tasks: Array<{ departmentCode: string; criterionCodes: string[]; dueDate: string }>): Promise<void> {
      await once(dossierId, `appraisal/round-${round}/opened`, async (tx) => {
        await tx.appraisalTask.createMany({
          data: tasks.map((t) => ({ dossierId, round, departmentCode: t.departmentCode, criterionCodes: t.criterionCodes, dueDate: new Date(t.dueDate) })),
        });
        await tx.dossierEvent.create({ data: { dossierId, commandId: `appraisal/round-${round}/opened`, type: 'appraisal.opened', actor: 'system', payload: { round, tasks } } });
      });
    },

    async saveAppraisalVerdict(dossierId: string, round: number, command: AppraisalCommand): Promise<void> {
      const { commandId, actor, departmentCode, criterionCode, verdict, reason } = command;
      await once(dossierId, commandId, async (tx) => {
        const key = { dossierId_round_departmentCode_criterionCode: { dossierId, round, departmentCode, criterionCode } };
        await tx.appraisalVerdict.upsert({ where: key, create: { dossierId, round, departmentCode, criterionCode, verdict, reason, actor }, update: { verdict, reason, actor } });
        await tx.dossierEvent.create({ data: { dossierId, commandId, type: 'appraisal.verdict', actor, payload: { round, departmentCode, criterionCode, verdict, reason } } });
      });
    },

    async closeAppraisalTask(dossierId: string, round: number, departmentCode: string): Promise<void> {
      await db.appraisalTask.updateMany({ where: { dossierId, round, departmentCode, closedAt: null }, data: { closedAt: new Date() } });
    },
  };
}
