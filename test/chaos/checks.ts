import { verifyAuditChain, type Db } from '@ntm/db';
import type { Storage } from '@ntm/storage';
import { HistoryEvent } from '@ntm/contracts';

/** What a round left behind: every entry of `lost` and `duplicated` names one thing wrong. */
export interface RoundOutcome {
  completed: number;
  lost: string[];
  duplicated: string[];
}

/** History entries a dossier has exactly once, whatever was retried. */
const once: string[] = [HistoryEvent.dossierOpened, HistoryEvent.dossierSubmitted, HistoryEvent.appraisalOpened, HistoryEvent.appraisalCompleted, HistoryEvent.districtConfirmed, HistoryEvent.decisionRecognised];

/**
 * Reads the record of the round's dossiers. Lost: a dossier without its decision, a command a
 * service acknowledged that is not in the history, an evidence row without its object.
 * Duplicated: a once-only history entry twice, more verdicts than were given, a command id in the
 * history twice, an audit row more (or less) than the history and the uploads account for.
 */
export async function checkDossiers(db: Db, storage: Storage, acknowledged: Map<string, string[]>, dossierIds: string[]): Promise<RoundOutcome> {
  const lost: string[] = [];
  const duplicated: string[] = [];
  let completed = 0;
  for (const id of dossierIds) {
    const [decisions, events, audit, evidence] = await Promise.all([
      db.decision.count({ where: { dossierId: id } }),
      db.dossierEvent.findMany({ where: { dossierId: id }, select: { commandId: true, type: true } }),
      db.auditEvent.count({ where: { dossierId: id } }),
      db.evidence.findMany({ where: { dossierId: id }, select: { objectKey: true } }),
    ]);
    if (decisions === 1) completed += 1;
    else if (decisions === 0) lost.push(`${id}: no decision`);
    else duplicated.push(`${id}: ${decisions} decisions`);

    const recorded = new Set(events.map((e) => e.commandId));
    for (const commandId of new Set(acknowledged.get(id) ?? [])) if (!recorded.has(commandId)) lost.push(`${id}: acknowledged command ${commandId} not in the history`);
    if (recorded.size !== events.length) duplicated.push(`${id}: a command id twice in the history`);
    for (const type of once) {
      const n = events.filter((e) => e.type === type).length;
      if (n > 1) duplicated.push(`${id}: ${type} ×${n}`);
    }
    const verdicts = events.filter((e) => e.type === HistoryEvent.appraisalVerdict).length;
    if (verdicts > 4) duplicated.push(`${id}: ${verdicts} appraisal verdicts for 4 given`);
    // Each history entry and each stored upload has its one audit row.
    if (audit > events.length + evidence.length) duplicated.push(`${id}: ${audit} audit rows for ${events.length} history entries and ${evidence.length} uploads`);
    if (audit < events.length + evidence.length) lost.push(`${id}: ${audit} audit rows for ${events.length} history entries and ${evidence.length} uploads`);
    for (const e of evidence) if (!(await storage.exists(e.objectKey))) lost.push(`${id}: evidence row without its object ${e.objectKey}`);
  }
  return { completed, lost, duplicated };
}

/** The audit trail's hash chain, end to end: a broken link is a problem of its own. */
export async function auditChainProblem(db: Db): Promise<string | null> {
  const r = await verifyAuditChain(db);
  return r.ok ? null : `audit chain broken at ${r.brokenAt.seq}: ${r.brokenAt.reason}`;
}

/** Evidence objects no row names (what the orphan sweep should have removed). */
export async function orphanObjects(db: Db, storage: Storage): Promise<string[]> {
  const keys = (await storage.list('dossiers/')).map((o) => o.key).filter((k) => k.includes('/evidence/'));
  const known = new Set((await db.evidence.findMany({ where: { objectKey: { in: keys } }, select: { objectKey: true } })).map((e) => e.objectKey));
  return keys.filter((k) => !known.has(k));
}
