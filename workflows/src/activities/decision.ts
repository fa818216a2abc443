import { ApplicationFailure } from '@temporalio/common';
import { dossierFailureTypes, type DecisionCommand, type RecordedBy } from '@ntm/contracts';
import { recordOnce } from './dossier.js';
import { Prisma, type Db } from '@ntm/db';
import { readDossierPlan } from '@ntm/catalog';
import { renderDecisionPdf } from '@ntm/documents';
import { objectKeys, type Storage } from '@ntm/storage';
import { Readable } from 'node:stream';

export interface DecisionDeps {
  db: Db;
  storage: Storage;
  /** Base of the public verification page printed in the decision's QR code. */
  publicBaseUrl: string;
}

/** Writing the decision, its PDF (with SHA-256) and the recognition; each step safe to retry. */
export function createDecisionActivities({ db, storage, publicBaseUrl }: DecisionDeps) {
  return {
    async recordDecision(dossierId: string, command: DecisionCommand): Promise<void> {
      if (await db.decision.findUnique({ where: { id: command.commandId }, select: { id: true } })) return;
      const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
      const data =
        command.outcome === 'recognise'
          ? {
              outcome: 'recognised',
              number: command.number,
              signedOn: new Date(command.date),
              signedYear: Number(command.date.slice(0, 4)),
              signer: command.signer,
              signerTitle: command.signerTitle,
              effectiveOn: new Date(command.effectiveDate),
            }
          : { outcome: 'refused', reasons: command.reasons };
      try {
        await db.decision.create({ data: { id: command.commandId, dossierId, provinceCode: dossier.provinceCode, ...data } });
      } catch (e) {
        if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002' && command.outcome === 'recognise') {
          throw ApplicationFailure.nonRetryable(`Số quyết định ${command.number} đã được dùng trong năm ${command.date.slice(0, 4)} của tỉnh.`, dossierFailureTypes.duplicateDecisionNumber);
        }
        throw e;
      }
    },

    /** Renders the decision PDF, stores it and records its SHA-256; rendering is deterministic. */
    async renderDecisionDocument(dossierId: string, decisionId: string): Promise<void> {
      const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
      if (decision.pdfSha256) return;
      const dossier = await db.dossier.findUniqueOrThrow({ where: { id: dossierId } });
      const units = await db.administrativeUnit.findMany({ where: { provinceCode: dossier.provinceCode } });
      const byCode = new Map(units.map((u) => [u.code, u]));
      const parents: string[] = [];
      for (let p = byCode.get(dossier.unitCode)?.parentCode ?? null; p !== null && p !== dossier.provinceCode; p = byCode.get(p)?.parentCode ?? null) {
        parents.push(byCode.get(p)?.name ?? p);
      }
      // The names and legal basis the dossier opened with: a later catalog import changes nothing here.
      const plan = await readDossierPlan(db, dossier);
      const iso = (d: Date | null) => (d ?? new Date(0)).toISOString().slice(0, 10);
      const pdf = await renderDecisionPdf({
        number: decision.number ?? '',
        date: iso(decision.signedOn),
        effectiveDate: iso(decision.effectiveOn),
        signer: decision.signer ?? '',
        signerTitle: decision.signerTitle ?? 'Chủ tịch',
        issuerName: issuerName(plan.stages, dossier, byCode),
        unitName: byCode.get(dossier.unitCode)?.name ?? dossier.unitCode,
        unitParents: parents,
        trackName: plan.trackName,
        year: dossier.year,
        legalBasis: [plan.criteriaSet.legalBasis],
        verifyUrl: `${publicBaseUrl}/public/decisions/${decision.id}`,
      });
      const stored = await storage.putStream(objectKeys.decision(dossierId, decisionId), Readable.from([pdf]), 'application/pdf');
      await db.decision.update({ where: { id: decisionId }, data: { pdfKey: stored.key, pdfSha256: stored.sha256 } });
    },

    /** Closes the dossier and, for a recognition, records the unit's new standing. */
    async publishDecision(dossierId: string, decisionId: string, by: RecordedBy, stage: string): Promise<void> {
      const decision = await db.decision.findUniqueOrThrow({ where: { id: decisionId } });
      const recognised = decision.outcome === 'recognised';
      await recordOnce(
        db,
        dossierId,
        {
          commandId: decisionId,
          type: recognised ? 'decision.recognised' : 'decision.refused',
          by,
          toStage: stage,
          payload: { number: decision.number, signedOn: decision.signedOn?.toISOString().slice(0, 10) ?? null, reasons: decision.reasons, sha256: decision.pdfSha256 },
        },
        async (tx) => {
          const before = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { stage: true } });
          const dossier = await tx.dossier.update({ where: { id: dossierId }, data: { stage, openKey: null, decidedAt: new Date() } });
          if (recognised) {
            await tx.recognition.create({ data: { unitCode: dossier.unitCode, trackCode: dossier.trackCode, year: dossier.year, decisionId, status: 'active' } });
          }
          return before;
        },
      );
    },
  };
}

/** The People's Committee that decides: the district when the track's decision stage says so and the unit has one. */
export function issuerName(
  stages: unknown,
  dossier: { provinceCode: string; districtCode: string | null },
  units: Map<string, { name: string }>,
): string {
  const decision = (stages as Array<{ kind: string; decidingLevel: string }>).find((s) => s.kind === 'decision');
  const code = decision?.decidingLevel === 'district' && dossier.districtCode ? dossier.districtCode : dossier.provinceCode;
  return units.get(code)?.name ?? code;
}
