import { z } from 'zod';

export const ComponentHealth = z.object({
  status: z.enum(['up', 'down']),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export type ComponentHealth = z.infer<typeof ComponentHealth>;

export const HealthReport = z
  .object({
    status: z.enum(['up', 'down']),
    service: z.string(),
    components: z.record(z.string(), ComponentHealth),
  })
  .meta({ id: 'HealthReport' });
export type HealthReport = z.infer<typeof HealthReport>;
