import { problemContentType } from '@ntm/contracts';
import { problemTypes, type ProblemKind } from './problems.js';

/*
 * What every operation of a service can answer besides what its route declares, written into the
 * OpenAPI document from the same facts the service runs on: a bearer token (401 unless the
 * operation says `security: []`), zod validation of parameters and bodies (400), the router's
 * limit on a path parameter's length (414, problems.ts's maxParamLength), the body parser
 * (413 over the size limit, 415 for another content type) and the error handler (503 when
 * PostgreSQL, Temporal or the object store cannot be reached). Every error answer is documented as
 * application/problem+json with the Problem schema and an example.
 */

type Json = Record<string, unknown>;
interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, Json>;
}

const kindByStatus: Record<string, ProblemKind> = Object.fromEntries(Object.entries(problemTypes).map(([kind, p]) => [String(p.status), kind as ProblemKind]));
// 409 is shared by conflicts and wrong stages; the more general one names the status.
kindByStatus['409'] = 'conflict';

const exampleDetails: Partial<Record<ProblemKind, string>> = {
  validation: 'Yêu cầu có trường không hợp lệ.',
  unauthorized: 'Thiếu mã truy cập (Authorization: Bearer …).',
  forbidden: 'Vai trò của người dùng không được thực hiện lệnh này với hồ sơ này.',
  notFound: 'Không có hồ sơ "6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f".',
  conflict: 'Mã lệnh này đã được dùng cho lệnh khác; mỗi lệnh cần một mã lệnh mới.',
  unprocessable: 'Hồ sơ chưa đủ điều kiện để nộp.',
  payloadTooLarge: 'Nội dung gửi lên vượt quá giới hạn 1024 KB.',
  uriTooLong: 'Một tham số trong đường dẫn dài quá 1000 ký tự (tính cả mã hóa %).',
  unsupportedMediaType: 'Kiểu nội dung "text/plain" không được hỗ trợ ở đường dẫn này.',
  rateLimited: 'Thử đăng nhập quá nhiều lần. Vui lòng thử lại sau 60 giây.',
  unavailable: 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu hoặc dịch vụ xử lý hồ sơ. Vui lòng thử lại sau ít phút.',
};

/** Where a validation error would be, in an example: the body's command id, or the first parameter. */
function exampleLocation(operation: Operation): string {
  if (operation.requestBody) return 'body.commandId';
  const first = operation.parameters?.[0] as { in?: string; name?: string } | undefined;
  return first ? `${first.in === 'path' ? 'params' : first.in === 'query' ? 'querystring' : String(first.in)}.${String(first.name)}` : 'request';
}

function exampleOf(status: string, path: string, operation: Operation): Json {
  const kind = kindByStatus[status] ?? 'internal';
  const { type, title } = problemTypes[kind];
  const example: Json = { type, title, status: Number(status), detail: exampleDetails[kind] ?? title, instance: path.replace(/\{[^}]+\}/g, '6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f') };
  if (kind === 'validation') example.errors = [{ location: exampleLocation(operation), message: 'không hợp lệ' }];
  return example;
}

const problemRef = { $ref: '#/components/schemas/Problem' };
const isProblemResponse = (response: Json | undefined) => {
  const content = response?.content as Record<string, { schema?: { $ref?: string } }> | undefined;
  return !content || Object.values(content).some((c) => c.schema?.$ref === problemRef.$ref);
};

/** The statuses an operation can answer whatever its route: see the comment at the top. */
function implicitStatuses(operation: Operation): string[] {
  const statuses = ['503'];
  if ((operation.parameters?.length ?? 0) > 0 || operation.requestBody) statuses.push('400');
  if (operation.parameters?.some((p) => (p as { in?: string }).in === 'path')) statuses.push('414');
  if (operation.requestBody) statuses.push('413', '415');
  if (!Array.isArray(operation.security) || operation.security.length > 0) statuses.push('401');
  return statuses;
}

function documentOperation(path: string, operation: Operation): void {
  const responses = (operation.responses ??= {});
  for (const status of implicitStatuses(operation)) responses[status] ??= {};
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) < 400) {
      if (response.description === 'Default Response') response.description = 'Thành công';
      continue;
    }
    if (!isProblemResponse(response)) continue;
    responses[status] = {
      description: status === '409' ? `${problemTypes.conflict.title}, hoặc ${problemTypes.wrongStage.title.toLowerCase()}` : problemTypes[kindByStatus[status] ?? 'internal'].title,
      content: { [problemContentType]: { schema: problemRef, example: exampleOf(status, path, operation) } },
    };
  }
}

/** Adds every implicit status to each operation and documents error answers as problem+json. */
export function documentProblems<T extends { paths?: unknown }>(document: T): T {
  const paths = (document.paths ?? {}) as Record<string, Record<string, Operation>>;
  for (const [path, operations] of Object.entries(paths)) {
    for (const [method, operation] of Object.entries(operations)) {
      if (['get', 'put', 'post', 'delete', 'patch'].includes(method)) documentOperation(path, operation);
    }
  }
  return document;
}
