import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readDossierPlan, readProvince } from '@ntm/catalog';
import { HistoryEvent, Problem } from '@ntm/contracts';
import type { Db } from '@ntm/db';
import { availableCommands, dossierCommands, fromStoredDate, missingForSubmission, MissingKind, vietnamDay, type AttestationKind } from '@ntm/domain';
import { HttpProblem } from '@ntm/http';
import { actorOf, requireDossierAccess } from '@ntm/access';

const Id = z.object({ id: z.uuid() });

export const AvailableCommandsView = z
  .object({
    stage: z.string(),
    commands: z.array(z.enum(dossierCommands as [string, ...string[]])),
    appraisals: z.array(z.object({ departmentCode: z.string(), criterionCodes: z.array(z.string()) })),
  })
  .meta({ id: 'AvailableCommands', description: 'Những lệnh người dùng đang đăng nhập thực hiện được trên hồ sơ ở bước hiện tại.' });

export const ChecklistView = z
  .object({
    stage: z.string(),
    ready: z.boolean(),
    missing: z.array(z.object({ kind: z.enum(Object.values(MissingKind) as [string, ...string[]]), code: z.string(), message: z.string() })),
    /** Criteria the departments sent back for supplementation in the latest round, with their reasons. */
    supplementation: z.array(z.object({ criterionCode: z.string(), departmentCode: z.string(), reason: z.string().nullable() })),
    /** When the dossier was returned to the preparer (by the district, or by the commune for a village) since its last submission: when and why. */
    returned: z.object({ returnedAt: z.string(), reasons: z.string().nullable() }).nullable(),
  })
  .meta({ id: 'SubmissionChecklist', description: 'Những việc còn phải làm trước khi nộp hồ sơ, và các tiêu chí được yêu cầu bổ sung.' });

const returnEvents: string[] = [HistoryEvent.districtReturned, HistoryEvent.communeReturned];

/** The dossier's record as the submission rule reads it (the workflow checks the same rule on submit). */
async function readChecklist(db: Db, id: string, today: string): Promise<z.infer<typeof ChecklistView>> {
  const d = await db.dossier.findUnique({
    where: { id },
    include: {
      assessments: true,
      documents: true,
      appraisalTasks: { include: { verdicts: true } },
      // The latest submission or return: a return after the last submission still stands.
      events: { where: { type: { in: [HistoryEvent.dossierSubmitted, ...returnEvents] } }, orderBy: { occurredAt: 'desc' }, take: 1 },
    },
  });
  if (!d) throw new HttpProblem('notFound', `Không có hồ sơ "${id}".`);
  const [plan, province] = await Promise.all([readDossierPlan(db, d), readProvince(db, d.provinceCode)]);
  const attestations = Object.fromEntries(
    Object.entries((d.attestations ?? {}) as Record<string, { attested?: unknown }>).map(([kind, a]) => [kind, a.attested === true]),
  ) as Partial<Record<AttestationKind, boolean>>;
  const missing = missingForSubmission({
    requiredCriteria: plan.criteria,
    requiredDocuments: plan.documents,
    selfAssessed: Object.fromEntries(d.assessments.map((a) => [a.criterionCode, a.met])),
    documents: Object.fromEntries(d.documents.map((x) => [x.documentCode, x.evidenceId])),
    postingStartedOn: d.postingStartedOn ? fromStoredDate(d.postingStartedOn) : null,
    postingPeriodDays: province?.postingPeriodDays ?? null,
    satisfactionPercent: d.satisfactionPercent === null ? null : Number(d.satisfactionPercent),
    satisfactionThresholdPercent: province?.satisfactionThresholdPercent ?? null,
    attestations,
    today,
  });
  const latestRound = Math.max(0, ...d.appraisalTasks.map((t) => t.round));
  const supplementation = d.appraisalTasks
    .filter((t) => t.round === latestRound)
    .flatMap((t) => t.verdicts.filter((v) => v.verdict === 'needs_supplementation').map((v) => ({ criterionCode: v.criterionCode, departmentCode: t.departmentCode, reason: v.reason })));
  const last = d.events[0];
  const returned = last && returnEvents.includes(last.type) ? { returnedAt: last.occurredAt.toISOString(), reasons: (last.payload as { reasons?: string | null }).reasons ?? null } : null;
  return { stage: d.stage, ready: missing.length === 0, missing, supplementation, returned };
}

/** What the portal asks before showing a dossier: what this person may do now, and what stands before submission. */
export function dossierNowRoutes(db: Db, now: () => Date = () => new Date()): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/dossiers/:id/available-commands',
      {
        schema: {
          operationId: 'listAvailableCommands',
          summary: 'Những việc người dùng làm được trên hồ sơ lúc này',
          description: 'Các lệnh người dùng đang đăng nhập được phép thực hiện trên hồ sơ ở bước hiện tại, theo bảng phân quyền và bước của hồ sơ (cùng quy tắc mà quy trình kiểm tra khi nhận lệnh); với thẩm định, kèm các tiêu chí từng sở/phòng của người dùng được giao. 404 khi hồ sơ không tồn tại hoặc ngoài phạm vi của người dùng.',
          tags: ['dossiers'],
          params: Id,
          response: { 200: AvailableCommandsView, 404: Problem },
        },
      },
      async (request) => {
        const { scope } = await requireDossierAccess(db, actorOf(request), 'dossier.read', request.params.id);
        const d = await db.dossier.findUniqueOrThrow({ where: { id: request.params.id } });
        const { stages } = await readDossierPlan(db, d);
        const stage = { code: d.stage, kind: stages.find((s) => s.code === d.stage)?.kind ?? null };
        return { stage: d.stage, ...availableCommands(actorOf(request), scope, stage) };
      },
    );

    app.get(
      '/dossiers/:id/checklist',
      {
        schema: {
          operationId: 'getSubmissionChecklist',
          summary: 'Danh sách việc còn thiếu trước khi nộp hồ sơ',
          description: 'Những mục còn thiếu để nộp hồ sơ (tiêu chí chưa tự đánh giá hoặc chưa đạt, tài liệu bắt buộc, niêm yết công khai, tỷ lệ hài lòng, các xác nhận), theo cùng quy tắc kiểm tra khi nộp, và các tiêu chí được yêu cầu bổ sung kèm lý do, và lý do trả hồ sơ khi hồ sơ bị trả lại sau lần nộp gần nhất. 404 khi hồ sơ không tồn tại hoặc ngoài phạm vi của người dùng.',
          tags: ['dossiers'],
          params: Id,
          response: { 200: ChecklistView, 404: Problem },
        },
      },
      async (request) => {
        await requireDossierAccess(db, actorOf(request), 'dossier.read', request.params.id);
        return readChecklist(db, request.params.id, vietnamDay(now()));
      },
    );
  };
}
