import { preparedStatement, queryPrepared, type Db } from '@ntm/db';

/** What the dossier's view and its access check read of the dossier's own row. */
export interface DossierViewRow {
  id: string;
  trackingCode: string;
  unitCode: string;
  provinceCode: string;
  districtCode: string | null;
  trackCode: string;
  year: number;
  criteriaSetCode: string;
  stage: string;
  createdAt: Date;
  submittedAt: Date | null;
  /** YYYY-MM-DD. */
  postingStartedOn: string | null;
  /** As stored (numeric, e.g. "93.50"). */
  satisfactionPercent: string | null;
  attestations: unknown;
  stepBudgets: unknown;
  unitChain: string[];
  unitLevel: string;
  decidingLevel: string;
  selfAssessmentLevel: string;
  confirmationLevel: string;
  appraisers: unknown;
  /** The row's version (PostgreSQL's xmin): any write to the row changes it. */
  version: string;
  /** Null when the plan cached at `version` was given and the row is still at that version (or when the dossier has none). */
  plan: unknown;
}

/** Everything a dossier's view shows beside its own row. Times inside are JSON text, turned into Dates by readDossierWithParts. */
export interface DossierParts {
  assessments: Array<{ criterionCode: string; met: boolean; explanation: string; indicators: unknown; evidenceIds: string[] }>;
  documents: Array<{ documentCode: string; evidenceId: string }>;
  moves: Array<{ toStage: string; occurredAt: Date }>;
  tasks: Array<{
    round: number;
    departmentCode: string;
    criterionCodes: string[];
    /** As stored: the day, YYYY-MM-DD. */
    dueDate: string;
    closedAt: Date | null;
    verdicts: Array<{ criterionCode: string; verdict: string; reason: string | null }>;
  }>;
  history: Array<{ seq: string; command: string; actor: string; role: string | null; occurredAt: Date; requestId: string | null; summary: unknown }>;
  /** The province's holidays, YYYY-MM-DD. */
  holidays: string[];
}

type Stored<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] extends Array<infer E> ? Array<Stored<E>> : T[K] };
type Row = Stored<DossierViewRow> & Stored<DossierParts>;

/*
 * The dossier's row and all its parts (self-assessments, attached documents, stage moves, appraisal
 * tasks with their verdicts, the audit trail's entries, the province's holidays) in one prepared
 * statement: one round trip, parsed and planned once per connection (the read path's cost was its
 * statements: see docs/scale.md, "Reads"), answered as one JSON value (one column for the client to
 * take apart instead of thirty, each with its own parser). Days are formatted in SQL, independent
 * of DateStyle; instants come as JSON text and become Dates here.
 */
const dossierWithParts = preparedStatement<{ dossier: Row }>(
  'dossier-api.dossier-with-parts',
  `SELECT json_build_object(
      'id', d.id, 'trackingCode', d.tracking_code, 'unitCode', d.unit_code, 'provinceCode', d.province_code, 'districtCode', d.district_code,
      'trackCode', d.track_code, 'year', d.year, 'criteriaSetCode', d.criteria_set_code, 'stage', d.stage, 'createdAt', d.created_at, 'submittedAt', d.submitted_at,
      'postingStartedOn', to_char(d.posting_started_on, 'YYYY-MM-DD'), 'satisfactionPercent', d.satisfaction_percent::text,
      'attestations', d.attestations, 'stepBudgets', d.step_budgets, 'unitChain', d.unit_chain, 'unitLevel', d.unit_level, 'decidingLevel', d.deciding_level,
      'selfAssessmentLevel', d.self_assessment_level, 'confirmationLevel', d.confirmation_level, 'appraisers', d.appraisers,
      'version', d.xmin::text, 'plan', CASE WHEN d.xmin::text = $2::text THEN NULL ELSE d.plan END,
      'assessments', (SELECT coalesce(json_agg(json_build_object('criterionCode', a.criterion_code, 'met', a.met, 'explanation', a.explanation, 'indicators', a.indicators, 'evidenceIds', a.evidence_ids)), '[]'::json)
         FROM criterion_self_assessments a WHERE a.dossier_id = d.id),
      'documents', (SELECT coalesce(json_agg(json_build_object('documentCode', x.document_code, 'evidenceId', x.evidence_id)), '[]'::json)
         FROM dossier_documents x WHERE x.dossier_id = d.id),
      'moves', (SELECT coalesce(json_agg(json_build_object('toStage', e.to_stage, 'occurredAt', e.occurred_at) ORDER BY e.occurred_at), '[]'::json)
         FROM dossier_events e WHERE e.dossier_id = d.id AND e.to_stage IS NOT NULL),
      'tasks', (SELECT coalesce(json_agg(json_build_object(
                'round', t.round, 'departmentCode', t.department_code, 'criterionCodes', t.criterion_codes, 'dueDate', t.due_date, 'closedAt', t.closed_at,
                'verdicts', (SELECT coalesce(json_agg(json_build_object('criterionCode', v.criterion_code, 'verdict', v.verdict, 'reason', v.reason) ORDER BY v.recorded_at, v.criterion_code), '[]'::json)
                               FROM appraisal_verdicts v WHERE v.dossier_id = t.dossier_id AND v.round = t.round AND v.department_code = t.department_code)
              ) ORDER BY t.round, t.department_code), '[]'::json)
         FROM appraisal_tasks t WHERE t.dossier_id = d.id),
      'history', (SELECT coalesce(json_agg(json_build_object('seq', h.seq::text, 'command', h.command, 'actor', h.actor, 'role', h.role, 'occurredAt', h.occurred_at, 'requestId', h.request_id, 'summary', h.summary) ORDER BY h.seq), '[]'::json)
         FROM audit_events h WHERE h.dossier_id = d.id),
      'holidays', (SELECT coalesce(json_agg(y.date ORDER BY y.date), '[]'::json)
         FROM holidays y WHERE y.province_code = d.province_code)) AS dossier
    FROM dossiers d
   WHERE d.id = $1::uuid`,
);

const at = (text: string) => new Date(text);

/**
 * The dossier's row and its parts, or undefined when there is no such dossier. Given the row
 * version of a plan already at hand, the plan is left out while the row is still at that version.
 */
export async function readDossierWithParts(db: Db, dossierId: string, planVersion: string | null = null): Promise<{ row: DossierViewRow; parts: DossierParts } | undefined> {
  const [found] = await queryPrepared(db, dossierWithParts, [dossierId, planVersion]);
  if (!found) return undefined;
  const { assessments, documents, moves, tasks, history, holidays, createdAt, submittedAt, ...row } = found.dossier;
  return {
    row: { ...row, createdAt: at(createdAt), submittedAt: submittedAt === null ? null : at(submittedAt) },
    parts: {
      assessments,
      documents,
      moves: moves.map((m) => ({ toStage: m.toStage, occurredAt: at(m.occurredAt) })),
      tasks: tasks.map((t) => ({ ...t, closedAt: t.closedAt === null ? null : at(t.closedAt) })),
      history: history.map((h) => ({ ...h, occurredAt: at(h.occurredAt) })),
      holidays,
    },
  };
}
