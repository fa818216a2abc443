import { ApplicationFailure } from '@temporalio/common';
import { dossierFailureTypes, HistoryEvent, type DecisionCommand, type RecordedBy } from '@ntm/contracts';
import { fromStoredDate, toStoredDate } from '@ntm/domain';
import { dossierRecorder } from './dossier.js';
import { decisionDocument, loadDecisionSetting, signerProblem } from '@ntm/catalog';
import { Prisma, type Db } from '@ntm/db';
import { renderDecisionPdf } from '@ntm/documents';
import { objectKeys, type Storage } from '@ntm/storage';
import { Readable } from 'node:stream';

export interface DecisionDeps {
  db: Db;
  storage: Storage;
  /** Base of the public verification page printed in the decision's QR code. */
  publicBaseUrl: string;
}

/** Writing the decision, its PDF (with SHA-256) and the recognition; each step safe to retry. */
export function createDecisionActivities({ db, storage, publicBaseUrl }: DecisionDeps) {
  const recordOnce = dossierRecorder(db);
  return {
    async recordDecision(dossierId: string, command: DecisionCommand): Promise<void> {
      if (await db.decision.findUnique({ where: { id: command.commandId }, select: { id: true } })) return;
      const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
      if (command.outcome === 'recognise') {
        // The decision must be writable in the province's form before anything is recorded.
        const loaded = await loadDecisionSetting(db, dossier);
        const problems = 'problems' in loaded ? loaded.problems : [signerProblem(loaded.setting, command.signerTitle)].filter((p) => p !== null);
        if (problems.length > 0) throw ApplicationFailure.nonRetryable(problems.join(' '), dossierFailureTypes.decisionFormIncomplete);
      }
      const data =
        command.outcome === 'recognise'
          ? {
              outcome: 'recognised',
              number: command.number,
              signedOn: toStoredDate(command.date),
              signedYear: Number(command.date.slice(0, 4)),
              signer: command.signer,
              signerTitle: command.signerTitle,
              effectiveOn: toStoredDate(command.effectiveDate),
              // Commands recorded before the submission was asked for carry neither field.
              submissionNumber: command.submissionNumber ?? null,
              submissionDate: command.submissionDate ? toStoredDate(command.submissionDate) : null,
            }
          : { outcome: 'refused', reasons: command.reasons };
      try {
        await db.decision.create({ data: { id: command.commandId, dossierId, provinceCode: dossier.provinceCode, ...data } });
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' && command.outcome === 'recognise') {
          throw ApplicationFailure.nonRetryable(`Số quyết định ${command.number} đã được dùng trong năm ${command.date.slice(0, 4)} của tỉnh.`, dossierFailureTypes.duplicateDecisionNumber);
        }
        throw e;
      }
    },

    /** Renders the decision PDF, stores it and records its SHA-256; rendering is deterministic. */
    async renderDecisionDocument(dossierId: string, decisionId: string): Promise<void> {
      const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
      if (decision.pdfSha256) return;
      const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
      const loaded = await loadDecisionSetting(db, dossier);
      if ('problems' in loaded) throw ApplicationFailure.nonRetryable(loaded.problems.join(' '), dossierFailureTypes.decisionFormIncomplete);
      const iso = (d: Date | null) => fromStoredDate(d ?? new Date(0));
      const pdf = await renderDecisionPdf(
        decisionDocument(loaded.setting, {
          number: decision.number ?? '',
          date: iso(decision.signedOn),
          effectiveDate: iso(decision.effectiveOn),
          signer: decision.signer ?? '',
          signerTitle: decision.signerTitle ?? '',
          year: dossier.year,
          submissionNumber: decision.submissionNumber,
          submissionDate: decision.submissionDate && iso(decision.submissionDate),
          verifyUrl: `${publicBaseUrl}/public/decisions/${decision.id}`,
        }),
      );
      const stored = await storage.putStream(objectKeys.decision(dossierId, decisionId), Readable.from([pdf]), 'application/pdf');
      await db.decision.update({ where: { id: decisionId }, data: { pdfKey: stored.key, pdfSha256: stored.sha256 } });
    },

    /** Closes the dossier and, for a recognition, records the unit's new standing. */
    async publishDecision(dossierId: string, decisionId: string, by: RecordedBy, stage: string): Promise<void> {
      const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
      const recognised = decision.outcome === 'recognised';
      await recordOnce(
        dossierId,
        {
          commandId: decisionId,
          type: recognised ? HistoryEvent.decisionRecognised : HistoryEvent.decisionRefused,
          by,
          toStage: stage,
          payload: { number: decision.number, signedOn: decision.signedOn ? fromStoredDate(decision.signedOn) : null, reasons: decision.reasons, sha256: decision.pdfSha256 },
        },
        async (tx) => {
          const before = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { stage: true } });
          const dossier = await tx.dossier.update({ where: { id: dossierId }, data: { stage, openKey: null, decidedAt: new Date() } });
          if (recognised) {
            await tx.recognition.create({ data: { unitCode: dossier.unitCode, trackCode: dossier.trackCode, year: dossier.year, decisionId, status: 'active', origin: 'issued', recognisedOn: decision.effectiveOn ?? decision.signedOn } });
          }
          return before;
        },
      );
    },
  };
}
