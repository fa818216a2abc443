import { randomUUID } from 'node:crypto';
import type { FieldError, RecordedBy, RegisterRecognitionBody, RegisteredRecognition } from '@ntm/contracts';
import { appendAudit, type Db } from '@ntm/db';
import { fromStoredDate, registrationProblems, toStoredDate, type RecognitionToRegister } from '@ntm/domain';

type Row = RegisterRecognitionBody;
const day = toStoredDate;
const iso = fromStoredDate;

/** Why each row cannot be registered, located as `${prefix(i)}.${field}`; empty when all can. */
async function problemsOf(db: Db, provinceCode: string, rows: readonly Row[], today: string, locate: (i: number, field: string) => string): Promise<FieldError[]> {
  const unitCodes = [...new Set(rows.map((r) => r.unitCode))];
  const years = [...new Set(rows.map((r) => Number(r.signedOn.slice(0, 4))))];
  const [units, tracks, issued, registered, active] = await Promise.all([
    db.administrativeUnit.findMany({ where: { code: { in: unitCodes } }, select: { code: true, provinceCode: true, level: true } }),
    db.track.findMany({ select: { code: true, unitLevel: true } }),
    db.decision.findMany({ where: { provinceCode, signedYear: { in: years } }, select: { signedYear: true, number: true } }),
    db.registeredDecision.findMany({ where: { provinceCode, signedYear: { in: years } }, select: { signedYear: true, number: true } }),
    db.recognition.findMany({ where: { unitCode: { in: unitCodes }, status: 'active' }, select: { unitCode: true, trackCode: true } }),
  ]);
  const unitOf = new Map(units.map((u) => [u.code, u]));
  const trackOf = new Map(tracks.map((t) => [t.code, t]));
  const numbers = new Set([...issued, ...registered].map((d) => `${d.signedYear}|${d.number}`));
  const holding = new Set(active.map((r) => `${r.unitCode}|${r.trackCode}`));
  const seen = { numbers: new Set<string>(), units: new Set<string>() };
  return rows.flatMap((r, i) =>
    registrationProblems(r satisfies RecognitionToRegister, {
      provinceCode,
      today,
      unit: (code) => unitOf.get(code),
      track: (code) => trackOf.get(code),
      numberTaken: (year, number) => numbers.has(`${year}|${number}`),
      activeRecognition: (unit, track) => holding.has(`${unit}|${track}`),
    }, seen).map((p) => ({ location: locate(i, p.field), message: p.message })),
  );
}

export type RegistrationResult = { ok: true; registered: RegisteredRecognition[] } | { ok: false; errors: FieldError[] };

/**
 * Registers earlier recognitions of one province, all or nothing: every row is checked first and
 * any problem registers none. A dry run checks and writes nothing. Each row becomes a registered
 * decision and an active recognition holding from its signing day, with an audit entry.
 */
export async function registerRecognitions(
  db: Db,
  provinceCode: string,
  rows: readonly Row[],
  opts: { dryRun: boolean; by: RecordedBy; today: string; locate: (i: number, field: string) => string },
): Promise<RegistrationResult> {
  const errors = await problemsOf(db, provinceCode, rows, opts.today, opts.locate);
  if (errors.length > 0) return { ok: false, errors };
  const now = new Date();
  const made: RegisteredRecognition[] = rows.map((r) => ({
    decisionId: randomUUID(),
    provinceCode,
    unitCode: r.unitCode,
    trackCode: r.trackCode,
    year: r.year,
    decisionNumber: r.decisionNumber,
    signedOn: r.signedOn,
    signer: r.signer,
    signerTitle: r.signerTitle,
    status: 'active',
    pdf: null,
    registeredBy: opts.by.actor,
    registeredAt: now.toISOString(),
  }));
  if (opts.dryRun) return { ok: true, registered: made };
  await db.$transaction(async (tx) => {
    await tx.registeredDecision.createMany({
      data: made.map((m) => ({
        id: m.decisionId, provinceCode, unitCode: m.unitCode, trackCode: m.trackCode, year: m.year, number: m.decisionNumber,
        signedOn: day(m.signedOn), signedYear: Number(m.signedOn.slice(0, 4)), signer: m.signer, signerTitle: m.signerTitle, registeredBy: m.registeredBy, createdAt: now,
      })),
    });
    await tx.recognition.createMany({
      data: made.map((m) => ({ unitCode: m.unitCode, trackCode: m.trackCode, year: m.year, decisionId: m.decisionId, status: 'active', origin: 'registered', recognisedOn: day(m.signedOn) })),
    });
    await appendAudit(tx, {
      ...opts.by,
      unitCode: provinceCode,
      dossierId: null,
      command: 'recognition.register',
      summary: { after: { count: String(made.length), decisions: made.map((m) => `${m.unitCode} ${m.trackCode} ${m.decisionNumber} ${m.signedOn}`) } },
      occurredAt: now,
    });
  }, { timeout: 60_000 });
  return { ok: true, registered: made };
}

/** A registered decision as the API shows it. */
export async function readRegistered(db: Db, decisionId: string): Promise<RegisteredRecognition | null> {
  const d = await db.registeredDecision.findUnique({ where: { id: decisionId } });
  if (!d) return null;
  const recognition = await db.recognition.findUnique({ where: { decisionId }, select: { status: true } });
  return {
    decisionId: d.id,
    provinceCode: d.provinceCode,
    unitCode: d.unitCode,
    trackCode: d.trackCode,
    year: d.year,
    decisionNumber: d.number,
    signedOn: iso(d.signedOn),
    signer: d.signer,
    signerTitle: d.signerTitle,
    status: recognition?.status === 'revoked' ? 'revoked' : 'active',
    pdf: d.pdfSha256 !== null && d.pdfSizeBytes !== null ? { sha256: d.pdfSha256, sizeBytes: d.pdfSizeBytes } : null,
    registeredBy: d.registeredBy,
    registeredAt: d.createdAt.toISOString(),
  };
}
