import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { objectKeys } from '@ntm/storage';
import { multipart, pdf } from './test-files.js';
import { startEvidenceHarness, type EvidenceHarness } from './test-harness.js';

/** A local port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('the evidence store unreachable (storage pointed at a closed port, real PostgreSQL)', () => {
  let h: EvidenceHarness;
  beforeAll(async () => {
    h = await startEvidenceHarness({}, { port: await closedPort() });
  });
  afterAll(async () => h.stop());

  it('answers an upload with 503 problem+json telling the person to retry, and records nothing', async () => {
    const body = multipart('bien-ban.pdf', pdf('x'));
    const res = await h.app.inject({ method: 'POST', url: h.uploadUrl, payload: body.payload, headers: { ...body.headers, authorization: h.authorization } });
    expect(res.statusCode, res.body).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json<{ title: string; detail: string }>()).toMatchObject({ title: 'Dịch vụ tạm thời không sẵn sàng', detail: expect.stringMatching(/tải lên lại/) as string });
    expect(await h.evidenceLeft()).toEqual({ rows: 0, objects: 0 });
  });

  it('answers a download with 503 rather than an internal error, and a removal still removes the record', async () => {
    const id = randomUUID();
    await h.db.evidence.create({
      data: { id, dossierId: h.dossierId, objectKey: objectKeys.evidence(h.dossierId, id), sha256: '0'.repeat(64), sizeBytes: 1, mediaType: 'application/pdf', originalName: 'a.pdf', uploadedBy: 'test' },
    });
    const download = await h.app.inject({ method: 'GET', url: `/evidence/${id}/content`, headers: { authorization: h.authorization } });
    expect(download.statusCode, download.body).toBe(503);
    expect(download.headers['content-type']).toMatch(/^application\/problem\+json/);
    const removed = await h.app.inject({ method: 'DELETE', url: `/evidence/${id}`, headers: { authorization: h.authorization } });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await h.db.evidence.count({ where: { id } })).toBe(0);
  });
});
