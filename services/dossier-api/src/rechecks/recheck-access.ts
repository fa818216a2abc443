import { RecheckPlan } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { RecheckStage, authorize, canSee, dossierScopeOf, type Command, type DossierScope } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import type { RequestActor } from '@ntm/access';

const notFound = (id: string) => new HttpProblem('notFound', `Không có lượt rà soát "${id}".`);

/** Who may act on a re-check: the one authorization table, on the scope its plan fixed (as a dossier's). */
export function recheckScope(plan: unknown): DossierScope {
  const p = RecheckPlan.parse(plan);
  return dossierScopeOf({ unitChain: p.unitChain, unitLevel: p.unitLevel, stages: p.stages, appraisers: p.appraisers });
}

/**
 * Checks that the actor may run `command` on the re-check, answers the role and the row. A re-check
 * the actor may not see answers 404 (so existence never leaks), one it sees but may not change 403;
 * one whose workflow has not opened it yet is a 409 to send again.
 */
export async function requireRecheckAccess(db: Db, actor: RequestActor, command: Command, recheckId: string, assignment: { departmentCode?: string; criterionCode?: string } = {}) {
  const row = await db.recheck.findUnique({ where: { id: recheckId } });
  if (!row) throw notFound(recheckId);
  if (row.plan === null && row.stage === RecheckStage.blocked) {
    throw new HttpProblem('wrongStage', 'Lượt rà soát chưa mở được: tỉnh chưa phân công sở/phòng thẩm định lại mọi tiêu chí (xem đợt rà soát của tỉnh); lượt rà soát tự mở lại trong vòng một ngày sau khi phân công đủ.');
  }
  if (row.plan === null) throw new HttpProblem('wrongStage', 'Lượt rà soát chưa được mở; hãy gửi lại sau ít phút.');
  const scope = recheckScope(row.plan);
  if (!canSee(actor, scope)) throw notFound(recheckId);
  const decision = authorize(actor, command, { kind: 'dossier', scope, ...assignment });
  if (!decision.allowed) throw new HttpProblem('forbidden', decision.message);
  return { role: decision.grant.role, row };
}
