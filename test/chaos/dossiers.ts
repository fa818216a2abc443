import { randomUUID } from 'node:crypto';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { catalogFormat } from '@ntm/contracts';
import { importCatalog } from '@ntm/catalog';
import type { Config } from '@ntm/config';
import type { Db } from '@ntm/db';
import { multipart, pdf } from '@ntm/evidence-api/test-files';
import { signInAs } from '@ntm/identity/testing';
import { request, sendUntilAnswered, type Answer, type CallStats } from './client.js';

/** The steps of a dossier a fault may wait for. */
export type Phase = 'opened' | 'submitted' | 'appraising' | 'decided';

/** Who drives dossiers: the services' addresses, a signed-in user holding every step's role, the record. */
export interface Driver {
  config: Config;
  db: Db;
  dossierApi: string;
  evidenceApi: string;
  authorization: string;
  /** Every command a service answered with success: each must be in the dossier's history once. */
  acknowledged: Map<string, string[]>;
}

/**
 * Loads the test fixtures' catalog (three criteria, two appraising departments) into the chaos
 * stack's database, and signs in a user holding every role of province P1. Imports are additive,
 * so the seed catalog stays as it is.
 */
export async function prepareDriver(config: Config, db: Db): Promise<Driver> {
  for (const file of [nationalFixture(), provinceFixture()]) {
    const r = await importCatalog(db, file);
    if (!r.ok) throw new Error(`fixture catalog refused: ${JSON.stringify(r.errors)}`);
  }
  const grants = [
    ...(['commune_officer', 'district_officer', 'provincial_office'] as const).map((role) => ({ role, unitCode: 'P1', departmentCode: null })),
    ...['SXD', 'SGT'].map((departmentCode) => ({ role: 'department_officer' as const, unitCode: 'P1', departmentCode })),
  ];
  return {
    config,
    db,
    dossierApi: `http://${config.host}:${config.dossierApi.port}`,
    evidenceApi: `http://${config.host}:${config.evidenceApi.port}`,
    authorization: await signInAs(db, config, { username: 'chaos-driver', grants }),
    acknowledged: new Map(),
  };
}

/** New communes under P1-D1, one per dossier (a unit has one open dossier per track and year). */
export async function newUnits(d: Driver, count: number): Promise<string[]> {
  const tag = Date.now().toString(36).toUpperCase();
  const units = Array.from({ length: count }, (_, i) => ({
    code: `P1-D1-K${tag}${i}`,
    name: `Xã thử sự cố ${tag} ${i}`,
    level: 'commune' as const,
    parentCode: 'P1-D1',
    validFrom: '2020-01-01',
    groupings: { 'SET-A': 'R1' },
  }));
  const r = await importCatalog(d.db, { format: catalogFormat, province: provinceFixture().province, units });
  if (!r.ok) throw new Error(`units refused: ${JSON.stringify(r.errors)}`);
  return units.map((u) => u.code);
}

let lastDecisionNumber: Promise<number> | undefined;
/** Decision numbers are unique in a province and year: above any the database holds. */
async function nextDecisionNumber(db: Db): Promise<string> {
  lastDecisionNumber ??= db.decision
    .findMany({ where: { provinceCode: 'P1' }, select: { number: true } })
    .then((rows) => Math.max(100_000, ...rows.map((n) => Number.parseInt(n.number ?? '0', 10))));
  // Chained before any await, so drivers running side by side never draw the same number.
  const next = lastDecisionNumber.then((n) => n + 1);
  lastDecisionNumber = next;
  return `${await next}/QĐ-UBND`;
}

/** A command to the dossier API, sent until answered; a success is recorded as acknowledged. */
export async function command(d: Driver, stats: CallStats, dossierId: string, method: 'POST' | 'PUT', path: string, body: { commandId: string; [field: string]: unknown }): Promise<Answer> {
  const a = await sendUntilAnswered(stats, `${method} ${path}`, () =>
    request(`${d.dossierApi}${path}`, { method, headers: { authorization: d.authorization, 'content-type': 'application/json' }, body: JSON.stringify(body), timeoutMs: 60_000 }),
  );
  if (a.status >= 300) throw new Error(`${method} ${path} refused: ${a.status} ${JSON.stringify(a.body)}`);
  d.acknowledged.set(dossierId, [...(d.acknowledged.get(dossierId) ?? []), body.commandId]);
  return a;
}

/** Uploads one small PDF through the evidence API until it is stored; answers its evidence id. */
export async function uploadEvidence(d: Driver, stats: CallStats, dossierId: string): Promise<string> {
  const a = await sendUntilAnswered(stats, 'upload', () => {
    const { payload, headers } = multipart('tờ-trình.pdf', pdf(`tờ trình ${randomUUID()}`));
    return request(`${d.evidenceApi}/dossiers/${dossierId}/evidence`, { method: 'POST', headers: { ...headers, authorization: d.authorization }, body: payload });
  });
  if (a.status !== 201) throw new Error(`upload refused: ${a.status} ${JSON.stringify(a.body)}`);
  return String(a.body.id);
}

export interface DriveOptions {
  /** Called as the dossier reaches each phase; a fault may wait on these. */
  onPhase?: (phase: Phase, dossierId: string) => void;
  /** The evidence of the proposal document: uploaded by the driver unless given. */
  evidence?: (dossierId: string) => Promise<string>;
}

/**
 * Carries one commune dossier from creation to a recognition decision through the running
 * services, each command sent until answered (so retried with the same id through any fault).
 */
export async function driveDossier(d: Driver, stats: CallStats, unitCode: string, opts: DriveOptions = {}): Promise<string> {
  const id = randomUUID();
  const cmd = (method: 'POST' | 'PUT', path: string, body: object = {}) => command(d, stats, id, method, path, { commandId: randomUUID(), ...body });
  await command(d, stats, id, 'POST', '/dossiers', { commandId: id, unitCode, trackCode: 'T-NTM', year: 2025 });
  opts.onPhase?.('opened', id);
  for (const c of ['C1', 'C2', 'C3']) await cmd('PUT', `/dossiers/${id}/criteria/${c}/self-assessment`, { met: true, explanation: 'Đạt.' });
  const evidenceId = await (opts.evidence ?? ((dossierId) => uploadEvidence(d, stats, dossierId)))(id);
  await cmd('PUT', `/dossiers/${id}/documents/TO_TRINH`, { evidenceId });
  await cmd('PUT', `/dossiers/${id}/posting`, { startDate: '2024-01-02' });
  await cmd('PUT', `/dossiers/${id}/satisfaction`, { percent: 95.5 });
  for (const kind of ['no_construction_debt', 'no_complex_security_situation']) await cmd('PUT', `/dossiers/${id}/attestations/${kind}`, { attested: true, explanation: 'Đã xác nhận.' });
  await cmd('POST', `/dossiers/${id}/submit`);
  opts.onPhase?.('submitted', id);
  for (const [c, dept] of [['C1', 'SXD'], ['C3', 'SXD'], ['C2', 'SGT'], ['C3', 'SGT']] as const) {
    opts.onPhase?.('appraising', id);
    await cmd('PUT', `/dossiers/${id}/criteria/${c}/appraisal`, { departmentCode: dept, verdict: 'met', reason: null });
  }
  await cmd('POST', `/dossiers/${id}/district-confirmation`, { decision: 'confirm', reasons: null });
  const number = await nextDecisionNumber(d.db);
  await cmd('POST', `/dossiers/${id}/decision`, { outcome: 'recognise', number, date: '2026-11-20', effectiveDate: '2026-11-20', signer: 'Người ký thử' });
  opts.onPhase?.('decided', id);
  return id;
}
