import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { documentNoNul } from './no-nul.js';
import { documentProblems } from './openapi-problems.js';

const sizeOf = (bytes: number) => (bytes % (1024 * 1024) === 0 ? `${bytes / 1024 / 1024} MiB` : `${Math.round(bytes / 1024)} KB`);

/** An operation taking a body says how large it may be, unless its description already does ("tối đa …"). */
function withBodyLimit<T extends { schema: unknown }>(result: T, bodyLimit: number | undefined): T {
  const schema = result.schema as { body?: unknown; description?: string } | undefined;
  if (!schema?.body || bodyLimit === undefined || /tối đa/.test(schema.description ?? '')) return result;
  const description = [schema.description, `Nội dung gửi lên tối đa ${sizeOf(bodyLimit)}; lớn hơn: 413.`].filter(Boolean).join('\n\n');
  return { ...result, schema: { ...schema, description } };
}

/**
 * OpenAPI generated from the routes' zod schemas: JSON at /docs/json, UI at /docs. Every operation
 * needs a bearer token unless its schema says `security: []` (health, login, public pages).
 */
export async function registerOpenApi(app: FastifyInstance, info: { title: string; version: string; description: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info,
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: (input) => withBodyLimit(jsonSchemaTransform(input), input.route.bodyLimit ?? app.initialConfig.bodyLimit),
    // Every error answer documented as problem+json, with the statuses every operation can answer.
    // Free-text strings say they take no U+0000 (no-nul.ts).
    transformObject: (input) => {
      const document = documentProblems(jsonSchemaTransformObject(input));
      documentNoNul((document as { paths?: unknown }).paths);
      documentNoNul((document as { components?: unknown }).components);
      return document;
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });
}
