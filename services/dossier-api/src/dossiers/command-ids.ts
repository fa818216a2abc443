import { createHash } from 'node:crypto';
import {
  attachDocumentUpdate, decideDossierUpdate, districtConfirmationUpdate, recordAppraisalUpdate, recordAttestationUpdate, recordPostingUpdate,
  recordSatisfactionUpdate, recordSelfAssessmentUpdate, submitDossierUpdate, recordReassessmentUpdate, submitReassessmentUpdate, recordRemediationPlanUpdate,
  requestReappraisalUpdate, decideRevocationUpdate,
} from '@ntm/contracts';
import { canonicalJson, type Db, type Prisma } from '@ntm/db';
import { HttpProblem } from '@ntm/http';

/** The operation that creates a dossier; every other operation is a workflow update's name. */
export const createDossierOperation = 'createDossier';

/** How a person would name each operation, for the conflict a reused command id gets. */
const operationNames: Record<string, string> = {
  [createDossierOperation]: 'lập hồ sơ',
  [recordSelfAssessmentUpdate.name]: 'tự đánh giá tiêu chí',
  [attachDocumentUpdate.name]: 'đính kèm tài liệu',
  [recordPostingUpdate.name]: 'ghi nhận niêm yết công khai',
  [recordSatisfactionUpdate.name]: 'ghi nhận tỷ lệ hài lòng',
  [recordAttestationUpdate.name]: 'xác nhận điều kiện',
  [submitDossierUpdate.name]: 'nộp hồ sơ',
  [recordAppraisalUpdate.name]: 'ghi kết quả thẩm định',
  [districtConfirmationUpdate.name]: 'xác nhận của huyện',
  [decideDossierUpdate.name]: 'quyết định',
  [recordReassessmentUpdate.name]: 'tự rà soát, đánh giá lại tiêu chí',
  [submitReassessmentUpdate.name]: 'gửi kết quả tự rà soát',
  [recordRemediationPlanUpdate.name]: 'lập kế hoạch khắc phục',
  [requestReappraisalUpdate.name]: 'đề nghị thẩm định lại',
  [decideRevocationUpdate.name]: 'quyết định thu hồi hoặc giữ công nhận',
};

export interface CommandIdentity {
  commandId: string;
  dossierId: string;
  operation: string;
  /** What the command says: its body with the route's parameters. */
  content: unknown;
}

export type CommandClaim = { answered: false } | { answered: true; result: unknown };

const sha256Of = (content: unknown) => createHash('sha256').update(canonicalJson(JSON.parse(JSON.stringify(content ?? null)))).digest('hex');

type CommandRow = NonNullable<Awaited<ReturnType<Db['dossierCommand']['findUnique']>>>;

/** Throws the 409 a command gets when its id was first used for another command. */
function refuseIfAnotherCommand(first: CommandRow, command: CommandIdentity, bodySha256: string): void {
  const { commandId, dossierId, operation } = command;
  const firstName = operationNames[first.operation] ?? first.operation;
  if (first.dossierId !== dossierId) {
    throw new HttpProblem('conflict', `Mã lệnh ${commandId} đã được dùng cho lệnh "${firstName}" của một hồ sơ khác; mỗi lệnh cần một mã lệnh mới.`);
  }
  if (first.operation !== operation) {
    throw new HttpProblem('conflict', `Mã lệnh ${commandId} đã được dùng cho lệnh "${firstName}"; không dùng lại được cho lệnh "${operationNames[operation] ?? operation}". Mỗi lệnh cần một mã lệnh mới.`);
  }
  if (first.bodySha256 !== bodySha256) {
    throw new HttpProblem('conflict', `Mã lệnh ${commandId} đã được dùng cho lệnh "${firstName}" với nội dung khác; nội dung mới chưa được ghi. Hãy gửi lại với một mã lệnh mới.`);
  }
}

/** Refuses, before any other check, a command whose id was already used for another command. */
export async function refuseReusedCommandId(db: Db, command: CommandIdentity): Promise<void> {
  const first = await db.dossierCommand.findUnique({ where: { commandId: command.commandId } });
  if (first) refuseIfAnotherCommand(first, command, sha256Of(command.content));
}

/**
 * Records the command under its id before anything is sent (crash-safe: a retry finds the record
 * and sends the same command again, which the workflow answers once). The id names one command:
 * used for another operation, another dossier or another body, it is a 409 naming the conflict.
 * The same command repeated answers its first result when it has one.
 */
export async function claimCommandId(db: Db, command: CommandIdentity): Promise<CommandClaim> {
  const { commandId, dossierId, operation } = command;
  const bodySha256 = sha256Of(command.content);
  await db.dossierCommand.createMany({ data: [{ commandId, dossierId, operation, bodySha256 }], skipDuplicates: true });
  const first = await db.dossierCommand.findUniqueOrThrow({ where: { commandId } });
  refuseIfAnotherCommand(first, command, bodySha256);
  return first.result === null ? { answered: false } : { answered: true, result: first.result };
}

/** Keeps the command's answer, so a repeat is answered even after the dossier's workflow has ended. */
export async function recordCommandResult(db: Db, commandId: string, result: unknown): Promise<void> {
  await db.dossierCommand.update({ where: { commandId }, data: { result: result as Prisma.InputJsonValue, answeredAt: new Date() } });
}
