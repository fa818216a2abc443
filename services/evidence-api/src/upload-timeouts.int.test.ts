import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, pdf } from './test-files.js';
import { startEvidenceHarness, type EvidenceHarness } from './test-harness.js';

/** What came back on a raw connection, and how long it took; resolves when the server closes it or after `waitMs`. */
function rawRequest(port: number, head: string, body: Buffer, waitMs: number): Promise<{ text: string; ms: number; closed: boolean }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, ms: Date.now() - started, closed: false });
    }, waitMs);
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, ms: Date.now() - started, closed: true });
    });
    socket.on('error', reject);
    socket.write(head);
    socket.write(body);
  });
}

const statusOf = (text: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
const problemOf = (text: string) => JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4)) as { title: string; detail: string };

describe('every upload is answered in bounded time (a listening instance, real MinIO and PostgreSQL)', () => {
  let h: EvidenceHarness;
  let port: number;
  beforeAll(async () => {
    h = await startEvidenceHarness({ NTM_UPLOAD_IDLE_TIMEOUT_SECONDS: '1', NTM_UPLOAD_TIMEOUT_SECONDS: '4' });
    await h.app.listen({ host: '127.0.0.1', port: 0 });
    port = (h.app.server.address() as AddressInfo).port;
  });
  afterAll(async () => h.stop());

  const requestHead = (contentType: string, contentLength: number) =>
    `POST ${h.uploadUrl} HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: ${h.authorization}\r\nContent-Type: ${contentType}\r\nContent-Length: ${contentLength}\r\n\r\n`;

  it('answers a truncated body (the client stops sending) with 408 problem+json within seconds, storing nothing', async () => {
    const { payload, headers } = multipart('bien-ban.pdf', pdf('x'.repeat(10_000)));
    const sent = payload.subarray(0, payload.length - 4000);
    const res = await rawRequest(port, requestHead(headers['content-type'], payload.length), sent, 8000);
    expect(res.ms).toBeLessThan(5000);
    expect(statusOf(res.text)).toBe(408);
    expect(res.text).toMatch(/content-type: application\/problem\+json/i);
    expect(problemOf(res.text).detail).toMatch(/Không nhận được dữ liệu nào trong 1 giây.*tải lên lại/);
    expect(res.closed).toBe(true);
    expect(await h.evidenceLeft()).toEqual({ rows: 0, objects: 0 });
  });

  it('answers a request whose body never starts with 408 within seconds', async () => {
    const res = await rawRequest(port, requestHead('multipart/form-data; boundary=abc', 5000), Buffer.alloc(0), 8000);
    expect(res.ms).toBeLessThan(5000);
    expect(statusOf(res.text)).toBe(408);
  });

  it('answers a client that keeps trickling bytes with 408 once the whole-upload limit passes', async () => {
    const { payload, headers } = multipart('cham.pdf', pdf('chậm'));
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    socket.on('data', (c: Buffer) => (text += c.toString('utf8')));
    socket.write(requestHead(headers['content-type'], payload.length + 100_000));
    socket.write(payload.subarray(0, 200));
    const trickle = setInterval(() => socket.write('x'), 300);
    await new Promise<void>((resolve) => socket.on('close', () => resolve()));
    clearInterval(trickle);
    expect(Date.now() - started).toBeLessThan(7000);
    expect(statusOf(text)).toBe(408);
    expect(problemOf(text).detail).toMatch(/chưa gửi xong sau 4 giây/);
    expect(await h.evidenceLeft()).toEqual({ rows: 0, objects: 0 });
  });

  it('answers a multipart body that ends inside its file part with 400, at once', async () => {
    const { payload, headers } = multipart('cut.pdf', pdf('cut'));
    const cut = payload.subarray(0, payload.length - 30);
    const res = await rawRequest(port, requestHead(headers['content-type'], cut.length), cut, 8000);
    expect(res.ms).toBeLessThan(1000);
    expect(statusOf(res.text)).toBe(400);
    expect(problemOf(res.text).detail).toMatch(/không trọn vẹn/);
    expect(await h.evidenceLeft()).toEqual({ rows: 0, objects: 0 });
  });

  it('answers an empty file over HTTP at once with 400', async () => {
    const { payload, headers } = multipart('trong.pdf', Buffer.alloc(0));
    const started = Date.now();
    const res = await fetch(`http://127.0.0.1:${port}${h.uploadUrl}`, { method: 'POST', body: payload, headers: { ...headers, authorization: h.authorization }, signal: AbortSignal.timeout(8000) });
    expect(Date.now() - started).toBeLessThan(1000);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { detail: string }).detail).toMatch(/Tệp rỗng/);
  });
});
