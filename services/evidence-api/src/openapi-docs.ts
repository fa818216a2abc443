import type { FastifySchema } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { Problem, problemContentType } from '@ntm/contracts';
import { problemTypes, type ProblemKind } from '@ntm/http';

type TransformInput = Parameters<typeof jsonSchemaTransform>[0];
type JsonObject = Record<string, unknown>;

const kindOfStatus = Object.fromEntries(Object.entries(problemTypes).map(([kind, p]) => [p.status, kind as ProblemKind])) as Record<number, ProblemKind>;

/** A sample detail per status, in the words the service answers with. */
const sampleDetails: Record<number, string> = {
  400: 'Mỗi yêu cầu chỉ gửi một tệp ở trường "file"; tải từng tệp một.',
  401: 'Thiếu mã truy cập (Authorization: Bearer …).',
  403: 'Vai trò của bạn chỉ được xem hồ sơ này.',
  404: 'Không có minh chứng "3f6c1a9e-8d2b-4c1e-9a7f-2b5d8e0c4a11".',
  408: 'Không nhận được dữ liệu nào trong 30 giây. Tệp chưa được lưu; vui lòng tải lên lại.',
  409: 'Hồ sơ đang ở bước "APPRAISAL": chỉ bổ sung minh chứng ở bước tự đánh giá.',
  413: 'Tệp vượt quá 52428800 byte.',
  415: 'Tệp application/pdf không hợp lệ: thiếu "%%EOF" ở cuối tệp PDF (tệp bị cắt cụt hoặc không phải PDF).',
  429: 'Tải lên quá nhiều tệp trong một phút. Vui lòng thử lại sau 42 giây.',
  503: 'Kho lưu trữ tệp tạm thời không phản hồi; tệp chưa được lưu. Vui lòng tải lên lại sau ít phút.',
};

const successDescriptions: Record<number, string> = { 200: 'Thành công', 201: 'Đã lưu', 204: 'Đã thực hiện; không có nội dung' };

/** The problem+json answers a route may give, for its `response` schema (also used to serialise them). */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof Problem> {
  return Object.fromEntries(statuses.map((s) => [s, Problem])) as Record<S, typeof Problem>;
}

function problemResponse(status: number, url: string): JsonObject {
  const kind = kindOfStatus[status];
  const { type, title } = kind ? problemTypes[kind] : problemTypes.internal;
  return {
    description: title,
    content: { [problemContentType]: { schema: { $ref: '#/components/schemas/Problem' }, example: { type, title, status, detail: sampleDetails[status] ?? title, instance: url.replace(/:\w+/g, '3f6c1a9e-8d2b-4c1e-9a7f-2b5d8e0c4a11') } } },
  };
}

/** What a route adds to its generated documentation: a request body or responses zod cannot describe. */
export interface RouteDocs {
  body?: JsonObject;
  consumes?: string[];
  responses?: Record<number, JsonObject>;
}

/**
 * The OpenAPI transform of the evidence routes: the zod schemas' own, then every 4xx/5xx answer as
 * application/problem+json with the Problem schema, its Vietnamese title and an example, and
 * descriptions for the success answers.
 */
export function documented(extra: RouteDocs = {}) {
  return (input: TransformInput): { schema: FastifySchema; url: string } => {
    const { schema, url } = jsonSchemaTransform(input) as { schema: FastifySchema & { response?: Record<string, JsonObject> }; url: string };
    const response: Record<string, JsonObject> = {};
    for (const [code, value] of Object.entries(schema.response ?? {})) {
      const status = Number(code);
      response[code] = status >= 400 ? problemResponse(status, url) : { description: successDescriptions[status] ?? 'Thành công', ...value };
    }
    for (const [code, value] of Object.entries(extra.responses ?? {})) response[code] = value;
    return { schema: { ...schema, response, ...(extra.body ? { body: extra.body } : {}), ...(extra.consumes ? { consumes: extra.consumes } : {}) }, url };
  };
}

/** A file's bytes, for request bodies and downloads. */
export const binary = { type: 'string', format: 'binary' } as const;
