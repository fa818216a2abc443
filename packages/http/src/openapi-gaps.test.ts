import { describe, expect, it } from 'vitest';
import { openApiGaps } from './openapi-gaps.js';

describe('openApiGaps', () => {
  it('names every gap of an operation documented as little as possible', () => {
    const bare = { paths: { '/x/{id}': { post: { operationId: 'x', summary: 'X', parameters: [{ name: 'n', in: 'query', schema: { type: 'integer' } }, { name: 'id', in: 'path', schema: {} }], requestBody: { content: { 'application/json': { schema: { type: 'object' } } } }, responses: { 200: { description: 'ok' } } } } } };
    expect(openApiGaps(bare)).toEqual([
      'POST /x/{id}: no Vietnamese summary',
      'POST /x/{id}: no Vietnamese description',
      'POST /x/{id}: does not declare 503',
      'POST /x/{id}: does not declare 400',
      'POST /x/{id}: does not declare 414',
      'POST /x/{id}: does not declare 413',
      'POST /x/{id}: does not declare 415',
      'POST /x/{id}: does not declare 401',
      'POST /x/{id}: parameter n is an unbounded integer',
      'POST /x/{id}: parameter id has an empty schema',
      'POST /x/{id}: body application/json has no example',
      'POST /x/{id}: does not say the size limit of its body ("tối đa …")',
    ]);
  });

  it('finds nothing to say about a fully documented operation', () => {
    const problem = (status: number) => ({ description: 'Lỗi', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' }, example: { status } } } });
    const op = {
      operationId: 'x',
      summary: 'Tạo mục',
      description: 'Tạo một mục; nội dung gửi lên tối đa 1 MiB.',
      parameters: [{ name: 'n', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 9 } }],
      requestBody: { content: { 'application/json': { schema: { type: 'object', examples: [{}] } } } },
      responses: { 201: { description: 'Đã tạo' }, 400: problem(400), 401: problem(401), 413: problem(413), 415: problem(415), 503: problem(503) },
    };
    expect(openApiGaps({ paths: { '/x': { post: op } } })).toEqual([]);
  });
});
