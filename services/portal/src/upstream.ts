import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A JSON request to one of the APIs (sign-in, refresh, sign-out, the signed-in user). */
export async function callJson(base: string, method: 'GET' | 'POST', path: string, options: { body?: unknown; bearer?: string; requestId?: string } = {}): Promise<UpstreamAnswer> {
  const url = new URL(path, base);
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (options.bearer !== undefined) headers.authorization = `Bearer ${options.bearer}`;
  if (options.requestId !== undefined) headers['x-request-id'] = options.requestId;
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method, headers, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = null;
        try {
          body = text.length > 0 ? JSON.parse(text) : null;
        } catch {
          body = text;
        }
        resolve({ status: res.statusCode ?? 502, headers: res.headers, body });
      });
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`timed out: ${method} ${url.href}`)));
    req.on('error', reject);
    req.end(payload);
  });
}
