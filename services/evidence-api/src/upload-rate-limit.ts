import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf } from '@ntm/access';
import { HttpProblem } from '@ntm/http';

/**
 * Two independent limits on uploads, each per minute: per signed-in user, and per client IP
 * whoever is signed in. Either one exceeded answers 429 with Retry-After; kept in this process's memory.
 */
export async function uploadRateLimit(app: FastifyInstance, perMinute: { perActor: number; perIp: number }) {
  await app.register(rateLimit, { global: false });
  const checks = [
    app.createRateLimit({ max: perMinute.perActor, timeWindow: 60_000, keyGenerator: (r) => `upload|actor|${actorOf(r).id}` }),
    app.createRateLimit({ max: perMinute.perIp, timeWindow: 60_000, keyGenerator: (r) => `upload|ip|${r.ip}` }),
  ];
  return async (request: FastifyRequest, reply: { header(name: string, value: string): unknown }) => {
    for (const check of checks) {
      const limit = await check(request);
      if (!limit.isAllowed && limit.isExceeded) {
        reply.header('retry-after', String(limit.ttlInSeconds));
        throw new HttpProblem('rateLimited', `Tải lên quá nhiều tệp trong một phút. Vui lòng thử lại sau ${limit.ttlInSeconds} giây.`);
      }
    }
  };
}
