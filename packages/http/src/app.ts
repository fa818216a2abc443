import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerProblemHandlers } from './problems.js';
import { useVietnameseZodMessages } from './zod-messages.js';

/** A Fastify instance with zod validation/serialisation and problem+json errors, in Vietnamese. */
export function createHttpApp(options: FastifyServerOptions = {}) {
  useVietnameseZodMessages();
  const app = Fastify({
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    ...options,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Bodies are JSON unless a route registers its own type: plain text is refused (415), not parsed as a string.
  app.removeContentTypeParser('text/plain');
  registerProblemHandlers(app);
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
