import { ApplicationFailure } from '@temporalio/common';
import { Readable } from 'node:stream';
import { HistoryEvent, dossierFailureTypes, type RecheckPlan, type RecordedBy, type RevocationCommand } from '@ntm/contracts';
import { Prisma, appendAudit, type Db } from '@ntm/db';
import { RecheckOutcome, RecheckStage, StageKind, fromStoredDate, toStoredDate } from '@ntm/domain';
import { renderRevocationPdf } from '@ntm/documents';
import { objectKeys, type Storage } from '@ntm/storage';
import { decisionDocument, loadDecisionSetting, signerProblem } from '@ntm/catalog';
import type { DecisionDeps } from './decision.js';

/** The decision setting of a re-check's unit: the province's form for the track, as a recognition decision reads it. */
async function settingOf(db: Db, recheck: { plan: unknown; provinceCode: string; districtCode: string | null; unitCode: string; trackCode: string }) {
  const plan = recheck.plan as RecheckPlan;
  const decidingLevel = plan.stages.find((s) => s.kind === StageKind.decision)?.decidingLevel ?? 'province';
  return loadDecisionSetting(db, { plan: null, provinceCode: recheck.provinceCode, districtCode: recheck.districtCode, unitCode: recheck.unitCode, trackCode: recheck.trackCode, criteriaSetCode: plan.criteriaSetCode, decidingLevel });
}

/** The decision on a proposed revocation: recorded, rendered as a PDF (with SHA-256) and applied to the unit's standing; each step safe to retry. */
export function createRevocationActivities({ db, storage, publicBaseUrl }: DecisionDeps & { storage: Storage }) {
  return {
    async recordRevocationDecision(recheckId: string, command: RevocationCommand): Promise<void> {
      if (await db.revocationDecision.findUnique({ where: { id: command.commandId }, select: { id: true } })) return;
      const recheck = await db.recheck.findUniqueOrThrow({ where: { id: recheckId } });
      const common = { id: command.commandId, recheckId, provinceCode: recheck.provinceCode, unitCode: recheck.unitCode, trackCode: recheck.trackCode, recognitionId: recheck.recognitionId, reasons: command.reasons, decidedBy: command.actor };
      if (command.outcome === 'keep') {
        await db.revocationDecision.create({ data: { ...common, outcome: RecheckOutcome.kept } });
        return;
      }
      const loaded = await settingOf(db, recheck);
      const problems = 'problems' in loaded ? loaded.problems : [signerProblem(loaded.setting, command.signerTitle)].filter((p) => p !== null);
      if (problems.length > 0) throw ApplicationFailure.nonRetryable(problems.join(' '), dossierFailureTypes.decisionFormIncomplete);
      const signedYear = Number(command.date.slice(0, 4));
      // One numbering per province and year with the recognition decisions.
      const taken = await db.decision.findFirst({ where: { provinceCode: recheck.provinceCode, signedYear, number: command.number }, select: { id: true } });
      const duplicate = () => ApplicationFailure.nonRetryable(`Số quyết định ${command.number} đã được dùng trong năm ${signedYear} của tỉnh.`, dossierFailureTypes.duplicateDecisionNumber);
      if (taken) throw duplicate();
      try {
        await db.revocationDecision.create({
          data: { ...common, outcome: RecheckOutcome.revoked, number: command.number, signedOn: toStoredDate(command.date), signedYear, signer: command.signer, signerTitle: command.signerTitle, effectiveOn: toStoredDate(command.effectiveDate) },
        });
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw duplicate();
        throw e;
      }
    },

    /** Renders the revocation decision in the province's form, stores it and records its SHA-256; rendering is deterministic. */
    async renderRevocationDocument(recheckId: string, decisionId: string): Promise<void> {
      const decision = await db.revocationDecision.findUniqueOrThrow({ where: { id: decisionId } });
      if (decision.pdfSha256) return;
      const recheck = await db.recheck.findUniqueOrThrow({ where: { id: recheckId } });
      const loaded = await settingOf(db, recheck);
      if ('problems' in loaded) throw ApplicationFailure.nonRetryable(loaded.problems.join(' '), dossierFailureTypes.decisionFormIncomplete);
      const recognition = await db.recognition.findUniqueOrThrow({ where: { id: recheck.recognitionId } });
      const [issued, registered, merged] = await Promise.all([
        db.decision.findUnique({ where: { id: recognition.decisionId }, select: { number: true, signedOn: true } }),
        db.registeredDecision.findUnique({ where: { id: recognition.decisionId }, select: { number: true, signedOn: true } }),
        db.mergerDecision.findUnique({ where: { id: recognition.decisionId }, select: { number: true, signedOn: true } }),
      ]);
      const revoked = issued ?? registered ?? merged;
      const iso = (d: Date | null | undefined) => (d ? fromStoredDate(d) : '');
      const base = decisionDocument(loaded.setting, {
        number: decision.number ?? '',
        date: iso(decision.signedOn),
        effectiveDate: iso(decision.effectiveOn),
        signer: decision.signer ?? '',
        signerTitle: decision.signerTitle ?? '',
        year: recognition.year,
        submissionNumber: null,
        submissionDate: null,
        verifyUrl: `${publicBaseUrl}/public/decisions/${decision.id}`,
      });
      const pdf = await renderRevocationPdf({
        ...base,
        revoked: { number: revoked?.number ?? null, date: revoked?.signedOn ? fromStoredDate(revoked.signedOn) : null, year: recognition.year },
        recheckYear: recheck.year,
        reasons: decision.reasons,
      });
      const stored = await storage.putStream(objectKeys.revocationDecision(recheckId, decisionId), Readable.from([pdf]), 'application/pdf');
      await db.revocationDecision.update({ where: { id: decisionId }, data: { pdfKey: stored.key, pdfSha256: stored.sha256 } });
    },

    /** Closes the re-check; a revocation ends the unit's standing from its effective day, which later campaigns read. */
    async publishRevocationDecision(recheckId: string, decisionId: string, by: RecordedBy): Promise<void> {
      const decision = await db.revocationDecision.findUniqueOrThrow({ where: { id: decisionId } });
      const revoked = decision.outcome === RecheckOutcome.revoked;
      await db.$transaction(async (tx) => {
        const done = await tx.recheckEvent.findUnique({ where: { recheckId_commandId: { recheckId, commandId: decisionId } }, select: { id: true } });
        if (done) return;
        const before = await tx.recheck.findUniqueOrThrow({ where: { id: recheckId }, select: { stage: true, outcome: true, unitCode: true, recognitionId: true } });
        await tx.recheck.update({ where: { id: recheckId }, data: { stage: RecheckStage.closed, outcome: decision.outcome, closedAt: new Date() } });
        if (revoked) {
          await tx.recognition.update({ where: { id: before.recognitionId }, data: { status: 'revoked', revokedOn: decision.effectiveOn ?? decision.signedOn, revocationDecisionId: decision.id } });
        }
        const payload = { decisionId, number: decision.number, signedOn: decision.signedOn ? fromStoredDate(decision.signedOn) : null, effectiveOn: decision.effectiveOn ? fromStoredDate(decision.effectiveOn) : null, reasons: decision.reasons, sha256: decision.pdfSha256 };
        const type = revoked ? HistoryEvent.recognitionRevoked : HistoryEvent.recognitionKept;
        await tx.recheckEvent.create({ data: { recheckId, commandId: decisionId, type, actor: by.actor, payload, toStage: RecheckStage.closed } });
        await appendAudit(tx, { ...by, unitCode: before.unitCode, dossierId: null, command: type, summary: { before: { stage: before.stage, outcome: before.outcome }, after: { recheckId, ...payload } } });
      });
    },
  };
}
