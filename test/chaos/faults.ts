import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@ntm/db';
import { repoRoot } from '@ntm/infra/paths';
import { readPid } from '@ntm/infra/process';
import type { Storage } from '@ntm/storage';
import { auditChainProblem, checkDossiers, orphanObjects, type RoundOutcome } from './checks.js';
import { isUnavailableProblem, newStats, type CallStats } from './client.js';
import { driveDossier, newUnits, uploadEvidence, type Driver, type Phase } from './dossiers.js';
import { outageProbes, sendProbes, type Probe } from './probes.js';
import { killProcess, type ChaosStack } from './stack.js';
import { slowUpload, whenSent } from './uploads.js';

/**
 * How long a probe may wait for its answer during and after an outage: the API's command deadline
 * (15 s) plus the Temporal client's reconnection, with room for a loaded 2-core machine. Bounded,
 * so a hang still fails the round.
 */
const outageAnswerMs = 30_000;

export interface ChaosEnv {
  stack: ChaosStack;
  driver: Driver;
  db: Db;
  storage: Storage;
  log: (line: string) => void;
}

/** One round of one fault: what the record shows, what callers saw, and the fault's own findings. */
export interface FaultRound extends RoundOutcome {
  stats: CallStats;
  /** What the fault must show besides the record (a 503 while down, no orphan left…); empty when it did. */
  failures: string[];
  /** Figures worth printing (seconds to restart, orphans swept). */
  figures: Record<string, number>;
}

export interface Fault {
  name: string;
  describe: string;
  round(env: ChaosEnv): Promise<FaultRound>;
}

const apps = ['dossier-api', 'evidence-api', 'worker'];
const pidsOf = (env: ChaosEnv) => apps.map((a) => readPid(env.stack.ctx.paths.pid(a)));
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** Resolves once `test` holds, checking every 50 ms. */
async function until(test: () => boolean, timeoutMs = 300_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error('the awaited step never came');
    await sleep(50);
  }
}

/** Dossiers driven side by side, with a count of the phases they have reached. */
function driveMany(env: ChaosEnv, stats: CallStats, units: string[], opts: { evidence?: (id: string) => Promise<string> } = {}) {
  const reached: Record<Phase, number> = { opened: 0, submitted: 0, appraising: 0, decided: 0 };
  const ids = Promise.all(units.map((u) => driveDossier(env.driver, stats, u, { ...opts, onPhase: (p) => (reached[p] += 1) })));
  let done = false;
  void ids.finally(() => (done = true)).catch(() => undefined);
  return { reached, ids, isDone: () => done };
}

/** Checks the round's dossiers and the audit chain, and that no service but the faulted one was restarted. */
async function finish(env: ChaosEnv, stats: CallStats, ids: string[], failures: string[], figures: Record<string, number>, pidsBefore?: Array<number | undefined>): Promise<FaultRound> {
  const outcome = await checkDossiers(env.db, env.storage, env.driver.acknowledged, ids);
  const chain = await auditChainProblem(env.db);
  if (chain) failures.push(chain);
  if (pidsBefore && pidsOf(env).some((pid, i) => pid !== pidsBefore[i])) failures.push('a service was restarted or exited');
  return { ...outcome, stats, failures, figures };
}

let probes: Probe[] | undefined;
/** Every documented read and a login, built once; they need a decided dossier to read, made if there is none. */
async function outageProbesOnce(env: ChaosEnv): Promise<Probe[]> {
  if (!probes) {
    if ((await env.db.decision.count({ where: { provinceCode: 'P1' } })) === 0) await driveDossier(env.driver, newStats(), (await newUnits(env.driver, 1))[0] ?? '');
    probes = await outageProbes(env.driver, env.db);
  }
  return probes;
}

/** The worker SIGKILLed twice while three dossiers are in appraisal, each time restarted. */
const workerKill: Fault = {
  name: 'worker-kill',
  describe: 'worker SIGKILLed in the middle of appraisal and restarted (2× a round)',
  async round(env) {
    const stats = newStats();
    const run = driveMany(env, stats, await newUnits(env.driver, 3));
    const restarts: number[] = [];
    // Of the round's 12 appraisal commands: at the first, and halfway.
    for (const atAppraisal of [1, 6]) {
      await until(() => run.reached.appraising >= atAppraisal || run.isDone());
      if (run.isDone()) break;
      await sleep(Math.random() * 300);
      await killProcess(env.stack, 'worker');
      await sleep(500);
      const started = performance.now();
      await env.stack.component('worker').start(env.stack.ctx);
      restarts.push(seconds(started));
    }
    const ids = await run.ids;
    const failures = restarts.length === 0 ? ['the worker was never killed: the dossiers finished first'] : [];
    return finish(env, stats, ids, failures, { kills: restarts.length, 'restart s (max)': Math.max(0, ...restarts) });
  },
};

/** Temporal SIGKILLed while commands arrive; restarted once a caller has had its 503. */
const temporalKill: Fault = {
  name: 'temporal-kill',
  describe: 'Temporal server SIGKILLed while commands arrive, then restarted',
  async round(env) {
    const stats = newStats();
    const [a, b, late] = await newUnits(env.driver, 3);
    const pids = pidsOf(env);
    const reads = await outageProbesOnce(env);
    const run = driveMany(env, stats, [a ?? '', b ?? '']);
    await Promise.race([until(() => run.reached.submitted >= 1), run.ids]);
    await killProcess(env.stack, 'temporal');
    // Every read, a login, a command and an upload answer, none with a 5xx but the 503 problem.
    const { failures } = await sendProbes(reads, outageAnswerMs);
    // A dossier opened while Temporal is down: its creation is answered 503 and retried with the same id.
    const lateStats = newStats();
    const lateRun = driveMany(env, lateStats, [late ?? '']);
    const started = performance.now();
    await until(() => lateStats.unavailable > 0 || lateStats.serverErrors.length > 0 || performance.now() - started > 40_000);
    const firstAnswer = seconds(started);
    if (lateStats.unavailable === 0) failures.push('no 503 while Temporal was down');
    await env.stack.component('temporal').start(env.stack.ctx);
    const ids = [...(await run.ids), ...(await lateRun.ids)];
    failures.push(...(await sendProbes(reads, outageAnswerMs, { recovered: true })).failures);
    stats.unavailable += lateStats.unavailable;
    stats.noAnswer += lateStats.noAnswer;
    stats.serverErrors.push(...lateStats.serverErrors);
    return finish(env, stats, ids, failures, { 's to first 503': firstAnswer }, pids);
  },
};

/** PostgreSQL stopped (fast shutdown) while dossiers are under way, then started again. */
const postgresRestart: Fault = {
  name: 'postgres-restart',
  describe: 'PostgreSQL stopped while dossiers are under way, then started; no service restarted',
  async round(env) {
    const stats = newStats();
    const pids = pidsOf(env);
    const reads = await outageProbesOnce(env);
    const run = driveMany(env, stats, await newUnits(env.driver, 2));
    await until(() => run.reached.opened >= 2);
    const pg = env.stack.component('postgres');
    await pg.stop(env.stack.ctx);
    // Every read, a login, a command and an upload while it is down: the 503 problem within 10 s, never another 5xx.
    const { failures, unavailable } = await sendProbes(reads, 10_000);
    stats.unavailable += unavailable;
    if (unavailable === 0) failures.push('no 503 while PostgreSQL was down');
    await sleep(1000);
    const started = performance.now();
    await pg.start(env.stack.ctx);
    const restart = seconds(started);
    // Back without restarting any service: the pools drop their dead connections by themselves.
    failures.push(...(await sendProbes(reads, 10_000, { recovered: true })).failures);
    const ids = await run.ids;
    return finish(env, stats, ids, failures, { 'restart s': restart }, pids);
  },
};

/** MinIO SIGKILLed while a file is being uploaded; the person is told to retry, and the retry works. */
const minioKill: Fault = {
  name: 'minio-kill',
  describe: 'MinIO SIGKILLed during an upload, then restarted; the person told to retry',
  async round(env) {
    const stats = newStats();
    const failures: string[] = [];
    const pids = pidsOf(env);
    const probes = await outageProbesOnce(env);
    const evidence = async (dossierId: string) => {
      const upload = slowUpload(env.driver, dossierId, { bytes: 2 * 1024 * 1024, durationMs: 3000 });
      await whenSent(upload.progress, 0.2 + Math.random() * 0.6, upload.answer);
      await killProcess(env.stack, 'minio');
      // Downloads, the decision PDF and another upload while the store is away: never a 5xx but the 503 problem.
      const probed = await sendProbes(probes, outageAnswerMs);
      failures.push(...probed.failures);
      stats.unavailable += probed.unavailable;
      const answer = await upload.answer;
      if (answer && isUnavailableProblem(answer)) stats.unavailable += 1;
      if (!answer || !isUnavailableProblem(answer) || !/tải lên lại/.test(String(answer.body.detail))) {
        failures.push(`upload while MinIO was down: ${answer ? `${answer.status} ${JSON.stringify(answer.body).slice(0, 200)}` : 'no answer'}`);
      }
      await env.stack.component('minio').start(env.stack.ctx);
      failures.push(...(await sendProbes(probes, outageAnswerMs, { recovered: true })).failures);
      return uploadEvidence(env.driver, stats, dossierId);
    };
    const run = driveMany(env, stats, await newUnits(env.driver, 1), { evidence });
    const ids = await run.ids;
    const orphans = await orphanObjects(env.db, env.storage);
    if (orphans.length > 0) failures.push(`objects without a record after a failed upload: ${orphans.join(', ')}`);
    return finish(env, stats, ids, failures, {}, pids);
  },
};

/** Runs the orphan sweep as an operator would, with no grace (no upload is under way). */
function sweepOrphans(): number {
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const r = spawnSync(tsx, [join(repoRoot, 'services/evidence-api/scripts/cleanup-orphans.ts'), '0'], { encoding: 'utf8', env: process.env });
  if (r.status !== 0) throw new Error(`cleanup-orphans failed: ${r.stderr}`);
  return Number(/removed (\d+)/.exec(r.stdout)?.[1] ?? 0);
}

/** Resolves once an object is stored under the prefix (or the upload ended), checking as fast as the store answers. */
async function whenStored(storage: Storage, prefix: string, done: Promise<unknown>): Promise<void> {
  let finished = false;
  void done.finally(() => (finished = true));
  while (!finished && (await storage.list(prefix)).length === 0) await sleep(5);
}

/**
 * The evidence API SIGKILLed in the middle of an upload, restarted; the sweep removes what it left.
 * Odd rounds strike in the body; even rounds the moment the object is stored, before its record
 * is written if the timing allows, which leaves an orphan for the sweep.
 */
let evidenceRounds = 0;
const evidenceApiKill: Fault = {
  name: 'evidence-api-kill',
  describe: 'evidence API SIGKILLed during an upload, restarted; orphan objects swept',
  async round(env) {
    const stats = newStats();
    const failures: string[] = [];
    let swept = 0;
    const atStore = ++evidenceRounds % 2 === 0;
    const evidence = async (dossierId: string) => {
      const upload = slowUpload(env.driver, dossierId, { bytes: 2 * 1024 * 1024, durationMs: 3000 });
      if (atStore) {
        await whenSent(upload.progress, 0.9, upload.answer);
        await whenStored(env.storage, `dossiers/${dossierId}/evidence/`, upload.answer);
      } else {
        await whenSent(upload.progress, 0.2 + Math.random() * 0.7, upload.answer);
      }
      await killProcess(env.stack, 'evidence-api');
      const answer = await upload.answer;
      if (answer && answer.status !== 201) failures.push(`upload cut by the crash answered ${answer.status}`);
      await env.stack.component('evidence-api').start(env.stack.ctx);
      swept += sweepOrphans();
      return uploadEvidence(env.driver, stats, dossierId);
    };
    const run = driveMany(env, stats, await newUnits(env.driver, 1), { evidence });
    const ids = await run.ids;
    const orphans = await orphanObjects(env.db, env.storage);
    if (orphans.length > 0) failures.push(`objects without a record after the sweep: ${orphans.join(', ')}`);
    return finish(env, stats, ids, failures, { 'orphans swept (total)': swept });
  },
};

export const faults: Fault[] = [workerKill, temporalKill, postgresRestart, minioKill, evidenceApiKill];
