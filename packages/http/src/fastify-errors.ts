import type { FastifyError, FastifyRequest } from 'fastify';

/** The problem kinds Fastify's own client errors map to (a subset of problems.ts's kinds). */
type ClientKind = 'validation' | 'payloadTooLarge' | 'unsupportedMediaType' | 'notFound';

const contentTypeOf = (request: FastifyRequest) => String(request.headers['content-type'] ?? '').split(';')[0]?.trim() || 'không có';

/**
 * Fastify's and its plugins' own client errors (FST_ERR_*, multipart's FST_*), said in Vietnamese:
 * their messages are English and name internals. Answers undefined for any other error.
 */
export function fastifyClientProblem(error: FastifyError, request: FastifyRequest): { kind: ClientKind; detail: string } | undefined {
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { kind: 'validation', detail: 'Nội dung gửi lên không phải JSON hợp lệ.' };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { kind: 'validation', detail: 'Nội dung gửi lên trống; yêu cầu này cần một đối tượng JSON.' };
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { kind: 'validation', detail: 'Độ dài khai báo (Content-Length) không khớp với nội dung gửi lên.' };
    case 'FST_ERR_CTP_BODY_TOO_LARGE': {
      const limit = request.routeOptions.bodyLimit;
      return { kind: 'payloadTooLarge', detail: `Nội dung gửi lên vượt quá giới hạn${limit ? ` ${Math.floor(limit / 1024)} KB` : ''}.` };
    }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
    case 'FST_ERR_CTP_INVALID_TYPE':
    case 'FST_ERR_CTP_EMPTY_TYPE':
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return { kind: 'unsupportedMediaType', detail: `Kiểu nội dung "${contentTypeOf(request)}" không được hỗ trợ ở đường dẫn này.` };
    case 'FST_ERR_NOT_FOUND':
      return { kind: 'notFound', detail: `Không có đường dẫn ${request.method} ${request.url}.` };
    default:
      return undefined;
  }
}

/** Other errors from Fastify or its plugins: their English message is not shown to people. */
export const isFrameworkError = (error: FastifyError) => typeof error.code === 'string' && error.code.startsWith('FST_');
