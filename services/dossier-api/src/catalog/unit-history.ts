import type { UnitDetail } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { fromStoredDate, type HeldRecognition } from '@ntm/domain';

const isoDate = (d: Date | null | undefined) => (d ? fromStoredDate(d) : null);

/** A recognition as the unit's detail shows it: where its decision came from as well. */
type UnitRecognition = HeldRecognition & { origin: 'issued' | 'registered'; revocationDecisionId: string | null };

/**
 * The recognitions the units hold or held, newest first, each with its decision: a dossier's
 * decision, a provincial decision recognising a merged unit, or a decision registered from before
 * the system.
 */
export async function readRecognitions(db: Db, unitCodes: readonly string[]): Promise<Map<string, UnitRecognition[]>> {
  const recognitions = await db.recognition.findMany({ where: { unitCode: { in: [...unitCodes] } }, orderBy: { createdAt: 'desc' } });
  const ids = recognitions.map((r) => r.decisionId);
  const [decisions, mergerDecisions, registered] = await Promise.all([
    db.decision.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, signedOn: true, effectiveOn: true } }),
    db.mergerDecision.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, signedOn: true } }),
    db.registeredDecision.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, signedOn: true } }),
  ]);
  const decisionOf = new Map([...decisions, ...[...mergerDecisions, ...registered].map((d) => ({ ...d, effectiveOn: d.signedOn }))].map((d) => [d.id, d]));
  const byUnit = new Map<string, UnitRecognition[]>(unitCodes.map((c) => [c, []]));
  for (const r of recognitions) {
    const d = decisionOf.get(r.decisionId);
    byUnit.get(r.unitCode)?.push({
      trackCode: r.trackCode,
      year: r.year,
      status: r.status === 'revoked' ? 'revoked' : 'active',
      decisionId: r.decisionId,
      decisionNumber: d?.number ?? null,
      signedOn: isoDate(d?.signedOn),
      effectiveOn: isoDate(d?.effectiveOn),
      origin: r.origin === 'registered' ? 'registered' : 'issued',
      revokedOn: isoDate(r.revokedOn),
      revocationDecisionId: r.revocationDecisionId,
    });
  }
  return byUnit;
}

const toView = ({ trackCode, year, status, decisionId, decisionNumber, signedOn, origin, revokedOn, revocationDecisionId }: UnitRecognition) => ({
  trackCode, year, status, decisionId, decisionNumber, signedOn, origin, revokedOn: revokedOn ?? null, revocationDecisionId,
});

/** A unit's own recognitions, the units that merged into it with theirs, and the units it merged into. */
export async function readUnitHistory(db: Db, unitCode: string): Promise<Pick<UnitDetail, 'recognitions' | 'formerUnits' | 'mergedInto'>> {
  const [former, into] = await Promise.all([
    db.unitMerger.findMany({ where: { newUnitCode: unitCode }, orderBy: { formerUnitCode: 'asc' } }),
    db.unitMerger.findMany({ where: { formerUnitCode: unitCode }, orderBy: { newUnitCode: 'asc' } }),
  ]);
  const units = await db.administrativeUnit.findMany({ where: { code: { in: [...former.map((m) => m.formerUnitCode), ...into.map((m) => m.newUnitCode)] } } });
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const held = await readRecognitions(db, [unitCode, ...former.map((m) => m.formerUnitCode)]);
  return {
    recognitions: (held.get(unitCode) ?? []).map(toView),
    formerUnits: former.flatMap((m) => {
      const u = unitOf.get(m.formerUnitCode);
      if (!u) return [];
      return [{
        code: u.code,
        name: u.name,
        level: u.level as UnitDetail['level'],
        parentCode: u.parentCode,
        validTo: isoDate(u.validTo),
        mergedOn: isoDate(m.effectiveOn) ?? '',
        recognitions: (held.get(u.code) ?? []).map(toView),
      }];
    }),
    mergedInto: into.map((m) => ({ code: m.newUnitCode, name: unitOf.get(m.newUnitCode)?.name ?? m.newUnitCode, mergedOn: isoDate(m.effectiveOn) ?? '' })),
  };
}
