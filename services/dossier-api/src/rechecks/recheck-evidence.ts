import type { RecheckPlan } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { carriedEvidenceIds, foreignEvidenceIds } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';

/**
 * Every evidence file a re-assessment cites must be the re-check's: uploaded to it, or carried over
 * from the unit's last values (the previous re-check's or the recognising dossier's). Otherwise a
 * 422 naming each id, as a dossier's self-assessment citing another dossier's file.
 */
export async function requireRecheckEvidence(db: Db, recheckId: string, plan: RecheckPlan, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  const own = await db.evidence.findMany({ where: { recheckId, id: { in: [...ids] } }, select: { id: true } });
  const foreign = foreignEvidenceIds(ids, new Set(own.map((e) => e.id)), carriedEvidenceIds(plan.criteria));
  if (foreign.length > 0) {
    throw new HttpProblem(
      'unprocessable',
      `Có minh chứng không thuộc lượt rà soát này: ${foreign.join(', ')}. Chỉ dẫn minh chứng đã tải lên cho lượt rà soát hoặc minh chứng của kết quả được đánh giá lần trước.`,
      foreign.map((id) => ({ location: `body.evidenceIds.${ids.indexOf(id)}`, message: `không có minh chứng "${id}" trong lượt rà soát hay kết quả năm trước` })),
    );
  }
}
