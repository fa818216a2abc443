import type { Db } from '@ntm/db';
import type { VerifiedDecision } from '../dossiers/verification-page.js';
import { fromStoredDate } from '@ntm/domain';
import { readRevocation } from '../rechecks/revocation-verification.js';

/** What the public verification page shows of a registered earlier decision; null when there is none. */
export async function readRegisteredVerification(db: Db, decisionId: string): Promise<(VerifiedDecision & { decisionId: string }) | null> {
  const d = await db.registeredDecision.findUnique({ where: { id: decisionId } });
  if (!d) return null;
  const [unit, track, recognition] = await Promise.all([
    db.administrativeUnit.findUnique({ where: { code: d.unitCode }, select: { name: true } }),
    db.track.findUnique({ where: { code: d.trackCode }, select: { name: true } }),
    readRevocation(db, decisionId),
  ]);
  return {
    decisionId: d.id,
    number: d.number,
    date: fromStoredDate(d.signedOn),
    unitName: unit?.name ?? d.unitCode,
    trackName: track?.name ?? d.trackCode,
    year: d.year,
    sha256: d.pdfSha256,
    ...recognition,
    registered: true,
    kind: 'recognition',
  };
}
