import { dossierPlanOfRow, keptPlan, type VersionedDossierRow } from '@ntm/catalog';
import { HistoryEvent } from '@ntm/contracts';
import { preparedStatement, queryPrepared, type Db } from '@ntm/db';
import { HttpProblem } from '@ntm/http';
import { checkDossierAccess, checkRecheckAccess, dossierNotFound, readsThroughRecheck, recheckNotFound, type DossierAccessRow, type RequestActor } from '@ntm/access';
import { recheckEvidenceStages, recheckStageAllowsEvidence, recheckStageNames, stageAllows, type RecheckStage, type Role } from '@ntm/domain';

/** What an evidence file belongs to: a dossier, or a unit's yearly re-check. */
export interface EvidenceOwner {
  kind: 'dossier' | 'recheck';
  id: string;
  unitCode: string;
}

/** An owner the actor may act on, with what the evidence routes need to know of it. */
export interface OwnerState {
  owner: EvidenceOwner;
  role: Role;
  /** Whether files may be added or removed now; `wrongStage` says why not. */
  editable: boolean;
  wrongStage: string;
  /** When its files last went out for appraisal: files uploaded by then stay as they are (`submitted` says so). */
  submittedAt: Date | null;
  submitted: string;
}

type EvidenceCommand = 'evidence.upload' | 'evidence.read' | 'evidence.delete';
type EvidenceRow = { id: string; dossierId: string | null; recheckId: string | null };

const recheckSubmissions = [HistoryEvent.reassessmentSubmitted, HistoryEvent.reappraisalRequested];
/** The re-check steps at which its unit adds files, named for people. */
export const editingSteps = recheckEvidenceStages['evidence.upload'].map((s) => `"${recheckStageNames[s]}"`).join(' hoặc ');

type DossierOwnerRow = DossierAccessRow & VersionedDossierRow & { id: string; stage: string; submittedAt: Date | null };

/**
 * What an evidence route reads of a dossier: its access columns, stage and plan, the plan left out
 * while the row is at the version of the one kept (packages/catalog, plan-cache). One prepared
 * statement rather than the whole row through Prisma and the plan parsed at every upload.
 */
const dossierOwnerRow = preparedStatement<DossierOwnerRow>(
  'evidence-api.dossier-owner',
  `SELECT d.id, d.unit_code AS "unitCode", d.stage, d.submitted_at AS "submittedAt", d.track_code AS "trackCode",
          d.criteria_set_code AS "criteriaSetCode", d.province_code AS "provinceCode", d.unit_chain AS "unitChain", d.unit_level AS "unitLevel",
          d.deciding_level AS "decidingLevel", d.self_assessment_level AS "selfAssessmentLevel", d.confirmation_level AS "confirmationLevel",
          d.appraisers, d.xmin::text AS version, CASE WHEN d.xmin::text = $2::text THEN NULL ELSE d.plan END AS plan
     FROM dossiers d
    WHERE d.id = $1::uuid`,
);

/** Finds an evidence file's owner and checks the actor against it, from the one authorization table (packages/access). */
export function evidenceOwners(db: Db) {
  async function dossier(actor: RequestActor, command: EvidenceCommand, dossierId: string): Promise<OwnerState> {
    const kept = keptPlan(db, dossierId);
    const [row] = await queryPrepared(db, dossierOwnerRow, [dossierId, kept?.version ?? null]);
    if (!row) throw dossierNotFound(dossierId);
    const { role } = checkDossierAccess(actor, command, dossierId, row);
    const { stages } = await dossierPlanOfRow(db, dossierId, row, kept);
    const stage = { code: row.stage, kind: stages.find((s) => s.code === row.stage)?.kind ?? null };
    return {
      owner: { kind: 'dossier', id: row.id, unitCode: row.unitCode },
      role,
      editable: stageAllows('evidence.upload', stage),
      wrongStage: `Hồ sơ đang ở bước "${row.stage}": chỉ bổ sung minh chứng ở bước tự đánh giá.`,
      submittedAt: row.submittedAt,
      submitted: 'Minh chứng đã nộp cùng hồ sơ thì không được xóa hay thay thế.',
    };
  }

  async function recheck(actor: RequestActor, command: EvidenceCommand, recheckId: string): Promise<OwnerState> {
    const row = await db.recheck.findUnique({ where: { id: recheckId } });
    if (!row) throw recheckNotFound(recheckId);
    const { role } = checkRecheckAccess(actor, command, recheckId, row);
    const lastSubmission = await db.recheckEvent.findFirst({ where: { recheckId, type: { in: recheckSubmissions } }, orderBy: { occurredAt: 'desc' }, select: { occurredAt: true } });
    return {
      owner: { kind: 'recheck', id: row.id, unitCode: row.unitCode },
      role,
      editable: recheckStageAllowsEvidence('evidence.upload', row.stage),
      wrongStage: `Lượt rà soát đang ở bước "${recheckStageNames[row.stage as RecheckStage] ?? row.stage}": chỉ bổ sung minh chứng ở bước ${editingSteps}.`,
      submittedAt: lastSubmission?.occurredAt ?? null,
      submitted: 'Minh chứng đã gửi cùng kết quả tự rà soát thì không được xóa hay thay thế.',
    };
  }

  /**
   * The owner of an evidence file the actor may reach, 404 for everyone else as if it did not exist.
   * Reading also reaches a file a later re-check of its unit carries over, for whoever may read that re-check.
   */
  async function ofEvidence(actor: RequestActor, command: EvidenceCommand, e: EvidenceRow): Promise<OwnerState> {
    const notFound = () => new HttpProblem('notFound', `Không có minh chứng "${e.id}".`);
    try {
      if (e.dossierId !== null) return await dossier(actor, command, e.dossierId);
      if (e.recheckId !== null) return await recheck(actor, command, e.recheckId);
    } catch (error) {
      if (!(error instanceof HttpProblem && error.kind === 'notFound')) throw error;
      const unit = await unitOf(e);
      const role = command === 'evidence.read' && unit !== null ? await readsThroughRecheck(db, actor, e.id, unit) : null;
      if (role === null) throw notFound();
      return { owner: { kind: e.dossierId !== null ? 'dossier' : 'recheck', id: e.dossierId ?? e.recheckId ?? '', unitCode: unit ?? '' }, role, editable: false, wrongStage: '', submittedAt: null, submitted: '' };
    }
    throw notFound();
  }

  async function unitOf(e: EvidenceRow): Promise<string | null> {
    if (e.dossierId !== null) return (await db.dossier.findUnique({ where: { id: e.dossierId }, select: { unitCode: true } }))?.unitCode ?? null;
    if (e.recheckId !== null) return (await db.recheck.findUnique({ where: { id: e.recheckId }, select: { unitCode: true } }))?.unitCode ?? null;
    return null;
  }

  return { dossier, recheck, ofEvidence };
}
