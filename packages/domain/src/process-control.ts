import type { Duration, WorkingCalendar } from './calendar.js';
import { dueDateOf, vietnamDay } from './vietnam-time.js';

/** A move of the dossier into a stage, as recorded in its history. */
export interface StageMove {
  stage: string;
  at: Date;
}

export type StepStatus = 'on_time' | 'late' | 'in_progress' | 'overdue' | 'no_budget';

/** One row of the process-control record (phiếu kiểm soát quá trình giải quyết hồ sơ). */
export interface ControlStep {
  stageCode: string;
  stageName: string;
  startedAt: Date;
  endedAt: Date | null;
  budget: Duration | null;
  /** The last day the step may end on, in Vietnam's calendar; null without a budget. */
  dueDate: string | null;
  status: StepStatus;
}

export interface ProcessControlRecord {
  steps: ControlStep[];
  lateSteps: number;
}

/**
 * Builds the process-control record from the dossier's stage moves: every visit to one of the
 * track's stages is a step (a dossier returned for supplementation visits a stage again), timed
 * against the stage's budget; a move to a stage outside the track (recognised, refused) only
 * ends the step before it.
 */
export function processControl(
  stages: readonly { code: string; name: string }[],
  moves: readonly StageMove[],
  budgets: Readonly<Record<string, Duration | undefined>>,
  calendar: WorkingCalendar,
  now: Date,
): ProcessControlRecord {
  const names = new Map(stages.map((s) => [s.code, s.name]));
  const steps: ControlStep[] = [];
  moves.forEach((move, i) => {
    const name = names.get(move.stage);
    if (name === undefined) return;
    const endedAt = moves[i + 1]?.at ?? null;
    const budget = budgets[move.stage] ?? null;
    steps.push({ stageCode: move.stage, stageName: name, startedAt: move.at, endedAt, budget, ...stepTiming(move.at, endedAt, budget, calendar, now) });
  });
  return { steps, lateSteps: steps.filter((s) => s.status === 'late' || s.status === 'overdue').length };
}

/**
 * A step's due date and status against its budget: the one rule behind every row of the
 * process-control record, and behind lists that ask whether a dossier's current step is late.
 */
export function stepTiming(startedAt: Date, endedAt: Date | null, budget: Duration | null, calendar: WorkingCalendar, now: Date): { dueDate: string | null; status: StepStatus } {
  const dueDate = budget ? dueDateOf(startedAt, budget, calendar) : null;
  return { dueDate, status: statusOf(dueDate, endedAt, now) };
}

/** A dossier's current step (its last stage move, not yet ended) is late when it is past its due date. */
export const isOverdue = (status: StepStatus): boolean => status === 'overdue';

function statusOf(dueDate: string | null, endedAt: Date | null, now: Date): StepStatus {
  if (dueDate === null) return 'no_budget';
  const day = vietnamDay(endedAt ?? now);
  if (endedAt === null) return day <= dueDate ? 'in_progress' : 'overdue';
  return day <= dueDate ? 'on_time' : 'late';
}
