/**
 * Object keys are built from ids only: a user-supplied file name never becomes part of a key,
 * so it can neither collide with nor traverse to another object.
 */
const idPattern = /^[A-Za-z0-9_-]{1,64}$/;

function assertId(kind: string, id: string): string {
  if (!idPattern.test(id)) throw new Error(`invalid ${kind} id for an object key: ${JSON.stringify(id)}`);
  return id;
}

export const objectKeys = {
  evidence: (dossierId: string, evidenceId: string) => `dossiers/${assertId('dossier', dossierId)}/evidence/${assertId('evidence', evidenceId)}`,
  /** A file the unit uploaded for its yearly re-check. */
  recheckEvidence: (recheckId: string, evidenceId: string) => `rechecks/${assertId('re-check', recheckId)}/evidence/${assertId('evidence', evidenceId)}`,
  decision: (dossierId: string, decisionId: string) => `dossiers/${assertId('dossier', dossierId)}/decisions/${assertId('decision document', decisionId)}.pdf`,
  /** The scanned copy of a decision issued before the system, registered with its recognition. */
  registeredDecision: (provinceCode: string, decisionId: string) => `registered-decisions/${assertId('province', provinceCode)}/${assertId('decision document', decisionId)}.pdf`,
  /** A revocation decision issued after a unit's yearly re-check. */
  revocationDecision: (recheckId: string, decisionId: string) => `rechecks/${assertId('re-check', recheckId)}/decisions/${assertId('decision document', decisionId)}.pdf`,
  probe: (probeId: string) => `probes/${assertId('probe', probeId)}`,
} as const;
