// CPU time per unit of work (a command, a request) of each part of the stack and of the load
// generator (this process): the cost of the work in CPU, whatever else runs on the machine. Two
// cores at full use give at most 2,000 ms of CPU a second, which bounds the work a second this
// machine can do, whatever the code's latency.
import { cpuMsBetween, cpuMsByPid, type BenchStack, type StackPart } from './stack.js';

/** The CPU milliseconds two cores give in a second. */
export const twoCoresMsPerSecond = 2000;

/** Runs `run` and adds the CPU milliseconds each part (and 'load generator') used per item of its work. */
export async function measuredCpu<T>(stack: BenchStack, parts: readonly StackPart[], run: () => Promise<T>, items: (result: T) => number): Promise<T & { cpuMsPerItem: Record<string, number> }> {
  const pidsOf = () => new Map(parts.map((p) => [p, stack.processesOf(p)]));
  const before = new Map([...pidsOf()].map(([p, pids]) => [p, cpuMsByPid(pids)]));
  const ownBefore = process.cpuUsage();
  const result = await run();
  const own = process.cpuUsage(ownBefore);
  const count = items(result);
  const cpuMsPerItem: Record<string, number> = {};
  for (const [part, pids] of pidsOf()) cpuMsPerItem[part] = cpuMsBetween(before.get(part) ?? new Map(), cpuMsByPid(pids)) / count;
  cpuMsPerItem['load generator'] = (own.user + own.system) / 1000 / count;
  return { ...result, cpuMsPerItem };
}

/** The CPU milliseconds of every part together. */
export const cpuTotal = (cpu: Record<string, number>): number => Object.values(cpu).reduce((a, b) => a + b, 0);

/** "part 1.2, part 3.4": a log line's account of the CPU per item. */
export const cpuLine = (cpu: Record<string, number>, digits = 1): string =>
  Object.entries(cpu)
    .map(([part, ms]) => `${part} ${ms.toFixed(digits)}`)
    .join(', ');
