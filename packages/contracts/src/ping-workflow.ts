import { z } from 'zod';

/**
 * The smallest workflow of the system: proves a worker, its activities and the database are
 * wired. It records a ping row through an activity and returns what it wrote.
 */
export const pingWorkflowType = 'pingWorkflow';

export const PingInput = z.object({ pingId: z.string().min(1), message: z.string().min(1).max(200) });
export type PingInput = z.infer<typeof PingInput>;

export const PingResult = z.object({ pingId: z.string(), message: z.string(), recordedAt: z.string() });
export type PingResult = z.infer<typeof PingResult>;
