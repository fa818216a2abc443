// The real stack for `pnpm bench`: PostgreSQL, Temporal and MinIO started or reused on the configured
// ports, and the dossier API, evidence API and worker (re)started as the stack runs them, with the
// benchmark's settings (one user may upload as much as it likes, files up to 256 MiB).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importCatalog } from '@ntm/catalog';
import { loadConfig, type Config } from '@ntm/config';
import { createPrismaClient, type Db } from '@ntm/db';
import { seedCatalogDir } from '@ntm/db/seed';
import { signInAs } from '@ntm/identity/testing';
import { dossierApi, evidenceApi, worker } from '@ntm/infra/apps';
import { stackPaths } from '@ntm/infra/paths';
import { readPid } from '@ntm/infra/process';
import { stackEnvDefaults, startStack } from '@ntm/infra/stack';

export const benchEnv = {
  NTM_PROFILE: 'test',
  NTM_UPLOAD_RATE_LIMIT: '10000',
  NTM_UPLOAD_RATE_LIMIT_PER_IP: '100000',
  NTM_EVIDENCE_MAX_BYTES: String(256 * 1024 * 1024),
} as const;

export type StackPart = 'dossier-api' | 'evidence-api' | 'worker' | 'temporal' | 'postgres' | 'minio';

export interface BenchStack {
  config: Config;
  db: Db;
  dossierBase: string;
  evidenceBase: string;
  /** An Authorization header of a user who may act on the benchmark's dossiers at every step. */
  authorization: string;
  /** Fresh communes (one open dossier each) for this run, by count. */
  newUnits(count: number): Promise<string[]>;
  /** Opens a dossier for the unit through the API and answers its id and the plan's criteria and documents. */
  openDossier(unitCode: string): Promise<{ id: string; criteria: string[]; documents: string[] }>;
  /** The process ids of a running part of the stack: its main process and every descendant. */
  processesOf(part: StackPart): number[];
  close(): Promise<void>;
}

const runTag = Date.now().toString(36).toUpperCase();
let unitsMade = 0;

function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

export async function startBenchStack(log: (line: string) => void, options: { restartApps: boolean }): Promise<BenchStack> {
  Object.assign(process.env, { ...stackEnvDefaults, ...benchEnv });
  const config = loadConfig(process.env);
  await startStack(config, { apps: false, report: (e) => e.kind !== 'info' && log(e.line) });
  const ctx = { config, paths: stackPaths(config), progress: log };
  for (const app of [dossierApi, evidenceApi, worker]) {
    if (options.restartApps) await app.stop(ctx);
    log(`starting ${app.name}`);
    await app.start(ctx);
  }
  const db = createPrismaClient(config.postgres.url);
  const provinceCode = '12';
  const authorization = await signInAs(db, config, {
    username: 'bench-every-step',
    grants: [
      { role: 'commune_officer', unitCode: provinceCode, departmentCode: null },
      { role: 'district_officer', unitCode: provinceCode, departmentCode: null },
      { role: 'provincial_office', unitCode: provinceCode, departmentCode: null },
    ],
  });
  const dossierBase = `http://${config.host}:${config.dossierApi.port}`;
  const evidenceBase = `http://${config.host}:${config.evidenceApi.port}`;
  const province = (JSON.parse(readFileSync(join(seedCatalogDir, 'lai-chau.json'), 'utf8')) as { province: unknown }).province;

  async function api(method: string, url: string, body?: object) {
    const res = await fetch(dossierBase + url, { method, headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  }

  return {
    config,
    db,
    dossierBase,
    evidenceBase,
    authorization,
    async newUnits(count) {
      const units = Array.from({ length: count }, () => ({
        code: `110-B${runTag}-${++unitsMade}`,
        name: `Xã thử tải ${runTag} ${unitsMade}`,
        level: 'commune',
        parentCode: '110',
        validFrom: '2020-01-01',
        groupings: { 'XA-NTM-2021-2025': 'TDMNPB' },
      }));
      const r = await importCatalog(db, { format: 'ntm-catalog/1', province, units });
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      return units.map((u) => u.code);
    },
    async openDossier(unitCode) {
      const id = crypto.randomUUID();
      await api('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'COMMUNE_NTM', year: new Date().getFullYear() });
      const view = (await api('GET', `/dossiers/${id}`)) as { criteria: Array<{ code: string }>; documents: Array<{ code: string }> };
      return { id, criteria: view.criteria.map((c) => c.code), documents: view.documents.map((d) => d.code) };
    },
    processesOf(part) {
      const pid = part === 'postgres' ? postmasterPid(ctx.paths.postgresData) : readPid(ctx.paths.pid(part));
      return pid === undefined ? [] : [pid, ...descendants(pid)];
    },
    async close() {
      await db.$disconnect();
    },
  };
}

/** PostgreSQL's main process, from the first line of `postmaster.pid` in its data folder (`data` under the stack's, infra/stack/postgres.ts). */
function postmasterPid(stackDir: string): number | undefined {
  try {
    const pid = Number(readFileSync(join(stackDir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0]);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks a second, as /proc/<pid>/stat counts CPU time (USER_HZ, 100 on Linux). */
const ticksPerSecond = 100;

/** CPU time (user and system) each of these processes has used so far, in milliseconds; gone ones are left out. */
export function cpuMsByPid(pids: readonly number[]): Map<number, number> {
  const used = new Map<number, number>();
  for (const pid of pids) {
    try {
      // The fields after the command's name (which may hold spaces): utime and stime are the 12th and 13th.
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      used.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond);
    } catch {
      // gone
    }
  }
  return used;
}

/** The CPU milliseconds used between two readings (a process started between them counts from zero). */
export function cpuMsBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let ms = 0;
  for (const [pid, used] of after) ms += used - (before.get(pid) ?? 0);
  return ms;
}

/** The resident memory of the largest of these processes, in bytes (0 when none is left). */
export function largestRss(pids: readonly number[]): number {
  let largest = 0;
  for (const pid of pids) {
    try {
      largest = Math.max(largest, Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024);
    } catch {
      // gone
    }
  }
  return largest;
}
