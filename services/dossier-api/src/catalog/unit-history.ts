import type { UnitDetail } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import type { HeldRecognition } from '@ntm/domain';

const isoDate = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/**
 * The recognitions the units hold or held, newest first, each with its decision: a dossier's
 * decision or a provincial decision recognising a merged unit.
 */
export async function readRecognitions(db: Db, unitCodes: readonly string[]): Promise<Map<string, HeldRecognition[]>> {
  const recognitions = await db.recognition.findMany({ where: { unitCode: { in: [...unitCodes] } }, orderBy: { createdAt: 'desc' } });
  const ids = recognitions.map((r) => r.decisionId);
  const [decisions, mergerDecisions] = await Promise.all([
    db.decision.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, signedOn: true, effectiveOn: true } }),
    db.mergerDecision.findMany({ where: { id: { in: ids } }, select: { id: true, number: true, signedOn: true } }),
  ]);
  const decisionOf = new Map([...decisions, ...mergerDecisions.map((d) => ({ ...d, effectiveOn: d.signedOn }))].map((d) => [d.id, d]));
  const byUnit = new Map<string, HeldRecognition[]>(unitCodes.map((c) => [c, []]));
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
    });
  }
  return byUnit;
}

const toView = ({ trackCode, year, status, decisionId, decisionNumber, signedOn }: HeldRecognition) => ({ trackCode, year, status, decisionId, decisionNumber, signedOn });

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
