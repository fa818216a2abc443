import { log } from '@temporalio/activity';
import { HistoryEvent, systemSender } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import type { Storage } from '@ntm/storage';
import { dossierRecorder } from './dossier.js';
import { recordRecheckOnce } from './recheck.js';

/**
 * Puts each object under legal hold (idempotent) and answers what the history entry says: how many
 * files, how many held, whether the bucket locks objects at all (a warning when it does not).
 */
async function holdAll(storage: Storage, files: ReadonlyArray<{ objectKey: string }>, owner: Record<string, string>) {
  let held = 0;
  for (const { objectKey } of files) if (await storage.hold(objectKey)) held++;
  const objectLocking = await storage.lockingEnabled();
  if (!objectLocking) log.warn('the evidence bucket has no object locking: submitted evidence is protected by the evidence API only', { ...owner, bucket: storage.bucket });
  return { files: files.length, held, objectLocking };
}

/** What happens to a dossier's or a re-check's files in storage as it moves on. */
export function createEvidenceActivities({ db, storage }: { db: Db; storage: Storage }) {
  const recordOnce = dossierRecorder(db);
  return {
    /**
     * Puts every file that went out with the dossier's latest submission under legal hold, so the
     * store itself refuses to delete or overwrite it (the evidence API refuses too). Holding is
     * idempotent and the history entry is written once per submission, so a retry changes nothing.
     * A bucket made before object locking existed holds nothing: the entry says so.
     */
    async holdSubmittedEvidence(dossierId: string, submitCommandId: string): Promise<{ files: number; held: number }> {
      const { submittedAt } = await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { submittedAt: true } });
      const files = submittedAt ? await db.evidence.findMany({ where: { dossierId, uploadedAt: { lte: submittedAt } }, select: { objectKey: true } }) : [];
      const payload = await holdAll(storage, files, { dossierId });
      await recordOnce(dossierId, { commandId: `${submitCommandId}/evidence-held`, type: HistoryEvent.evidenceHeld, by: systemSender, payload });
      return { files: payload.files, held: payload.held };
    },

    /**
     * The same for a re-check: every file uploaded to it by the time the unit sent its re-assessment
     * (or its request for re-appraisal, the command `commandId`) goes under legal hold; the files it
     * carries over were held when they went out with their dossier or earlier re-check.
     */
    async holdRecheckEvidence(recheckId: string, commandId: string): Promise<{ files: number; held: number }> {
      const sent = await db.recheckEvent.findUnique({ where: { recheckId_commandId: { recheckId, commandId } }, select: { occurredAt: true } });
      const files = sent ? await db.evidence.findMany({ where: { recheckId, uploadedAt: { lte: sent.occurredAt } }, select: { objectKey: true } }) : [];
      const payload = await holdAll(storage, files, { recheckId });
      await recordRecheckOnce(db, recheckId, { eventId: `${commandId}/evidence-held`, type: HistoryEvent.evidenceHeld, by: systemSender, payload });
      return { files: payload.files, held: payload.held };
    },
  };
}
