import type { FastifySchemaCompiler } from 'fastify';

/*
 * PostgreSQL's text cannot hold U+0000, so a NUL in any string a request sends (a query filter, a
 * path code, a body field) would fail in the database as a 500. One rule for every route instead:
 * the validator refuses it as a 400 naming the field, and the OpenAPI document says so with a
 * pattern on every free-text string.
 */

export const nulMessage = 'không được chứa ký tự NUL (U+0000)';
/** The pattern written on free-text strings: anything but U+0000 (same meaning in ECMA-262 and Python). */
export const noNulPattern = '^[^\\x00]*$';

/** The paths of the string values holding a NUL, at most `limit` of them. */
export function nulPaths(value: unknown, limit = 10, at: string[] = [], found: string[][] = []): string[][] {
  if (found.length >= limit) return found;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) found.push(at);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => nulPaths(v, limit, [...at, String(i)], found));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) nulPaths(v, limit, [...at, k], found);
  }
  return found;
}

// The shape fastify-type-provider-zod gives its validation errors, so the one error handler reads both alike.
const zodValidationError = Symbol.for('ZodFastifySchemaValidationError');

/** Wraps a validator compiler: a value holding a NUL anywhere is refused before the schema runs. */
export function refusingNul<S>(compiler: FastifySchemaCompiler<S>): FastifySchemaCompiler<S> {
  return (route) => {
    const validate = compiler(route);
    return (data: unknown) => {
      const paths = nulPaths(data);
      if (paths.length === 0) return validate(data);
      const error = paths.map((path) => ({
        [zodValidationError]: true,
        keyword: 'nul',
        instancePath: `/${path.join('/')}`,
        schemaPath: '#',
        message: nulMessage,
        params: {},
      }));
      return { error: error as unknown as Error };
    };
  };
}

type Json = Record<string, unknown>;

/** Writes the pattern on every free-text string schema of an OpenAPI document (no format, enum, const or pattern). */
export function documentNoNul(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) documentNoNul(item);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const schema = node as Json;
  const types = Array.isArray(schema.type) ? (schema.type as unknown[]) : [schema.type];
  if (types.includes('string') && !('format' in schema) && !('enum' in schema) && !('const' in schema) && !('pattern' in schema) && !('contentMediaType' in schema)) {
    schema.pattern = noNulPattern;
  }
  for (const [key, value] of Object.entries(schema)) if (key !== 'example' && key !== 'examples') documentNoNul(value);
}
