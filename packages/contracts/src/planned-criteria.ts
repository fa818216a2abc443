import { z } from 'zod';
import { Outcome } from '@ntm/domain';
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

/** What an indicator's value computes to against its threshold (domain `Outcome`). */
export const ComputedOutcome = z.enum(Object.values(Outcome)).describe('met | not_met | undetermined (no threshold or no value: judged by the assessor)');

/** An indicator of a dossier's or a re-check's criterion: its threshold, the unit's value and claim, and what the value computes to. */
export const JudgedIndicatorView = PlannedIndicator.extend({
  /** The threshold as people read it: "≥ 80 %", "đạt (có)", or "chưa có ngưỡng". */
  thresholdText: z.string(),
  value: z.union([z.number(), z.boolean()]).nullable(),
  claimedMet: z.boolean().nullable(),
  computed: ComputedOutcome,
});
