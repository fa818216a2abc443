import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { HealthReport, type ComponentHealth } from '@ntm/contracts';

/** A dependency the service needs: `check` resolves when it answers, rejects otherwise. */
export interface HealthProbe {
  name: string;
  check(): Promise<unknown>;
}

const probeTimeoutMs = 3000;

async function runProbe(probe: HealthProbe): Promise<ComponentHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe.check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
      }),
    ]);
    return { status: 'up', latencyMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (e as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

type ProbeResults = ReadonlyArray<readonly [string, ComponentHealth]>;

/**
 * Runs every probe once for all the requests that arrive while a run is under way: a monitor or load
 * balancer polling hard costs the dependencies one probe at a time, not one per request. Each answer
 * still comes from a run that started after its request arrived or was already running then.
 */
function sharedProbeRuns(probes: readonly HealthProbe[]): () => Promise<ProbeResults> {
  let running: Promise<ProbeResults> | null = null;
  return () =>
    (running ??= Promise.all(probes.map(async (p) => [p.name, await runProbe(p)] as const)).finally(() => {
      running = null;
    }));
}

/** GET /health: 200 when every probe answers, 503 otherwise, with each component's state. */
export function healthRoutes(service: string, probes: HealthProbe[]): FastifyPluginAsyncZod {
  const probeAll = sharedProbeRuns(probes);
  return async (app) => {
    app.get(
      '/health',
      {
        schema: {
          operationId: 'getHealth',
          description: 'Kiểm tra PostgreSQL, Temporal và kho lưu trữ tệp (mỗi thành phần tối đa 3 giây). 200 khi tất cả phản hồi, 503 kèm thành phần lỗi khi có thành phần không phản hồi. Không cần đăng nhập.',
          tags: ['health'],
          summary: 'Tình trạng dịch vụ và từng thành phần phụ thuộc',
          security: [],
          response: { 200: HealthReport.describe('Mọi thành phần phản hồi'), 503: HealthReport.describe('Có thành phần không phản hồi (xem components)') },
        },
      },
      async (_request, reply) => {
        const results = await probeAll();
        const components = Object.fromEntries(results);
        const up = results.every(([, r]) => r.status === 'up');
        return reply.status(up ? 200 : 503).send({ status: up ? 'up' : 'down', service, components });
      },
    );
  };
}
