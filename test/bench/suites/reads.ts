// Reads under load: one dossier, the dossier list and /health, 10 connections, autocannon.
import autocannon from 'autocannon';
import { percentile, type Figure } from '../lib/figures.js';
import { cpuLine, cpuTotal, measuredCpu, twoCoresMsPerSecond } from '../lib/cpu.js';
import type { BenchStack, StackPart } from '../lib/stack.js';

/** The parts a read passes through, whose CPU time per request the suite reports. */
const parts: StackPart[] = ['dossier-api', 'postgres'];

export interface LoadResult {
  requests: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
  /** The first answer other than 2xx, status and start of body, to say why a run failed. */
  firstFailure: string | null;
  bytesPerResponse: number;
}

/** Loads one URL for `seconds` with `connections` connections; latencies of every 2xx response. */
export async function load(url: string, headers: Record<string, string>, connections: number, seconds: number): Promise<LoadResult> {
  const latencies: number[] = [];
  let bad = 0;
  let firstFailure: string | null = null;
  const onResponse = (status: number, body: string) => {
    if ((status < 200 || status >= 300) && firstFailure === null) firstFailure = `${status} ${body.slice(0, 400)}`;
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, headers, connections, duration: seconds, requests: [{ method: 'GET', onResponse }] }, (err, r) => (err ? reject(err as Error) : resolve(r)));
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
      else bad++;
    });
  });
  return {
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: bad + result.errors + result.timeouts,
    firstFailure,
    bytesPerResponse: result.requests.total > 0 ? result.throughput.total / result.requests.total : 0,
  };
}

export async function readsSuite(stack: BenchStack, opts: { runs: number; seconds: number; log: (line: string) => void }): Promise<Figure[]> {
  const [unit] = await stack.newUnits(1);
  const dossier = await stack.openDossier(unit ?? '');
  // A dossier as a commune has it mid-way: every criterion self-assessed.
  for (const c of dossier.criteria) {
    const res = await fetch(`${stack.dossierBase}/dossiers/${dossier.id}/criteria/${c}/self-assessment`, {
      method: 'PUT',
      headers: { authorization: stack.authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ commandId: crypto.randomUUID(), met: true, explanation: 'Đạt.' }),
    });
    if (!res.ok) throw new Error(`self-assessment ${c}: ${res.status} ${await res.text()}`);
  }
  const headers = { authorization: stack.authorization };
  const targets = [
    { name: 'dossier read (GET /dossiers/{id}), 10 connections', url: `${stack.dossierBase}/dossiers/${dossier.id}`, goal: true },
    { name: 'dossier list (GET /dossiers), 10 connections', url: `${stack.dossierBase}/dossiers?pageSize=20`, goal: false },
    { name: 'health (GET /health), 10 connections', url: `${stack.dossierBase}/health`, goal: false },
  ];
  const figures: Figure[] = [];
  for (const t of targets) {
    await load(t.url, headers, 10, 2); // warm-up
    const results: Array<LoadResult & { cpuMsPerItem: Record<string, number> }> = [];
    for (let i = 0; i < opts.runs; i++) {
      const r = await measuredCpu(stack, parts, () => load(t.url, headers, 10, opts.seconds), (x) => x.requests);
      if (r.errors > 0) throw new Error(`${t.url}: ${r.errors} failed requests${r.firstFailure ? `, the first: ${r.firstFailure}` : ''}`);
      opts.log(`${t.name}: ${r.requestsPerSecond.toFixed(0)} req/s, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${Math.round(r.bytesPerResponse)} B/response; CPU ms per request: ${cpuLine(r.cpuMsPerItem, 2)}`);
      results.push(r);
    }
    const note = `${opts.runs} runs of ${opts.seconds} s after a 2 s warm-up; ${Math.round(results[0]?.bytesPerResponse ?? 0)} bytes a response`;
    figures.push({ suite: 'reads', name: t.name, unit: 'req/s', runs: results.map((r) => r.requestsPerSecond), note, ...(t.goal ? { goal: { op: '>=', value: 1000 } } : {}) });
    figures.push({ suite: 'reads', name: `${t.name.split(',')[0] ?? t.name} p95`, unit: 'ms', runs: results.map((r) => r.p95), note, ...(t.goal ? { goal: { op: '<=', value: 50 } } : {}) });
    if (t.goal) {
      // What a read costs in CPU, all parts and the load generator: the reads a second two cores allow.
      const cpuNote = `CPU time of ${parts.join(', ')} and the load generator over the runs, per request`;
      const total = (r: (typeof results)[number]) => cpuTotal(r.cpuMsPerItem);
      for (const part of [...parts, 'load generator']) figures.push({ suite: 'reads', name: `dossier read CPU: ${part}`, unit: 'ms', runs: results.map((r) => r.cpuMsPerItem[part] ?? NaN), note: cpuNote });
      figures.push({ suite: 'reads', name: 'dossier read CPU, all parts', unit: 'ms', runs: results.map(total), note: cpuNote });
      figures.push({ suite: 'reads', name: 'dossier reads/s two cores allow at that CPU', unit: 'req/s', runs: results.map((r) => twoCoresMsPerSecond / total(r)), note: cpuNote });
    }
  }
  return figures;
}
