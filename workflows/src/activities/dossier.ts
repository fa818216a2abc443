import { ApplicationFailure } from '@temporalio/common';
import {
  HistoryEvent, SystemStage, dossierFailureTypes, dossierPlanOf, senderOf, systemSender, type HistoryEvent as HistoryEventType, type AppraisalCommand, type AttachDocumentCommand, type DossierWorkflowInput, type RecordedBy, type SelfAssessmentCommand,
} from '@ntm/contracts';
import { Prisma, appendAudit, type Db } from '@ntm/db';
import { dossierScopeOf, toStoredDate, type DossierScope } from '@ntm/domain';

/** The scope as the dossier row keeps it (packages/access reads it back). */
const storedScope = ({ unitChain, unitLevel, decidingLevel, selfAssessmentLevel, confirmationLevel = 'district', appraisers }: DossierScope) => ({
  unitChain: [...unitChain],
  unitLevel,
  decidingLevel,
  selfAssessmentLevel,
  confirmationLevel,
  appraisers: appraisers.map(({ departmentCode, criterionCodes }) => ({ departmentCode, criterionCodes: [...criterionCodes] })),
});

/** One entry of a dossier's history: written with the change it describes, once per command id. */
export interface DossierEventEntry {
  commandId: string;
  type: HistoryEventType;
  by: RecordedBy;
  payload: Prisma.InputJsonValue;
  /** Set when the dossier moved to another stage: the process-control record reads it. */
  toStage?: string;
  /** When it happened, as the workflow dated it (ISO); the time of writing otherwise. */
  occurredAt?: string;
}

/** The history entry's row, as written for `event` on `dossierId`. */
const eventRow = (dossierId: string, event: DossierEventEntry) => ({
  dossierId,
  commandId: event.commandId,
  type: event.type,
  actor: event.by.actor,
  payload: event.payload,
  toStage: event.toStage ?? null,
  ...(event.occurredAt ? { occurredAt: new Date(event.occurredAt) } : {}),
});

/** The audit row's summary of a change: what it replaced and what it wrote. */
const auditOf = (dossierId: string, unitCode: string, event: DossierEventEntry, before: unknown) =>
  ({ ...event.by, unitCode, dossierId, command: event.type, summary: { before, after: event.payload } }) as const;

type Write = (tx: Prisma.TransactionClient) => Promise<unknown>;
type Recorder = (dossierId: string, event: DossierEventEntry, write?: Write) => Promise<void>;

/** One recorder per database client, shared by the dossier, evidence and decision activities: one cache of units. */
const recorders = new WeakMap<Db, Recorder>();

/**
 * Writes a dossier's changes with their history entry and audit-trail row, each in one
 * transaction, once per command (dossier id + command id): activities retry.
 *
 * The history entry is written first, as the claim: when the command's row is already there it
 * inserts nothing and nothing else is written. `write` answers what the change replaced, for the
 * audit trail's before/after summary. A dossier's unit never changes once it is opened, so it is
 * read once per dossier and kept (bounded, oldest first out) rather than read on every command.
 */
export function dossierRecorder(db: Db) {
  let recorder = recorders.get(db);
  if (!recorder) recorders.set(db, (recorder = newRecorder(db)));
  return recorder;
}

function newRecorder(db: Db, maxKnownUnits = 20_000): Recorder {
  const units = new Map<string, string>();
  async function unitOf(tx: Prisma.TransactionClient, dossierId: string): Promise<string> {
    const known = units.get(dossierId);
    if (known !== undefined) return known;
    const { unitCode } = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { unitCode: true } });
    if (units.size >= maxKnownUnits) units.delete(units.keys().next().value as string);
    units.set(dossierId, unitCode);
    return unitCode;
  }

  return async function recordOnce(dossierId: string, event: DossierEventEntry, write?: Write): Promise<void> {
    await db.$transaction(async (tx) => {
      const claimed = await tx.dossierEvent.createMany({ data: [eventRow(dossierId, event)], skipDuplicates: true });
      if (claimed.count === 0) return;
      const before = (await write?.(tx)) ?? null;
      await appendAudit(tx, auditOf(dossierId, await unitOf(tx, dossierId), event, before));
    });
  };
}

/**
 * The dossier's record in PostgreSQL. Activities retry, so each write is done once per command
 * (dossier id + client command id): its history entry claims the command in the same transaction.
 */
export function createDossierActivities(db: Db) {
  const once = dossierRecorder(db);

  return {
    async createDossierRecord(input: DossierWorkflowInput): Promise<void> {
      const opened: DossierEventEntry = {
        commandId: input.dossierId,
        type: HistoryEvent.dossierOpened,
        by: input.openedBy,
        toStage: input.stages[0]?.code ?? SystemStage.opening,
        payload: { unitCode: input.unitCode, trackCode: input.trackCode, year: input.year, criteriaSetCode: input.criteriaSetCode },
      };
      try {
        // The dossier's row comes before its first history entry (which refers to it), so the
        // opening checks for an earlier attempt by the row rather than by the entry.
        await db.$transaction(async (tx) => {
          if (await tx.dossier.findUnique({ where: { id: input.dossierId }, select: { id: true } })) return;
          await tx.dossier.create({
            data: {
              id: input.dossierId,
              trackingCode: input.trackingCode,
              unitCode: input.unitCode,
              provinceCode: input.provinceCode,
              districtCode: input.districtCode,
              trackCode: input.trackCode,
              year: input.year,
              criteriaSetCode: input.criteriaSetCode,
              stage: input.stages[0]?.code ?? SystemStage.opening,
              openKey: `${input.unitCode}/${input.trackCode}/${input.year}`,
              createdBy: input.openedBy.actor,
              stepBudgets: Object.fromEntries(Object.entries(input.durations).map(([stage, d]) => [stage, { amount: d.amount, unit: d.unit }])),
              ...storedScope(dossierScopeOf(input)),
              appraiserDepartments: input.appraisers.map((a) => a.departmentCode),
              plan: dossierPlanOf(input),
            },
          });
          await tx.dossierEvent.create({ data: eventRow(input.dossierId, opened) });
          await appendAudit(tx, auditOf(input.dossierId, input.unitCode, opened, null));
        });
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
      const { commandId, criterionCode, met, explanation, indicators, evidenceIds } = command;
      await once(dossierId, { commandId, type: HistoryEvent.selfAssessmentRecorded, by: senderOf(command), payload: { criterionCode, met, evidenceIds } }, async (tx) => {
        const data = { met, explanation, indicators, evidenceIds };
        const key = { dossierId_criterionCode: { dossierId, criterionCode } };
        const before = await tx.criterionSelfAssessment.findUnique({ where: key, select: { met: true, evidenceIds: true } });
        await tx.criterionSelfAssessment.upsert({ where: key, create: { dossierId, criterionCode, ...data }, update: data });
        return before;
      });
    },

    async attachDocument(dossierId: string, command: AttachDocumentCommand): Promise<void> {
      const { commandId, documentCode, evidenceId } = command;
      await once(dossierId, { commandId, type: HistoryEvent.documentAttached, by: senderOf(command), payload: { documentCode, evidenceId } }, async (tx) => {
        const key = { dossierId_documentCode: { dossierId, documentCode } };
        const before = await tx.dossierDocument.findUnique({ where: key, select: { evidenceId: true } });
        await tx.dossierDocument.upsert({ where: key, create: { dossierId, documentCode, evidenceId }, update: { evidenceId, attachedAt: new Date() } });
        return before;
      });
    },

    /**
     * Moves the record to a new stage and writes the history entry, once per event id; dated
     * `occurredAt` when the workflow gives it (the due dates it computed count from that instant).
     */
    async recordStageChange(dossierId: string, eventId: string, by: RecordedBy, stage: string, type: HistoryEventType, payload: Prisma.InputJsonValue, occurredAt?: string): Promise<void> {
      await once(dossierId, { commandId: eventId, type, by, payload, toStage: stage, ...(occurredAt ? { occurredAt } : {}) }, async (tx) => {
        const submitted = type === HistoryEvent.dossierSubmitted ? { submittedAt: occurredAt ? new Date(occurredAt) : new Date() } : {};
        const before = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { stage: true } });
        await tx.dossier.update({ where: { id: dossierId }, data: { stage, ...submitted } });
        return before;
      });
    },

    /** Posting, satisfaction or an attestation: kept on the dossier record and in its history. */
    async recordCondition(dossierId: string, commandId: string, by: RecordedBy, type: HistoryEventType, change: Record<string, unknown>): Promise<void> {
      await once(dossierId, { commandId, type, by, payload: change as Prisma.InputJsonValue }, async (tx) => {
        const dossier = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { attestations: true, postingStartedOn: true, satisfactionPercent: true } });
        const data: Prisma.DossierUpdateInput = {};
        if (typeof change.postingStartedOn === 'string') data.postingStartedOn = toStoredDate(change.postingStartedOn);
        if (typeof change.satisfactionPercent === 'number') data.satisfactionPercent = change.satisfactionPercent;
        const attestation = change.attestation as { kind: string } | undefined;
        if (attestation) data.attestations = { ...(dossier.attestations as Record<string, unknown>), [attestation.kind]: attestation } as Prisma.InputJsonValue;
        await tx.dossier.update({ where: { id: dossierId }, data });
        return dossier;
      });
    },

    /** A history entry that changes no stage (a reminder, an escalation), once per event id. */
    async recordDossierEvent(dossierId: string, eventId: string, type: HistoryEventType, payload: Prisma.InputJsonValue): Promise<void> {
      await once(dossierId, { commandId: eventId, type, by: systemSender, payload });
    },

    async openAppraisalTasks(dossierId: string, round: number, tasks: Array<{ departmentCode: string; criterionCodes: string[]; dueDate: string }>): Promise<void> {
      await once(dossierId, { commandId: `appraisal/round-${round}/opened`, type: HistoryEvent.appraisalOpened, by: systemSender, payload: { round, tasks } }, async (tx) => {
        await tx.appraisalTask.createMany({
          data: tasks.map((t) => ({ dossierId, round, departmentCode: t.departmentCode, criterionCodes: t.criterionCodes, dueDate: toStoredDate(t.dueDate) })),
        });
        return null;
      });
    },

    async saveAppraisalVerdict(dossierId: string, round: number, command: AppraisalCommand): Promise<void> {
      const { commandId, actor, departmentCode, criterionCode, verdict, reason } = command;
      await once(dossierId, { commandId, type: HistoryEvent.appraisalVerdict, by: senderOf(command), payload: { round, departmentCode, criterionCode, verdict, reason } }, async (tx) => {
        const key = { dossierId_round_departmentCode_criterionCode: { dossierId, round, departmentCode, criterionCode } };
        const before = await tx.appraisalVerdict.findUnique({ where: key, select: { verdict: true, reason: true } });
        await tx.appraisalVerdict.upsert({ where: key, create: { dossierId, round, departmentCode, criterionCode, verdict, reason, actor }, update: { verdict, reason, actor } });
        return before;
      });
    },

    async closeAppraisalTask(dossierId: string, round: number, departmentCode: string): Promise<void> {
      await db.appraisalTask.updateMany({ where: { dossierId, round, departmentCode, closedAt: null }, data: { closedAt: new Date() } });
    },
  };
}
