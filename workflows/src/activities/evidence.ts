import { log } from '@temporalio/activity';
import { HistoryEvent, systemSender } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import type { Storage } from '@ntm/storage';
import { recordOnce } from './dossier.js';

/** What happens to a dossier's files in storage as the dossier moves on. */
export function createEvidenceActivities({ db, storage }: { db: Db; storage: Storage }) {
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
      let held = 0;
      for (const { objectKey } of files) if (await storage.hold(objectKey)) held++;
      const objectLocking = await storage.lockingEnabled();
      if (!objectLocking) log.warn('the evidence bucket has no object locking: submitted evidence is protected by the evidence API only', { dossierId, bucket: storage.bucket });
      await recordOnce(db, dossierId, { commandId: `${submitCommandId}/evidence-held`, type: HistoryEvent.evidenceHeld, by: systemSender, payload: { files: files.length, held, objectLocking } });
      return { files: files.length, held };
    },
  };
}
