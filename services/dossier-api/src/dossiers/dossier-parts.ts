import { z } from 'zod';
import type { Db } from '@ntm/db';

/**
 * Everything a dossier's view shows beside its own row, read in one statement: self-assessments,
 * attached documents, stage moves, appraisal tasks with their verdicts, the audit trail's entries
 * and the province's holidays. One round trip instead of one query per table (the read path's
 * cost was its query count: see docs/scale.md).
 */
const Parts = z.object({
  assessments: z.array(z.object({ criterionCode: z.string(), met: z.boolean(), explanation: z.string(), indicators: z.unknown(), evidenceIds: z.array(z.string()) })),
  documents: z.array(z.object({ documentCode: z.string(), evidenceId: z.string() })),
  moves: z.array(z.object({ toStage: z.string(), occurredAt: z.coerce.date() })),
  tasks: z.array(
    z.object({
      round: z.number().int(),
      departmentCode: z.string(),
      criterionCodes: z.array(z.string()),
      /** As stored: the day, YYYY-MM-DD. */
      dueDate: z.iso.date(),
      closedAt: z.coerce.date().nullable(),
      verdicts: z.array(z.object({ criterionCode: z.string(), verdict: z.string(), reason: z.string().nullable() })),
    }),
  ),
  history: z.array(
    z.object({ seq: z.string(), command: z.string(), actor: z.string(), role: z.string().nullable(), occurredAt: z.coerce.date(), requestId: z.string().nullable(), summary: z.unknown() }),
  ),
  /** The province's holidays, YYYY-MM-DD. */
  holidays: z.array(z.iso.date()),
});
export type DossierParts = z.infer<typeof Parts>;

export async function readDossierParts(db: Db, dossierId: string): Promise<DossierParts> {
  const [row] = await db.$queryRaw<unknown[]>`
    SELECT
      (SELECT coalesce(json_agg(json_build_object('criterionCode', a.criterion_code, 'met', a.met, 'explanation', a.explanation, 'indicators', a.indicators, 'evidenceIds', a.evidence_ids)), '[]'::json)
         FROM criterion_self_assessments a WHERE a.dossier_id = ${dossierId}::uuid) AS assessments,
      (SELECT coalesce(json_agg(json_build_object('documentCode', x.document_code, 'evidenceId', x.evidence_id)), '[]'::json)
         FROM dossier_documents x WHERE x.dossier_id = ${dossierId}::uuid) AS documents,
      (SELECT coalesce(json_agg(json_build_object('toStage', e.to_stage, 'occurredAt', e.occurred_at) ORDER BY e.occurred_at), '[]'::json)
         FROM dossier_events e WHERE e.dossier_id = ${dossierId}::uuid AND e.to_stage IS NOT NULL) AS moves,
      (SELECT coalesce(json_agg(json_build_object(
                'round', t.round, 'departmentCode', t.department_code, 'criterionCodes', t.criterion_codes, 'dueDate', t.due_date, 'closedAt', t.closed_at,
                'verdicts', (SELECT coalesce(json_agg(json_build_object('criterionCode', v.criterion_code, 'verdict', v.verdict, 'reason', v.reason) ORDER BY v.recorded_at, v.criterion_code), '[]'::json)
                               FROM appraisal_verdicts v WHERE v.dossier_id = t.dossier_id AND v.round = t.round AND v.department_code = t.department_code)
              ) ORDER BY t.round, t.department_code), '[]'::json)
         FROM appraisal_tasks t WHERE t.dossier_id = ${dossierId}::uuid) AS tasks,
      (SELECT coalesce(json_agg(json_build_object('seq', h.seq::text, 'command', h.command, 'actor', h.actor, 'role', h.role, 'occurredAt', h.occurred_at, 'requestId', h.request_id, 'summary', h.summary) ORDER BY h.seq), '[]'::json)
         FROM audit_events h WHERE h.dossier_id = ${dossierId}::uuid) AS history,
      (SELECT coalesce(json_agg(y.date ORDER BY y.date), '[]'::json)
         FROM holidays y WHERE y.province_code = (SELECT d.province_code FROM dossiers d WHERE d.id = ${dossierId}::uuid)) AS holidays`;
  return Parts.parse(row);
}
