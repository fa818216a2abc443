import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { problemContentType, type FieldError, type Problem } from '@ntm/contracts';
import { fastifyClientProblem, isFrameworkError } from './fastify-errors.js';
import { isDependencyUnavailable } from './unavailable.js';
import { unknownFieldMessage } from './zod-messages.js';

/** Stable problem types; titles are Vietnamese because people read them. */
export const problemTypes = {
  validation: { type: 'urn:ntm:problem:validation', title: 'Dữ liệu không hợp lệ', status: 400 },
  unauthorized: { type: 'urn:ntm:problem:unauthorized', title: 'Chưa đăng nhập hoặc phiên đăng nhập không hợp lệ', status: 401 },
  forbidden: { type: 'urn:ntm:problem:forbidden', title: 'Không có quyền thực hiện', status: 403 },
  notFound: { type: 'urn:ntm:problem:not-found', title: 'Không tìm thấy', status: 404 },
  conflict: { type: 'urn:ntm:problem:conflict', title: 'Xung đột dữ liệu', status: 409 },
  wrongStage: { type: 'urn:ntm:problem:wrong-stage', title: 'Hồ sơ không ở bước phù hợp', status: 409 },
  unprocessable: { type: 'urn:ntm:problem:unprocessable', title: 'Chưa đủ điều kiện', status: 422 },
  payloadTooLarge: { type: 'urn:ntm:problem:payload-too-large', title: 'Dữ liệu gửi lên quá lớn', status: 413 },
  unsupportedMediaType: { type: 'urn:ntm:problem:unsupported-media-type', title: 'Kiểu dữ liệu không được hỗ trợ', status: 415 },
  methodNotAllowed: { type: 'urn:ntm:problem:method-not-allowed', title: 'Phương thức không được hỗ trợ', status: 405 },
  requestTimeout: { type: 'urn:ntm:problem:request-timeout', title: 'Quá thời gian chờ dữ liệu gửi lên', status: 408 },
  uriTooLong: { type: 'urn:ntm:problem:uri-too-long', title: 'Đường dẫn quá dài', status: 414 },
  rateLimited: { type: 'urn:ntm:problem:rate-limited', title: 'Quá nhiều yêu cầu', status: 429 },
  internal: { type: 'urn:ntm:problem:internal', title: 'Lỗi hệ thống', status: 500 },
  unavailable: { type: 'urn:ntm:problem:unavailable', title: 'Dịch vụ tạm thời không sẵn sàng', status: 503 },
} as const;

export type ProblemKind = keyof typeof problemTypes;

/** Thrown by handlers to answer with a problem of a known kind. */
export class HttpProblem extends Error {
  constructor(
    readonly kind: ProblemKind,
    readonly detail?: string,
    readonly errors?: FieldError[],
  ) {
    super(detail ?? problemTypes[kind].title);
    this.name = 'HttpProblem';
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem): FastifyReply {
  return reply.status(problem.status).type(problemContentType).send(problem);
}

function fromKind(kind: ProblemKind, instance: string, detail?: string, errors?: FieldError[]): Problem {
  const { type, title, status } = problemTypes[kind];
  return { type, title, status, instance, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) };
}

const statusKinds: Partial<Record<number, ProblemKind>> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'notFound',
  405: 'methodNotAllowed',
  408: 'requestTimeout',
  409: 'conflict',
  413: 'payloadTooLarge',
  414: 'uriTooLong',
  415: 'unsupportedMediaType',
  429: 'rateLimited',
  503: 'unavailable',
};

/** Field errors of a failed schema validation; an unknown field gets an entry of its own. */
function fieldErrors(error: FastifyError): FieldError[] {
  // The validation entries are Fastify's own shape; typed here because its type does not resolve through pnpm's layout.
  const validation = error.validation as Array<{ keyword?: string; instancePath: string; message?: string; params?: { keys?: unknown } }>;
  // A location repeats names the request sent; a NUL in one is written out, so the answer keeps to its schema (no NUL).
  const at = (path: string, ...more: string[]) =>
    [error.validationContext ?? 'request', ...path.split('/').filter(Boolean), ...more].join('.').replaceAll('\u0000', '\\u0000');
  return validation.flatMap((v) => {
    const keys = v.keyword === 'unrecognized_keys' && Array.isArray(v.params?.keys) ? (v.params.keys as unknown[]).map(String) : [];
    if (keys.length > 0) return keys.map((key) => ({ location: at(v.instancePath, key), message: unknownFieldMessage }));
    return [{ location: at(v.instancePath), message: v.message ?? 'không hợp lệ' }];
  });
}

/** The longest path parameter the router takes, counted as sent (percent-encoded); longer ones are a 414. */
export const maxParamLength = 1000;

/**
 * The router's own refusals, before any route or hook runs (Fastify's `frameworkErrors`): a path
 * whose percent-encoding is broken, a path parameter over `maxParamLength`. Also problem+json in Vietnamese.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const instance = request.url;
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    void sendProblem(reply, fromKind('uriTooLong', instance, `Một tham số trong đường dẫn dài quá ${maxParamLength} ký tự (tính cả mã hóa %).`));
  } else if (error.code === 'FST_ERR_BAD_URL') {
    void sendProblem(reply, fromKind('validation', instance, 'Đường dẫn có mã hóa % không hợp lệ.'));
  } else {
    request.log.warn({ err: error }, 'framework error before routing');
    void sendProblem(reply, fromKind('validation', instance, problemTypes.validation.title));
  }
}

/** One error handler for the whole service: every error leaves as application/problem+json. */
export function registerProblemHandlers(app: FastifyInstance, methodsAt: (path: string) => string[] = () => []): void {
  /** No route for this method and path: 405 naming the methods the path takes, or 404 for an unknown path. */
  const noRoute = (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? request.url;
    const allowed = methodsAt(path);
    if (allowed.length === 0 || allowed.includes(request.method)) {
      return sendProblem(reply, fromKind('notFound', request.url, `Không có đường dẫn ${request.method} ${request.url}.`));
    }
    void reply.header('allow', allowed.join(', '));
    return sendProblem(reply, fromKind('methodNotAllowed', request.url, `Đường dẫn ${path} không nhận phương thức ${request.method}; chỉ nhận ${allowed.join(', ')}.`));
  };

  app.setErrorHandler((error: FastifyError, request, reply) => {
    const instance = request.url;
    // Fastify reads a body-carrying method's headers even where no route takes it (QUERY without a
    // Content-Type, say): whatever it finds wrong, the answer is that there is no such route.
    if (request.is404) return noRoute(request, reply);
    if (hasZodFastifySchemaValidationErrors(error)) {
      return sendProblem(reply, fromKind('validation', instance, 'Yêu cầu có trường không hợp lệ.', fieldErrors(error)));
    }
    if (error instanceof HttpProblem) return sendProblem(reply, fromKind(error.kind, instance, error.detail, error.errors));
    const framework = fastifyClientProblem(error, request);
    if (framework) return sendProblem(reply, fromKind(framework.kind, instance, framework.detail));
    if (isDependencyUnavailable(error)) {
      request.log.warn({ err: error }, 'a dependency is unavailable');
      return sendProblem(reply, fromKind('unavailable', instance, unavailableDetail));
    }
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, fromKind('internal', instance));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, status === 503 ? fromKind('unavailable', instance, unavailableDetail) : fromKind('internal', instance));
    }
    const kind = statusKinds[status] ?? 'validation';
    // A framework's message is English and names internals; ours (thrown with a status) are Vietnamese.
    if (isFrameworkError(error)) request.log.info({ err: error }, 'client error from the framework');
    const detail = isFrameworkError(error) ? problemTypes[kind].title : error.message;
    return sendProblem(reply, { ...fromKind(kind, instance, detail), status });
  });

  app.setNotFoundHandler((request, reply) => noRoute(request, reply));
}

/** What a caller is told when PostgreSQL, Temporal or the object store cannot be reached. */
export const unavailableDetail = 'Hệ thống tạm thời không kết nối được cơ sở dữ liệu hoặc dịch vụ xử lý hồ sơ. Vui lòng thử lại sau ít phút; gửi lại cùng mã lệnh sẽ không bị ghi hai lần.';
