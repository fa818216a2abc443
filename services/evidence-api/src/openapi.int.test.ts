import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEvidenceHarness, type EvidenceHarness } from './test-harness.js';

interface Media {
  schema?: { $ref?: string; type?: string; format?: string; properties?: Record<string, { type?: string; format?: string }>; required?: string[] };
  example?: { title?: string; status?: number; detail?: string };
}
interface Operation {
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  requestBody?: { content: Record<string, Media> };
  responses: Record<string, { description?: string; content?: Record<string, Media> }>;
}

const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

describe('the evidence API documents itself (OpenAPI served at /docs/json)', () => {
  let h: EvidenceHarness;
  let operations: Operation[];
  beforeAll(async () => {
    h = await startEvidenceHarness({ NTM_EVIDENCE_MAX_BYTES: '123456', NTM_EVIDENCE_MEDIA_TYPES: 'application/pdf,image/png', NTM_UPLOAD_RATE_LIMIT: '7' });
    const doc = (await h.app.inject({ method: 'GET', url: '/docs/json' })).json<{ paths: Record<string, Record<string, Operation>> }>();
    operations = Object.values(doc.paths)
      .flatMap((methods) => Object.values(methods))
      .filter((o) => o.tags?.includes('evidence'));
  });
  afterAll(async () => h.stop());
  const operation = (id: string) => operations.find((o) => o.operationId === id) as Operation;

  it('gives every operation a Vietnamese summary and description', () => {
    expect(operations.map((o) => o.operationId).sort()).toEqual(['deleteEvidence', 'downloadEvidence', 'getEvidence', 'listEvidence', 'listRecheckEvidence', 'presignEvidence', 'uploadEvidence', 'uploadRecheckEvidence']);
    for (const o of operations) {
      expect(o.summary, o.operationId).toMatch(vietnamese);
      expect(o.description, o.operationId).toMatch(vietnamese);
    }
  });

  it('declares every error answer as application/problem+json with the Problem schema, a Vietnamese title and an example', () => {
    for (const o of operations) {
      const errors = Object.entries(o.responses).filter(([code]) => Number(code) >= 400);
      expect(errors.map(([code]) => code), o.operationId).toEqual(expect.arrayContaining(['400', '401', '404', '503']));
      for (const [code, response] of errors) {
        expect(Object.keys(response.content ?? {}), `${o.operationId} ${code}`).toEqual(['application/problem+json']);
        const media = response.content?.['application/problem+json'];
        expect(media?.schema?.$ref).toBe('#/components/schemas/Problem');
        expect(media?.example?.status).toBe(Number(code));
        expect(response.description).toMatch(vietnamese);
      }
    }
    for (const id of ['uploadEvidence', 'uploadRecheckEvidence']) {
      expect(Object.keys(operation(id).responses).sort(), id).toEqual(['201', '400', '401', '403', '404', '408', '409', '413', '414', '415', '429', '503']);
    }
    expect(Object.keys(operation('deleteEvidence').responses)).toContain('409');
  });

  it('declares the uploads’ multipart body with a binary "file" field, so the docs page can send a file', () => {
    for (const id of ['uploadEvidence', 'uploadRecheckEvidence']) {
      const body = operation(id).requestBody?.content['multipart/form-data'];
      expect(body?.schema?.properties?.file, id).toMatchObject({ type: 'string', format: 'binary' });
      expect(body?.schema?.required, id).toEqual(['file']);
    }
  });

  it('writes the configured size limit, accepted types with their content rules, and rate limit into the upload’s description', () => {
    const { description } = operation('uploadEvidence');
    expect(operation('uploadRecheckEvidence').description).toContain('123456 byte');
    expect(operation('uploadRecheckEvidence').description).toContain('"Đơn vị tự rà soát, đánh giá lại" hoặc "Khắc phục tiêu chí chưa đạt"');
    expect(description).toContain('123456 byte');
    expect(description).toContain('application/pdf: bắt đầu bằng "%PDF-" và có "%%EOF"');
    expect(description).toContain('image/png: phần đầu ảnh đọc được kích thước');
    expect(description).not.toContain('image/jpeg');
    expect(description).toContain('7 tệp mỗi phút');
  });

  it('declares the download’s content as the accepted types', () => {
    expect(Object.keys(operation('downloadEvidence').responses['200']?.content ?? {})).toEqual(['application/pdf', 'image/png']);
  });
});
