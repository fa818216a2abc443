import { randomUUID } from 'node:crypto';

/** A small but real PDF: the %PDF- header and the %%EOF trailer the content check asks for. */
export const pdf = (body: string) => Buffer.from(`%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n% ${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`);

/** A real 1×1 PNG. */
export const png = () => Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** One part of a multipart body: a file when it has a file name, a plain field otherwise. */
export interface Part {
  field: string;
  content: Buffer | string;
  fileName?: string;
  contentType?: string;
}

/** A multipart/form-data body made of these parts, in order. */
export function multipartOf(parts: Part[]) {
  const boundary = `----ntm${randomUUID()}`;
  const chunks = parts.flatMap((p) => {
    const disposition = `form-data; name="${p.field}"${p.fileName === undefined ? '' : `; filename="${p.fileName}"`}`;
    const type = p.fileName === undefined ? '' : `Content-Type: ${p.contentType ?? 'application/octet-stream'}\r\n`;
    return [Buffer.from(`--${boundary}\r\nContent-Disposition: ${disposition}\r\n${type}\r\n`), Buffer.from(p.content), Buffer.from('\r\n')];
  });
  return { payload: Buffer.concat([...chunks, Buffer.from(`--${boundary}--\r\n`)]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A multipart body with one file in the field "file". */
export function multipart(fileName: string, content: Buffer, contentType = 'application/pdf') {
  return multipartOf([{ field: 'file', fileName, content, contentType }]);
}
