import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { problemContentType, type FieldError, type Problem } from '@ntm/contracts';

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
  requestTimeout: { type: 'urn:ntm:problem:request-timeout', title: 'Quá thời gian chờ dữ liệu gửi lên', status: 408 },
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
  408: 'requestTimeout',
  409: 'conflict',
  413: 'payloadTooLarge',
  415: 'unsupportedMediaType',
  429: 'rateLimited',
  503: 'unavailable',
};

/** One error handler for the whole service: every error leaves as application/problem+json. */
export function registerProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const instance = request.url;
    if (hasZodFastifySchemaValidationErrors(error)) {
      // The validation entries are Fastify's own shape; typed here because its type does not resolve through pnpm's layout.
      const validation = error.validation as Array<{ instancePath: string; message?: string }>;
      const errors = validation.map((v) => ({
        location: [error.validationContext ?? 'request', ...v.instancePath.split('/').filter(Boolean)].join('.'),
        message: v.message ?? 'không hợp lệ',
      }));
      return sendProblem(reply, fromKind('validation', instance, 'Yêu cầu có trường không hợp lệ.', errors));
    }
    if (error instanceof HttpProblem) return sendProblem(reply, fromKind(error.kind, instance, error.detail, error.errors));
    if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
      return sendProblem(reply, fromKind('internal', instance));
    }
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, fromKind(status === 503 ? 'unavailable' : 'internal', instance));
    }
    const kind = statusKinds[status] ?? 'validation';
    return sendProblem(reply, { ...fromKind(kind, instance, error.message), status });
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, fromKind('notFound', request.url, `Không có đường dẫn ${request.method} ${request.url}.`)));
}
