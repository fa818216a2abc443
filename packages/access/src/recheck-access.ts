import { RecheckPlan } from '@ntm/contracts';
import type { Db, Prisma } from '@ntm/db';
import { RecheckStage, authorize, canSee, carriedEvidenceIds, dossierScopeOf, type Command, type DossierScope, type Role } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import type { RequestActor } from './dossier-access.js';

export const recheckNotFound = (id: string) => new HttpProblem('notFound', `Không có lượt rà soát "${id}".`);

/** Who may act on a re-check: the one authorization table, on the scope its plan fixed (as a dossier's). */
export function recheckScope(plan: RecheckPlan): DossierScope {
  return dossierScopeOf({ unitChain: plan.unitChain, unitLevel: plan.unitLevel, stages: plan.stages, appraisers: plan.appraisers });
}

type Assignment = { departmentCode?: string; criterionCode?: string };

/**
 * Decides from the re-check's row whether the actor may run `command` on it and answers the role it
 * acts in and the plan. A re-check the actor may not see answers 404 (so existence never leaks), one
 * it sees but may not change 403; one whose workflow has not opened it yet is a 409 to send again.
 */
export function checkRecheckAccess(actor: RequestActor, command: Command, recheckId: string, row: { plan: unknown; stage: string }, assignment: Assignment = {}): { role: Role; plan: RecheckPlan } {
  if (row.plan === null && row.stage === RecheckStage.blocked) {
    throw new HttpProblem('wrongStage', 'Lượt rà soát chưa mở được: tỉnh chưa phân công sở/phòng thẩm định lại mọi tiêu chí (xem đợt rà soát của tỉnh); lượt rà soát tự mở lại trong vòng một ngày sau khi phân công đủ.');
  }
  if (row.plan === null) throw new HttpProblem('wrongStage', 'Lượt rà soát chưa được mở; hãy gửi lại sau ít phút.');
  const plan = RecheckPlan.parse(row.plan);
  const scope = recheckScope(plan);
  if (!canSee(actor, scope)) throw recheckNotFound(recheckId);
  const decision = authorize(actor, command, { kind: 'dossier', scope, ...assignment });
  if (!decision.allowed) throw new HttpProblem('forbidden', decision.message);
  return { role: decision.grant.role, plan };
}

/** Reads the re-check's row and checks the actor against it (see checkRecheckAccess). */
export async function requireRecheckAccess(db: Db, actor: RequestActor, command: Command, recheckId: string, assignment: Assignment = {}) {
  const row = await db.recheck.findUnique({ where: { id: recheckId } });
  if (!row) throw recheckNotFound(recheckId);
  return { ...checkRecheckAccess(actor, command, recheckId, row, assignment), row };
}

/** A re-check's evidence: the files uploaded to it, and those the unit's last values carry over (the previous re-check's or the recognising dossier's). */
export function recheckEvidenceWhere(recheckId: string, plan: RecheckPlan): Prisma.EvidenceWhereInput {
  return { OR: [{ recheckId }, { id: { in: carriedEvidenceIds(plan.criteria) } }] };
}

/**
 * Whether the actor may read a file through a re-check of its unit that carries it over, though
 * not through the dossier or re-check it was uploaded to (a department that re-appraises what it
 * did not appraise then): whoever may read that re-check reads its evidence, new and carried over.
 */
export async function readsThroughRecheck(db: Db, actor: RequestActor, evidenceId: string, unitCode: string): Promise<Role | null> {
  const rechecks = await db.recheck.findMany({ where: { unitCode }, select: { plan: true } });
  for (const { plan } of rechecks) {
    if (plan === null) continue;
    const parsed = RecheckPlan.parse(plan);
    if (!carriedEvidenceIds(parsed.criteria).includes(evidenceId)) continue;
    const decision = authorize(actor, 'evidence.read', { kind: 'dossier', scope: recheckScope(parsed) });
    if (decision.allowed) return decision.grant.role;
  }
  return null;
}
