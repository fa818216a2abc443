// Commands: self-assessments sent by one client serially, then by ten clients at once (each on its
// own dossier, since commands to one dossier run one after another by design).
import { percentile, type Figure } from '../lib/figures.js';
import { cpuLine, cpuTotal, measuredCpu, twoCoresMsPerSecond } from '../lib/cpu.js';
import type { BenchStack, StackPart } from '../lib/stack.js';

interface Client {
  dossierId: string;
  criteria: string[];
}

async function selfAssess(stack: BenchStack, client: Client, n: number): Promise<number> {
  const criterion = client.criteria[n % client.criteria.length] ?? '';
  const started = performance.now();
  const res = await fetch(`${stack.dossierBase}/dossiers/${client.dossierId}/criteria/${criterion}/self-assessment`, {
    method: 'PUT',
    headers: { authorization: stack.authorization, 'content-type': 'application/json' },
    body: JSON.stringify({ commandId: crypto.randomUUID(), met: n % 2 === 0, explanation: `Lần ${n}.` }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`self-assessment: ${res.status} ${body}`);
  return performance.now() - started;
}

/** Each client sends `perClient` commands one after another; all clients at once. */
async function round(stack: BenchStack, clients: Client[], perClient: number) {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      for (let i = 0; i < perClient; i++) latencies.push(await selfAssess(stack, c, i));
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { p50: percentile(latencies, 50), p95: percentile(latencies, 95), perSecond: latencies.length / seconds, commands: latencies.length };
}

/** The parts a command passes through, whose CPU time per command the suite reports. */
const parts: StackPart[] = ['dossier-api', 'temporal', 'worker', 'postgres'];

export async function commandsSuite(stack: BenchStack, opts: { runs: number; perClient: number; log: (line: string) => void }): Promise<Figure[]> {
  const units = await stack.newUnits(10);
  const clients: Client[] = [];
  for (const u of units) {
    const d = await stack.openDossier(u);
    clients.push({ dossierId: d.id, criteria: d.criteria });
  }
  await round(stack, clients, 2); // warm-up
  const serial = [];
  const ten: Array<Awaited<ReturnType<typeof round>> & { cpuMsPerItem: Record<string, number> }> = [];
  for (let i = 0; i < opts.runs; i++) {
    const s = await round(stack, clients.slice(0, 1), opts.perClient);
    opts.log(`one client: p50 ${s.p50.toFixed(0)} ms, p95 ${s.p95.toFixed(0)} ms, ${s.perSecond.toFixed(1)} commands/s`);
    serial.push(s);
    const t = await measuredCpu(stack, parts, () => round(stack, clients, opts.perClient), (r) => r.commands);
    opts.log(`ten clients: p50 ${t.p50.toFixed(0)} ms, p95 ${t.p95.toFixed(0)} ms, ${t.perSecond.toFixed(1)} commands/s; CPU ms per command: ${cpuLine(t.cpuMsPerItem)}`);
    ten.push(t);
  }
  const note = `${opts.runs} runs; each client ${opts.perClient} self-assessment commands in a row on its own dossier`;
  const total = (r: (typeof ten)[number]) => cpuTotal(r.cpuMsPerItem);
  const cpuNote = `CPU time of every part a command passes through (${parts.join(', ')}) and of the load generator, over the ten-client rounds`;
  return [
    { suite: 'commands', name: 'self-assessment p95, one client', unit: 'ms', runs: serial.map((r) => r.p95), note },
    { suite: 'commands', name: 'self-assessment p95, ten clients at once', unit: 'ms', runs: ten.map((r) => r.p95), goal: { op: '<=', value: 150 }, note },
    { suite: 'commands', name: 'commands/s, ten clients at once', unit: 'cmd/s', runs: ten.map((r) => r.perSecond), goal: { op: '>=', value: 100 }, note },
    ...[...parts, 'load generator'].map((part) => ({ suite: 'commands', name: `CPU per command: ${part}`, unit: 'ms', runs: ten.map((r) => r.cpuMsPerItem[part] ?? NaN), note: cpuNote })),
    { suite: 'commands', name: 'CPU per command, all parts', unit: 'ms', runs: ten.map(total), note: cpuNote },
    { suite: 'commands', name: 'commands/s two cores allow at that CPU per command', unit: 'cmd/s', runs: ten.map((r) => twoCoresMsPerSecond / total(r)), note: cpuNote },
  ];
}
