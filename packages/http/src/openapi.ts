import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { documentNoNul } from './no-nul.js';
import { documentProblems } from './openapi-problems.js';

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
    transform: jsonSchemaTransform,
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
