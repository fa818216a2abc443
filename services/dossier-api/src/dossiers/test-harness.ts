import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type ActivityInterceptorsFactory } from '@temporalio/worker';
import { importCatalog } from '@ntm/catalog';
import { createPrismaClient, createScratchDatabase, type Db } from '@ntm/db';
import type { Config } from '@ntm/config';
import type { UserGrant } from '@ntm/contracts';
import { signInAs, type TestUser } from '@ntm/identity/testing';
import { buildEvidenceApi } from '@ntm/evidence-api';
import { multipart, pdf } from '@ntm/evidence-api/test-files';
import { createStorage } from '@ntm/storage';
import { createWorker } from '@ntm/workflows';
import { buildDossierApi, type DossierApiDeps } from '../app.js';

export type Call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => Promise<{ status: number; body: Record<string, unknown> & { errors?: Array<{ location: string; message: string }> } }>;

/**
 * A user holding every role that acts on a dossier in every province of the loaded catalog: the
 * commune, every department, the district and the province. Scenario tests that are not about
 * who may do what act as it; authorization tests use `callAs` with narrower users.
 */
async function everyStepUser(db: Db): Promise<TestUser> {
  const provinces = await db.administrativeUnit.findMany({ where: { level: 'province' }, select: { code: true } });
  const departments = await db.department.findMany({ select: { provinceCode: true, code: true } });
  const atEachProvince = (role: UserGrant['role']) => provinces.map(({ code }) => ({ role, unitCode: code, departmentCode: null }));
  return {
    username: 'can-bo-thu-nghiem',
    grants: [
      ...atEachProvince('commune_officer'),
      ...atEachProvince('district_officer'),
      ...atEachProvince('provincial_office'),
      ...departments.map((d) => ({ role: 'department_officer' as const, unitCode: d.provinceCode, departmentCode: d.code })),
    ],
  };
}

/**
 * For integration tests of the dossier API: a scratch database loaded with the given catalog
 * files, a worker on its own task queue and the API, all against the real test stack. Requests
 * carry real bearer tokens of the built-in issuer (the test stack turns it on).
 */
export async function startDossierHarness(config: Config, catalogFiles: unknown[]) {
  const scratch = await createScratchDatabase(config.postgres.url);
  const db = createPrismaClient(scratch.url);
  for (const file of catalogFiles) {
    const r = await importCatalog(db, file);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
  }
  const taskQueue = `dossier-test-${randomUUID()}`;
  const nativeConnection = await NativeConnection.connect({ address: config.temporal.address });
  // A bucket of its own, made as the stack makes its bucket (private, versioned, object locking).
  const storage = createStorage({ ...config.s3, bucket: `ntm-test-${randomUUID().slice(0, 8)}` });
  await storage.ensureBucket();
  // Activities a test slows down (by type), to hold a command between its check and its write.
  const delays = new Map<string, number>();
  const delaying: ActivityInterceptorsFactory = (ctx) => ({
    inbound: {
      execute: async (input, next) => {
        await new Promise((resolve) => setTimeout(resolve, delays.get(ctx.info.activityType) ?? 0));
        return next(input);
      },
    },
  });
  const newWorker = () =>
    createWorker(config, { db, storage, publicBaseUrl: 'http://ntm.test' }, { connection: nativeConnection, taskQueue, interceptors: { activity: [delaying] } });
  let worker = await newWorker();
  let running = worker.run();
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = new Client({ connection, namespace: config.temporal.namespace });
  // Dossiers open on the system's day unless a test opens them on another (`openOn`).
  let openingDay: string | null = null;
  const now = () => (openingDay === null ? new Date() : new Date(`${openingDay}T03:00:00Z`));
  // Commands are received on the system's clock unless a test receives them at another instant.
  let receivingAt: Date | null = null;
  const commandClock = () => receivingAt ?? new Date();
  const deps: DossierApiDeps = { config, db, storage, probes: [], temporal, taskQueue, now, commandClock, scheduleScope: taskQueue };
  const app = await buildDossierApi(deps, { logger: false });
  const otherApps: Array<typeof app> = [];
  /** Requests to the given app as the given user, created (or updated) with exactly these grants. */
  const callOn = async (target: typeof app, user: TestUser): Promise<Call> => {
    const authorization = await signInAs(db, config, user);
    return async (method, url, payload) => {
      const res = await target.inject({ method, url, payload, headers: { authorization } });
      return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json() : { raw: res.rawPayload } };
    };
  };
  const callAs = (user: TestUser) => callOn(app, user);
  const stepUser = await everyStepUser(db);
  const call = await callAs(stepUser);

  // Evidence goes in through the evidence API, as people upload it.
  const evidenceApp = await buildEvidenceApi({ config, db, storage, probes: [] }, { logger: false });
  /** Uploads for the given user; each call stores a new small PDF and answers its evidence id. */
  /** Requests to the evidence API as the given user; `upload` sends a new small PDF. */
  const evidenceCallAs = async (user: TestUser) => {
    const authorization = await signInAs(db, config, user);
    return async (method: 'GET' | 'POST', url: string, upload = false) => {
      const { payload, headers } = upload ? multipart('minh-chứng.pdf', pdf(`minh chứng ${randomUUID()}`)) : { payload: undefined, headers: {} };
      const res = await evidenceApp.inject({ method, url, payload, headers: { ...headers, authorization } });
      return { status: res.statusCode, body: String(res.headers['content-type'] ?? '').includes('json') ? res.json<Record<string, unknown>>() : {}, raw: res.rawPayload };
    };
  };
  const uploaderAs = async (user: TestUser) => {
    const call = await evidenceCallAs(user);
    return async (dossierId: string, owner: 'dossiers' | 'rechecks' = 'dossiers'): Promise<string> => {
      const res = await call('POST', `/${owner}/${dossierId}/evidence`, true);
      if (res.status !== 201) throw new Error(`evidence not stored: ${res.status} ${JSON.stringify(res.body)}`);
      return String(res.body.id);
    };
  };
  const addEvidence = await uploaderAs(stepUser);

  return {
    db,
    storage,
    temporal,
    /** Added to the ids of the re-check workflows this harness's campaigns start. */
    scope: taskQueue,
    app,
    call,
    callAs,
    /** The user scenario tests act as, and an Authorization header for any user (for raw requests). */
    stepUser,
    authorizationOf: (user: TestUser) => signInAs(db, config, user),
    /** Uploads a small PDF as evidence of the dossier (or of the re-check) through the evidence API; answers its id. */
    addEvidence,
    uploaderAs,
    evidenceCallAs,
    /** Dossiers created from now on open on this day (ISO date, Vietnam); null: today. */
    openOn(day: string | null) {
      openingDay = day;
    },
    /** Commands sent from now on are received at this instant (their stage moves and due dates count from it); null: the system clock. */
    receiveCommandsAt(at: Date | null) {
      receivingAt = at;
    },
    /**
     * Another copy of the API with some dependencies swapped (a Temporal or database that cannot
     * be reached), called as the every-step user; signing in still uses the harness's database.
     */
    async callWith(overrides: Partial<DossierApiDeps>): Promise<Call> {
      const other = await buildDossierApi({ ...deps, ...overrides }, { logger: false });
      otherApps.push(other);
      return callOn(other, stepUser);
    },
    /** Every run of the named activity from now on waits this long first (null: no wait). */
    delayActivity(activityType: string, ms: number | null) {
      if (ms === null) delays.delete(activityType);
      else delays.set(activityType, ms);
    },
    async stopWorker() {
      worker.shutdown();
      await running;
    },
    /** A new worker with an empty workflow cache: running dossiers are rebuilt from their history. */
    async startWorker() {
      worker = await newWorker();
      running = worker.run();
    },
    async close() {
      await app.close();
      for (const other of otherApps) await other.close();
      await evidenceApp.close();
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await running;
      await connection.close();
      await nativeConnection.close();
      await db.$disconnect();
      await scratch.drop();
    },
  };
}

/** Records the public posting (long elapsed), residents' satisfaction and both attestations. */
export async function meetSubmissionConditions(call: Call, dossierId: string): Promise<void> {
  const ok = (r: { status: number; body: unknown }) => {
    if (r.status !== 200) throw new Error(`condition not recorded: ${r.status} ${JSON.stringify(r.body)}`);
  };
  ok(await call('PUT', `/dossiers/${dossierId}/posting`, { commandId: randomUUID(), startDate: '2024-01-02' }));
  ok(await call('PUT', `/dossiers/${dossierId}/satisfaction`, { commandId: randomUUID(), percent: 95.5 }));
  for (const kind of ['no_construction_debt', 'no_complex_security_situation']) {
    ok(await call('PUT', `/dossiers/${dossierId}/attestations/${kind}`, { commandId: randomUUID(), attested: true, explanation: 'Đã xác nhận.' }));
  }
}

export type DossierHarness = Awaited<ReturnType<typeof startDossierHarness>>;

/**
 * Opens a commune dossier of the test fixtures' T-NTM track and carries it to the decision stage;
 * the self-assessment of the criteria in `citingEvidence` cites a file uploaded for it.
 */
export async function bringToDecision(h: DossierHarness, unitCode: string, citingEvidence: readonly string[] = []): Promise<string> {
  const { call } = h;
  const id = randomUUID();
  const ok = (r: { status: number; body: unknown }) => {
    if (r.status !== 200 && r.status !== 201) throw new Error(`step refused: ${r.status} ${JSON.stringify(r.body)}`);
  };
  ok(await call('POST', '/dossiers', { commandId: id, unitCode, trackCode: 'T-NTM', year: 2025 }));
  for (const c of ['C1', 'C2', 'C3']) {
    const evidenceIds = citingEvidence.includes(c) ? [await h.addEvidence(id)] : [];
    ok(await call('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { commandId: randomUUID(), met: true, explanation: 'Đạt.', evidenceIds }));
  }
  ok(await call('PUT', `/dossiers/${id}/documents/TO_TRINH`, { commandId: randomUUID(), evidenceId: await h.addEvidence(id) }));
  await meetSubmissionConditions(call, id);
  ok(await call('POST', `/dossiers/${id}/submit`, { commandId: randomUUID() }));
  for (const [c, d] of [['C1', 'SXD'], ['C3', 'SXD'], ['C2', 'SGT'], ['C3', 'SGT']]) {
    ok(await call('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { commandId: randomUUID(), departmentCode: d, verdict: 'met', reason: null }));
  }
  const confirmed = await call('POST', `/dossiers/${id}/district-confirmation`, { commandId: randomUUID(), decision: 'confirm', reasons: null });
  if (confirmed.body.stage !== 'DECISION') throw new Error(`not at the decision stage: ${JSON.stringify(confirmed.body)}`);
  return id;
}
