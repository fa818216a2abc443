import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipart, multipartOf, pdf, png } from './test-files.js';
import { startEvidenceHarness, type EvidenceHarness } from './test-harness.js';

interface ProblemBody {
  title: string;
  detail?: string;
  errors?: Array<{ location: string; message: string }>;
}

describe('an upload refused for its input leaves nothing behind (real MinIO and PostgreSQL)', () => {
  let h: EvidenceHarness;
  beforeAll(async () => {
    h = await startEvidenceHarness({ NTM_EVIDENCE_MEDIA_TYPES: 'application/pdf,image/png,image/jpeg' });
  });
  afterAll(async () => h.stop());

  const post = (body: { payload: Buffer; headers: Record<string, string> }) =>
    h.app.inject({ method: 'POST', url: h.uploadUrl, payload: body.payload, headers: { ...body.headers, authorization: h.authorization } });

  /** Asserts a Vietnamese problem+json refusal with this status, and that nothing was stored. */
  async function expectRefused(res: Awaited<ReturnType<typeof post>>, status: number, detail: RegExp) {
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json<ProblemBody>();
    expect(`${body.detail ?? ''} ${(body.errors ?? []).map((e) => `${e.location}: ${e.message}`).join(' ')}`).toMatch(detail);
    expect(await h.evidenceLeft()).toEqual({ rows: 0, objects: 0 });
    return body;
  }

  it('answers an empty file at once with 400 "tệp rỗng"', async () => {
    await expectRefused(await post(multipart('trong.pdf', Buffer.alloc(0))), 400, /tệp rỗng/);
  });

  it('refuses a file name with control characters (a NUL byte) with 400 naming the field', async () => {
    const body = await expectRefused(await post(multipart('bien\u0000ban.pdf', pdf('nul'))), 400, /tên tệp/i);
    expect(body.errors?.[0]?.location).toBe('body.file');
  });

  it('refuses a file sent under another field name with 400 naming the expected field', async () => {
    const body = await expectRefused(await post(multipartOf([{ field: 'document', fileName: 'a.pdf', content: pdf('a'), contentType: 'application/pdf' }])), 400, /"file"/);
    expect(body.errors?.[0]?.location).toBe('body.document');
  });

  it('refuses two files in one request, storing neither', async () => {
    const two = multipartOf([
      { field: 'file', fileName: 'mot.pdf', content: pdf('một'), contentType: 'application/pdf' },
      { field: 'file', fileName: 'hai.pdf', content: pdf('hai'), contentType: 'application/pdf' },
    ]);
    await expectRefused(await post(two), 400, /một tệp/);
  });

  it('refuses a field it does not know, naming it', async () => {
    const body = await expectRefused(await post(multipartOf([{ field: 'ghiChu', content: 'x' }, { field: 'file', fileName: 'a.pdf', content: pdf('a') }])), 400, /ghiChu/);
    expect(body.errors?.[0]?.location).toBe('body.ghiChu');
  });

  it('refuses a 9-byte "PDF" (a header and nothing else) with 415', async () => {
    await expectRefused(await post(multipart('gia.pdf', Buffer.from('%PDF-1.4\n'))), 415, /%%EOF/);
  });

  it('refuses a "PNG" whose header cannot be read for its dimensions with 415', async () => {
    await expectRefused(await post(multipart('anh.png', png().subarray(0, 20), 'image/png')), 415, /IHDR/);
  });

  it('answers a body that is not multipart with 415 in Vietnamese', async () => {
    for (const [type, payload] of [['application/json', '{"file":"x"}'], ['application/octet-stream', 'x'], ['text/plain', 'x']] as const) {
      const res = await h.app.inject({ method: 'POST', url: h.uploadUrl, payload, headers: { 'content-type': type, authorization: h.authorization } });
      expect(res.statusCode, type).toBe(415);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json<ProblemBody>().detail).toMatch(/multipart\/form-data.*"file"/);
    }
    expect(await h.evidenceLeft()).toEqual({ rows: 0, objects: 0 });
  });

  it('keeps the extension when it shortens a long file name, and stores a real PNG and PDF', async () => {
    const long = `${'Biên bản họp thôn '.repeat(30)}.pdf`;
    const res = await post(multipart(long, pdf('dài')));
    expect(res.statusCode, res.body).toBe(201);
    const { originalName } = res.json<{ originalName: string }>();
    expect(originalName.length).toBeLessThanOrEqual(255);
    expect(originalName).toMatch(/^Biên bản họp thôn .*\.pdf$/);
    const image = await post(multipart('anh.png', png(), 'image/png'));
    expect(image.statusCode, image.body).toBe(201);
    expect(image.json<{ mediaType: string }>().mediaType).toBe('image/png');
    expect(await h.evidenceLeft()).toEqual({ rows: 2, objects: 2 });
  });
});
