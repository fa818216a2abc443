import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { registerProblemHandlers } from './problems.js';

/** A Fastify instance with zod validation/serialisation and problem+json errors. */
export function createHttpApp(options: FastifyServerOptions = {}) {
  const app = Fastify({
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    ...options,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
