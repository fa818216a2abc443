import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { collectRouteMethods } from './method-not-allowed.js';
import { refusingNul } from './no-nul.js';
import { answerFrameworkError, maxParamLength, registerProblemHandlers } from './problems.js';
import { useVietnameseZodMessages } from './zod-messages.js';

/** A Fastify instance with zod validation/serialisation and problem+json errors, in Vietnamese. */
export function createHttpApp(options: FastifyServerOptions = {}) {
  useVietnameseZodMessages();
  const app = Fastify({
    bodyLimit: 1024 * 1024,
    requestIdHeader: 'x-request-id',
    // Long enough for any parameter the schemas take (a 64-character Vietnamese code is about 600
    // characters percent-encoded), so their own limits answer first, with a 400 naming the field.
    routerOptions: { maxParamLength },
    frameworkErrors: answerFrameworkError,
    ...options,
  }).withTypeProvider<ZodTypeProvider>();
  const methodsAt = collectRouteMethods(app);
  // Text never holds U+0000 (PostgreSQL refuses it): a 400 for every route, before its schema.
  app.setValidatorCompiler(refusingNul(validatorCompiler));
  app.setSerializerCompiler(serializerCompiler);
  // Bodies are JSON unless a route registers its own type: plain text is refused (415), not parsed as a string.
  app.removeContentTypeParser('text/plain');
  registerProblemHandlers(app, methodsAt);
  return app;
}

export type HttpApp = ReturnType<typeof createHttpApp>;
