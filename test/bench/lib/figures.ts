// A benchmark figure: one measured quantity over several runs, its goal, and whether the median meets it.

export interface Goal {
  /** The median must be at least (>=) or at most (<=) the value. */
  op: '>=' | '<=';
  value: number;
}

export interface Figure {
  suite: string;
  name: string;
  unit: string;
  runs: number[];
  goal?: Goal;
  /** What a reader needs to read the figure (how it was measured). */
  note?: string;
}

export interface Summary {
  min: number;
  median: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length === 0 ? NaN : sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
  return { min: sorted[0] ?? NaN, median, max: sorted[sorted.length - 1] ?? NaN };
}

/** The p-th percentile (nearest rank) of the values. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** True when the median meets the goal; undefined for a figure without one. */
export function met(figure: Figure): boolean | undefined {
  if (!figure.goal) return undefined;
  const { median } = summarize(figure.runs);
  return figure.goal.op === '>=' ? median >= figure.goal.value : median <= figure.goal.value;
}
