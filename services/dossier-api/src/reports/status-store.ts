import { appendAudit, type Db } from '@ntm/db';
import type { StatusContext, StatusEntry } from './status-validation.js';
import { fromStoredDate } from '@ntm/domain';

const iso = fromStoredDate;

/** Today in Vietnam, as a date. */
export const vietnamDay = (now: Date) => now.toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

/** The province's units and the catalog's sets, to check and resolve status records against. */
export async function readStatusContext(db: Db, provinceCode: string, today: string): Promise<StatusContext> {
  const [units, sets, tracks] = await Promise.all([
    db.administrativeUnit.findMany({ where: { provinceCode }, select: { code: true, name: true, level: true, parentCode: true, validFrom: true, validTo: true } }),
    db.criteriaSet.findMany({
      select: { code: true, unitLevel: true, validFromYear: true, validToYear: true, ownerProvinceCode: true, criteria: { select: { code: true, number: true, name: true, indicators: { select: { code: true } } } } },
    }),
    db.track.findMany({ where: { prerequisites: { isEmpty: true } }, select: { criteriaSetCodes: true } }),
  ]);
  return {
    provinceCode,
    today,
    defaultSetCodes: tracks.flatMap((t) => t.criteriaSetCodes),
    units: units.map((u) => ({ ...u, validFrom: iso(u.validFrom), validTo: u.validTo === null ? null : iso(u.validTo) })),
    sets: sets.map((s) => ({ ...s, criteria: s.criteria.map((c) => ({ ...c, indicators: c.indicators.map((i) => i.code) })) })),
  };
}

export interface Recorder {
  actor: string;
  role: string;
  requestId: string;
}

/**
 * Writes the records in one statement and one transaction with its audit event: a record of the
 * same unit, criterion, indicator, day and source replaces the earlier one. Answers how many were new.
 */
export async function writeStatusRecords(db: Db, provinceCode: string, entries: readonly StatusEntry[], by: Recorder, source: 'api' | 'csv'): Promise<{ created: number; updated: number }> {
  const column = <K extends keyof StatusEntry>(key: K) => entries.map((e) => e[key]);
  return db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<Array<{ inserted: boolean }>>`
      INSERT INTO unit_status_records (id, unit_code, province_code, criteria_set_code, criterion_code, indicator_code, recorded_on, met, value, source, note, recorded_by)
      SELECT gen_random_uuid(), u.unit_code, ${provinceCode}, u.set_code, u.criterion_code, COALESCE(u.indicator_code, ''), u.recorded_on::date, u.met, u.value, u.source, u.note, ${by.actor}
      FROM unnest(${column('unitCode')}::text[], ${column('criteriaSetCode')}::text[], ${column('criterionCode')}::text[], ${column('indicatorCode')}::text[],
                  ${column('recordedOn')}::text[], ${column('met')}::boolean[], ${column('value')}::text[], ${column('source')}::text[], ${column('note')}::text[])
        AS u(unit_code, set_code, criterion_code, indicator_code, recorded_on, met, value, source, note)
      ON CONFLICT (unit_code, criteria_set_code, criterion_code, indicator_code, recorded_on, source)
      DO UPDATE SET met = EXCLUDED.met, value = EXCLUDED.value, note = EXCLUDED.note, recorded_by = EXCLUDED.recorded_by
      RETURNING (xmax = 0) AS inserted`;
    const created = rows.filter((r) => r.inserted).length;
    const result = { created, updated: rows.length - created };
    await appendAudit(tx, {
      actor: by.actor,
      role: by.role,
      unitCode: provinceCode,
      dossierId: null,
      command: 'status.recorded',
      requestId: by.requestId,
      summary: { after: { source, records: entries.length, ...result, dates: [...new Set(entries.map((e) => e.recordedOn))].sort() } },
    });
    return result;
  });
}

export interface TargetEntry {
  unitCode: string;
  trackCode: string;
  targetYear: number;
}

/** Sets each unit's target year on a track (replacing an earlier plan), with its audit event. */
export async function writeTargets(db: Db, provinceCode: string, targets: readonly TargetEntry[], by: Recorder): Promise<void> {
  await db.$transaction(async (tx) => {
    for (const t of targets) {
      await tx.unitTarget.upsert({
        where: { unitCode_trackCode: { unitCode: t.unitCode, trackCode: t.trackCode } },
        create: { ...t, provinceCode, setBy: by.actor },
        update: { targetYear: t.targetYear, setBy: by.actor },
      });
    }
    await appendAudit(tx, { actor: by.actor, role: by.role, unitCode: provinceCode, dossierId: null, command: 'targets.set', requestId: by.requestId, summary: { after: { targets } } });
  });
}
