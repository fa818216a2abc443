import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { seedCatalog } from '@ntm/catalog';
import type { Config } from '@ntm/config';
import type { UserGrant } from '@ntm/contracts';
import { createPrismaClient, createScratchDatabase, type Db } from '@ntm/db';
import { seedLocalUsers, upsertLocalUser } from '@ntm/identity';
import { stackEnvDefaults } from '@ntm/infra/stack';
import { repoRoot } from '@ntm/infra/paths';
import { createStorage } from '@ntm/storage';

/**
 * The user the fuzzer signs in as, made for the run: every role at the province and every
 * department, so its one token reaches every operation. Its name is in no schema example, so the
 * fuzzer never disables it or changes its grants halfway (it may well do so to the seeded users).
 */
export const fuzzUser = 'fuzz.kiem-thu';

async function createFuzzUser(db: Db, password: string): Promise<void> {
  const provinces = await db.administrativeUnit.findMany({ where: { level: 'province' }, select: { code: true } });
  const departments = await db.department.findMany({ select: { provinceCode: true, code: true } });
  const roles = ['commune_officer', 'district_officer', 'provincial_office'] as const;
  const grants: UserGrant[] = [
    { role: 'system_admin', unitCode: null, departmentCode: null },
    { role: 'auditor', unitCode: null, departmentCode: null },
    ...provinces.flatMap(({ code }) => roles.map((role) => ({ role, unitCode: code, departmentCode: null }))),
    ...departments.map((d) => ({ role: 'department_officer' as const, unitCode: d.provinceCode, departmentCode: d.code })),
  ];
  await upsertLocalUser(db, { username: fuzzUser, displayName: 'Người dùng kiểm thử ngẫu nhiên', grants, password });
}

export interface FuzzTarget {
  services: { name: 'dossier-api' | 'evidence-api'; baseUrl: string }[];
  /** A bearer token of `fuzzUser`, valid for the whole run. */
  token: string;
  /** Where the services write their logs (their stack traces explain any 500 the fuzzer finds). */
  logDir: string;
  stop(): Promise<void>;
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

async function waitHealthy(url: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} exited with ${child.exitCode} before it was ready; log: ${logFile}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} was not healthy after ${timeoutMs / 1000} s; log: ${logFile}`);
}

async function stopChild(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

/**
 * The two services as real processes (their own `main.ts`), on free ports, against a scratch
 * database seeded with the catalog and the local users, a bucket of their own and a task queue of
 * their own on the test stack's Temporal, so whatever the fuzzer creates or breaks touches nothing
 * else. With `worker`, a worker polls that task queue and dossiers move as they would in use;
 * without one, commands to a dossier answer 503 after the service's command timeout.
 */
export async function startFuzzTarget(config: Config, options: { worker: boolean; tokenTtlSeconds: number }): Promise<FuzzTarget> {
  const scratch = await createScratchDatabase(config.postgres.url, { prefix: 'ntm_fuzz' });
  const password = config.auth.localIssuer?.seedPassword ?? 'ntm-local-only';
  const children: ChildProcess[] = [];
  const taskQueue = `ntm-fuzz-${randomBytes(6).toString('hex')}`;
  const stop = async () => {
    await Promise.all(children.map((c) => stopChild(c)));
    await terminateWorkflows(config, taskQueue).catch(() => undefined);
    await scratch.drop();
  };
  try {
    const db = createPrismaClient(scratch.url, { max: 2 });
    try {
      await seedCatalog(db);
      await seedLocalUsers(db, { password });
      await createFuzzUser(db, password);
    } finally {
      await db.$disconnect();
    }
    const bucket = 'ntm-fuzz';
    await createStorage({ ...config.s3, bucket }).ensureBucket();
    const [dossierPort, evidencePort] = [await freePort(), await freePort()];
    const logDir = mkdtempSync(join(tmpdir(), 'ntm-fuzz-'));
    const env = {
      ...process.env,
      ...stackEnvDefaults,
      NTM_PROFILE: config.profile,
      NTM_PG_DATABASE: scratch.name,
      NTM_S3_BUCKET: bucket,
      NTM_TEMPORAL_TASK_QUEUE: taskQueue,
      NTM_DOSSIER_API_PORT: String(dossierPort),
      NTM_EVIDENCE_API_PORT: String(evidencePort),
      NTM_AUTH_ACCESS_TTL_SECONDS: String(options.tokenTtlSeconds),
      NTM_AUTH_REFRESH_TTL_SECONDS: String(options.tokenTtlSeconds + 60),
      NTM_LOG_LEVEL: 'warn',
    };
    const start = (name: string, entry: string) => {
      const logFile = join(logDir, `${name}.log`);
      const out = openSync(logFile, 'a');
      const child = spawn(join(repoRoot, 'node_modules', '.bin', 'tsx'), [join(repoRoot, entry)], { cwd: repoRoot, env, stdio: ['ignore', out, out] });
      children.push(child);
      return { child, logFile };
    };
    const dossier = { name: 'dossier-api' as const, baseUrl: `http://${config.host}:${dossierPort}`, ...start('dossier-api', 'services/dossier-api/src/main.ts') };
    const evidence = { name: 'evidence-api' as const, baseUrl: `http://${config.host}:${evidencePort}`, ...start('evidence-api', 'services/evidence-api/src/main.ts') };
    const services = [dossier, evidence];
    const worker = options.worker ? start('worker', 'workflows/src/main.ts') : undefined;
    await Promise.all(services.map((s) => waitHealthy(`${s.baseUrl}/health`, s.child, s.logFile, 90_000)));
    // Commands wait for the dossier's workflow: the worker must poll before the first one arrives.
    if (worker) await waitPolling(config, taskQueue, worker.child, worker.logFile, 240_000);
    const token = await login(dossier.baseUrl, fuzzUser, password);
    return { services: services.map(({ name, baseUrl }) => ({ name, baseUrl })), token, logDir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (!res.ok) throw new Error(`login as ${username} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}

async function waitPolling(config: Config, taskQueue: string, child: ChildProcess, logFile: string, timeoutMs: number): Promise<void> {
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (child.exitCode !== null) throw new Error(`the worker exited with ${child.exitCode} before it polled; log: ${logFile}`);
      const queue = await connection.workflowService.describeTaskQueue({ namespace: config.temporal.namespace, taskQueue: { name: taskQueue }, taskQueueType: 1 });
      if ((queue.pollers?.length ?? 0) > 0) return;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`the worker did not poll ${taskQueue} within ${timeoutMs / 1000} s; log: ${logFile}`);
  } finally {
    await connection.close();
  }
}

/**
 * Deletes the dossier workflows the fuzzer opened (running or not), so none waits forever on the
 * shared Temporal server and the next run can open a dossier under the same id (the documented
 * example's): a closed workflow would otherwise answer the new run's 'open' update with its old result.
 */
async function terminateWorkflows(config: Config, taskQueue: string): Promise<void> {
  const connection = await Connection.connect({ address: config.temporal.address });
  try {
    const client = new Client({ connection, namespace: config.temporal.namespace });
    for await (const wf of client.workflow.list({ query: `TaskQueue = '${taskQueue}'` })) {
      await connection.workflowService
        .deleteWorkflowExecution({ namespace: config.temporal.namespace, workflowExecution: { workflowId: wf.workflowId, runId: wf.runId } })
        .catch(() => undefined);
    }
  } finally {
    await connection.close();
  }
}
