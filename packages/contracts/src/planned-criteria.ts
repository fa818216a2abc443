import { z } from 'zod';
import { ThresholdKind } from './catalog-file.js';

const code = z.string().min(1).max(64);

/** An indicator as the dossier opened with it: the threshold of the unit's group, null when none was set. */
export const PlannedIndicator = z.object({
  code,
  name: z.string(),
  thresholdKind: ThresholdKind,
  unitOfMeasure: z.string().nullable(),
  threshold: z.union([z.number(), z.literal(true)]).nullable(),
});

export const ThresholdGroup = z.object({ code, name: z.string() });

export const PlannedCriterion = z.object({ code, number: z.number().int(), name: z.string(), indicators: z.array(PlannedIndicator).optional() });
