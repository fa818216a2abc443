import type { Readable } from 'node:stream';
import type { Multipart } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '@ntm/http';
import { recordedFileName } from './file-name.js';

/** The one form field an upload carries. */
export const fileField = 'file';

export interface IncomingFile {
  stream: Readable & { truncated?: boolean };
  fileName: string;
}

const fieldError = (field: string, message: string) => new HttpProblem('validation', message, [{ location: `body.${field}`, message }]);

export const notMultipart = () => new HttpProblem('unsupportedMediaType', `Gửi tệp dưới dạng multipart/form-data, một tệp ở trường "${fileField}".`);

/** What the multipart parser's own errors mean for the person uploading. */
function fromParserError(e: unknown, maxBytes: number): unknown {
  if (e instanceof HttpProblem) return e;
  const { code, message } = e as { code?: string; message?: string };
  if (code === 'FST_FILES_LIMIT') return fieldError(fileField, `Mỗi yêu cầu chỉ gửi một tệp ở trường "${fileField}"; tải từng tệp một.`);
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return new HttpProblem('validation', `Yêu cầu chỉ được có một tệp ở trường "${fileField}".`);
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new HttpProblem('payloadTooLarge', `Tệp vượt quá ${maxBytes} byte.`);
  if (code === 'FST_PROTO_VIOLATION') return new HttpProblem('validation', 'Tên trường không hợp lệ.');
  // busboy's own: a missing boundary, a malformed part header, a body that ends inside a part.
  const cut = code === 'ERR_STREAM_PREMATURE_CLOSE' || (typeof message === 'string' && /multipart|boundary|terminated early|unexpected end|malformed/i.test(message));
  if (cut) {
    return new HttpProblem('validation', 'Dữ liệu multipart không trọn vẹn hoặc sai định dạng; tệp chưa được lưu. Vui lòng tải lên lại.');
  }
  return e;
}

/**
 * Reads a multipart upload holding exactly one file, in the field "file", and nothing else. `store`
 * receives the file while it streams; the rest of the body is then read to its end, so that a second
 * file or an unknown field is refused too, in which case `discard` removes what `store` kept.
 */
export async function receiveSingleFile<T>(
  request: FastifyRequest,
  options: { maxBytes: number; signal: AbortSignal; onReading: () => void },
  store: (file: IncomingFile) => Promise<T>,
  discard: (stored: T) => Promise<void>,
): Promise<T> {
  if (!request.isMultipart()) throw notMultipart();
  const parts = request.parts({ limits: { fileSize: options.maxBytes, files: 1, fields: 2, parts: 3 } })[Symbol.asyncIterator]();
  let next = parts.next();
  options.onReading();
  let stored: { value: T } | undefined;
  try {
    for (;;) {
      const result = await next;
      if (result.done === true) break;
      const part: Multipart = result.value;
      if (part.type === 'field') throw fieldError(part.fieldname, `Trường "${part.fieldname}" không được nhận: chỉ gửi một tệp ở trường "${fileField}".`);
      if (part.fieldname !== fileField) throw fieldError(part.fieldname, `Tệp phải gửi ở trường "${fileField}", không phải "${part.fieldname}".`);
      const name = recordedFileName(part.filename);
      if (!name.ok) throw fieldError(fileField, name.reason);
      const stream = part.file;
      options.signal.addEventListener('abort', () => stream.destroy(options.signal.reason as Error), { once: true });
      stored = { value: await store({ stream, fileName: name.name }) };
      next = parts.next();
    }
    if (!stored) throw fieldError(fileField, `Yêu cầu không có tệp (trường "${fileField}").`);
    options.signal.throwIfAborted();
    return stored.value;
  } catch (e) {
    if (stored) await discard(stored.value);
    await parts.return?.(undefined).catch(() => undefined);
    throw fromParserError(options.signal.aborted ? options.signal.reason : e, options.maxBytes);
  }
}
