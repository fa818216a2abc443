import { problemContentType } from '@ntm/contracts';

/*
 * What a served OpenAPI document must say about every operation for people (and the fuzzer) to
 * rely on it: a Vietnamese summary and description, every status the service can answer whatever
 * the route (see openapi-problems.ts), each error as problem+json with an example, parameters and
 * bodies whose schemas say what they take (integers bounded), the body's size limit, and an example
 * of what to send. Each service's unit test reads its own document through this list.
 */

type Json = Record<string, unknown>;
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  parameters?: Array<{ name: string; in: string; schema?: Json }>;
  requestBody?: { content?: Record<string, { schema?: Json; example?: unknown; examples?: unknown }> };
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Json; example?: unknown }> }>;
}
interface Document {
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Json> };
}

export const vietnameseText = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;

const methods = ['get', 'put', 'post', 'delete', 'patch'];

function resolve(document: Document, schema: Json | undefined): Json | undefined {
  const ref = schema?.$ref;
  if (typeof ref !== 'string') return schema;
  return document.components?.schemas?.[ref.replace('#/components/schemas/', '')];
}

/** True when the body's media type, or its schema, carries an example of what to send. */
function hasBodyExample(document: Document, media: { schema?: Json; example?: unknown; examples?: unknown }): boolean {
  if (media.example !== undefined || media.examples !== undefined) return true;
  const schema = resolve(document, media.schema);
  if (Array.isArray(schema?.examples) && schema.examples.length > 0) return true;
  // A file upload: the binary body, or its binary field, is what to send.
  if (schema?.format === 'binary') return true;
  const properties = (schema?.properties ?? {}) as Record<string, Json>;
  return Object.values(properties).some((p) => p.format === 'binary');
}

function operationGaps(document: Document, name: string, op: Operation): string[] {
  const gaps: string[] = [];
  const say = (what: string) => gaps.push(`${name}: ${what}`);
  if (!op.operationId) say('no operationId');
  if (!vietnameseText.test(op.summary ?? '')) say('no Vietnamese summary');
  if (!vietnameseText.test(op.description ?? '')) say('no Vietnamese description');
  const responses = op.responses ?? {};
  const statuses = Object.keys(responses);
  const params = op.parameters ?? [];
  const body = op.requestBody?.content;
  const expected = ['503'];
  if (params.length > 0 || body) expected.push('400');
  if (params.some((p) => p.in === 'path')) expected.push('414');
  if (body) expected.push('413', '415');
  if (!(Array.isArray(op.security) && op.security.length === 0)) expected.push('401');
  for (const status of expected) if (!statuses.includes(status)) say(`does not declare ${status}`);
  if (!statuses.some((s) => s.startsWith('2'))) say('declares no success answer');
  for (const [status, response] of Object.entries(responses)) {
    if (!vietnameseText.test(response.description ?? '') && !(status.startsWith('2') && response.description)) say(`${status} has no description`);
    if (Number(status) >= 400 && !name.endsWith(' /health')) {
      const problem = response.content?.[problemContentType];
      if (problem?.schema?.$ref !== '#/components/schemas/Problem') say(`${status} is not documented as problem+json`);
      if ((problem?.example as { status?: unknown } | undefined)?.status !== Number(status)) say(`${status} has no example`);
    }
  }
  for (const p of params) {
    const keys = Object.keys(p.schema ?? {}).filter((k) => k !== 'description' && k !== 'default');
    if (keys.length === 0) say(`parameter ${p.name} has an empty schema`);
    if (p.schema?.type === 'integer' && (typeof p.schema.minimum !== 'number' || typeof p.schema.maximum !== 'number')) say(`parameter ${p.name} is an unbounded integer`);
  }
  for (const [type, media] of Object.entries(body ?? {})) {
    if (Object.keys(media.schema ?? {}).length === 0) say(`body ${type} has an empty schema`);
    if (!hasBodyExample(document, media)) say(`body ${type} has no example`);
  }
  if (body && !/tối đa/.test(op.description ?? '')) say('does not say the size limit of its body ("tối đa …")');
  return gaps;
}

/** Everything the document leaves unsaid, one line per gap; empty when every operation is documented. */
export function openApiGaps(document: Document): string[] {
  return Object.entries(document.paths ?? {}).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method]) => methods.includes(method))
      .flatMap(([method, op]) => operationGaps(document, `${method.toUpperCase()} ${path}`, op)),
  );
}
