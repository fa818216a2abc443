import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Sender } from '@ntm/contracts';
import type { Db, Prisma } from '@ntm/db';
import { authorize, canSee, visibleScopeFilter, type Command, type DossierScope, type Role } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import type { Actor as RequestActor } from '@ntm/identity';

export type { RequestActor };

const Appraisers = z.array(z.object({ departmentCode: z.string(), criterionCodes: z.array(z.string()) }));

type ScopeRow = { unitChain: string[]; unitLevel: string; decidingLevel: string; selfAssessmentLevel: string; confirmationLevel?: string; appraisers: unknown };

/** Who may act on a dossier is decided from what it recorded when it was opened. */
export function scopeOfRow(row: ScopeRow): DossierScope {
  return {
    unitChain: row.unitChain,
    unitLevel: row.unitLevel === 'village' || row.unitLevel === 'district' ? row.unitLevel : 'commune',
    decidingLevel: row.decidingLevel === 'district' ? 'district' : 'province',
    selfAssessmentLevel: row.selfAssessmentLevel === 'village' || row.selfAssessmentLevel === 'district' ? row.selfAssessmentLevel : 'commune',
    confirmationLevel: row.confirmationLevel === 'commune' ? 'commune' : 'district',
    appraisers: Appraisers.parse(row.appraisers),
  };
}

export const dossierNotFound = (dossierId: string) => new HttpProblem('notFound', `Không có hồ sơ "${dossierId}".`);

/** What a dossier row must hold to decide who may act on it. */
export type DossierAccessRow = ScopeRow & { unitCode: string };

/**
 * Decides from the dossier's row whether the actor may run `command` on it and answers the role it
 * acts in. A dossier the actor may not even read answers 404, as if it did not exist, so ids and
 * existence never leak across units; one it may read but not change answers 403.
 */
export function checkDossierAccess(
  actor: RequestActor,
  command: Command,
  dossierId: string,
  row: DossierAccessRow,
  assignment: { departmentCode?: string; criterionCode?: string } = {},
): { role: Role; scope: DossierScope; unitCode: string } {
  const scope = scopeOfRow(row);
  if (!canSee(actor, scope)) throw dossierNotFound(dossierId);
  const decision = authorize(actor, command, { kind: 'dossier', scope, ...assignment });
  if (!decision.allowed) throw new HttpProblem('forbidden', decision.message);
  return { role: decision.grant.role, scope, unitCode: row.unitCode };
}

/** Reads the dossier's row and checks the actor against it (see checkDossierAccess). */
export async function requireDossierAccess(
  db: Db,
  actor: RequestActor,
  command: Command,
  dossierId: string,
  assignment: { departmentCode?: string; criterionCode?: string } = {},
): Promise<{ role: Role; scope: DossierScope; unitCode: string }> {
  const row = await db.dossier.findUnique({ where: { id: dossierId }, select: { unitCode: true, unitChain: true, unitLevel: true, decidingLevel: true, selfAssessmentLevel: true, confirmationLevel: true, appraisers: true } });
  if (!row) throw dossierNotFound(dossierId);
  return checkDossierAccess(actor, command, dossierId, row, assignment);
}

/** For commands on a unit rather than a dossier (opening a dossier, the catalog, the audit trail). */
export function requireUnitAccess(actor: RequestActor, command: Command, unitChain: readonly string[], unitLevel: DossierScope['unitLevel'] | null, departmentCode?: string): Role {
  const decision = authorize(actor, command, { kind: 'unit', unitChain, unitLevel, ...(departmentCode === undefined ? {} : { departmentCode }) });
  if (!decision.allowed) throw new HttpProblem('forbidden', decision.message);
  return decision.grant.role;
}

/** The dossiers an actor may see, as a database filter: lists never count or show the others. */
export function visibleDossiersWhere(actor: RequestActor): Prisma.DossierWhereInput {
  const filter = visibleScopeFilter(actor);
  if (filter.everywhere) return {};
  return {
    OR: [
      ...(filter.unitCodes.length > 0 ? [{ unitChain: { hasSome: filter.unitCodes } }] : []),
      ...filter.departmentCodes.map((d) => ({ provinceCode: d.provinceCode, appraiserDepartments: { has: d.departmentCode } })),
      // No grant that sees anything: match nothing.
      { id: { in: [] } },
    ],
  };
}

/** The sender a workflow command carries: the user, the role the API allowed it under, all grants, the request id, when it was received. */
export function senderFrom(actor: RequestActor, role: Role | null, requestId: string, receivedAt: Date): Sender {
  return { actor: actor.username, role, grants: actor.grants.map((g) => ({ ...g })), requestId, receivedAt: receivedAt.toISOString() };
}

/** The signed-in user; the identity plugin refuses a protected route without one before it runs. */
export function actorOf(request: FastifyRequest): RequestActor {
  if (!request.actor) throw new HttpProblem('unauthorized', 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ.');
  return request.actor;
}
