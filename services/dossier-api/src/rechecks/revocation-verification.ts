import type { Db } from '@ntm/db';
import { fromStoredDate } from '@ntm/domain';
import type { VerifiedDecision } from '../dossiers/verification-page.js';

/** The standing of the recognition a decision made: active, or revoked from a day by a decision. */
export async function readRevocation(db: Db, recognitionDecisionId: string): Promise<Pick<VerifiedDecision, 'recognitionStatus' | 'revokedOn' | 'revocationNumber'>> {
  const r = await db.recognition.findUnique({ where: { decisionId: recognitionDecisionId }, select: { status: true, revokedOn: true, revocationDecisionId: true } });
  if (r?.status !== 'revoked') return { recognitionStatus: 'active', revokedOn: null, revocationNumber: null };
  const decision = r.revocationDecisionId ? await db.revocationDecision.findUnique({ where: { id: r.revocationDecisionId }, select: { number: true } }) : null;
  return { recognitionStatus: 'revoked', revokedOn: r.revokedOn ? fromStoredDate(r.revokedOn) : null, revocationNumber: decision?.number ?? null };
}

/** What the public verification page shows of a revocation decision (its QR code's address); null when there is none. */
export async function readRevocationVerification(db: Db, decisionId: string): Promise<(VerifiedDecision & { decisionId: string }) | null> {
  const d = await db.revocationDecision.findUnique({ where: { id: decisionId } });
  if (!d || d.outcome !== 'revoked' || !d.number || !d.signedOn) return null;
  const [unit, track, recognition] = await Promise.all([
    db.administrativeUnit.findUnique({ where: { code: d.unitCode }, select: { name: true } }),
    db.track.findUnique({ where: { code: d.trackCode }, select: { name: true } }),
    db.recognition.findUnique({ where: { id: d.recognitionId }, select: { year: true } }),
  ]);
  return {
    decisionId: d.id,
    number: d.number,
    date: fromStoredDate(d.signedOn),
    unitName: unit?.name ?? d.unitCode,
    trackName: track?.name ?? d.trackCode,
    year: recognition?.year ?? 0,
    sha256: d.pdfSha256,
    recognitionStatus: 'revoked',
    registered: false,
    kind: 'revocation',
    revokedOn: d.effectiveOn ? fromStoredDate(d.effectiveOn) : null,
    revocationNumber: d.number,
  };
}
