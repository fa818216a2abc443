import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { createPrismaClient } from '@ntm/db';
import { testConfig } from '@ntm/testing';
import { startDossierHarness, type Call, type DossierHarness } from './test-harness.js';

const config = testConfig();
/** Nothing listens there: connections are refused at once. */
const closedAddress = '127.0.0.1:1';
const english = /\b(expected|received|Invalid|ECONNREFUSED|Deadline|connection|Prisma)\b/;

async function timed(call: Call, ...args: Parameters<Call>) {
  const started = Date.now();
  const res = await call(...args);
  return { ...res, ms: Date.now() - started };
}

function expectUnavailable(res: { status: number; body: Record<string, unknown> }) {
  expect(res.status).toBe(503);
  expect(res.body).toMatchObject({ type: 'urn:ntm:problem:unavailable', title: 'Dịch vụ tạm thời không sẵn sàng' });
  expect(String(res.body.detail)).toMatch(/(thử|gửi) lại/);
  expect(`${String(res.body.title)} ${String(res.body.detail)}`).not.toMatch(english);
}

describe('Temporal or PostgreSQL unreachable: a 503 problem in bounded time (real PostgreSQL and Temporal beside the unreachable one)', () => {
  let h: DossierHarness;
  let dossierId: string;
  const unreachableTemporal = Connection.lazy({ address: closedAddress });
  const unreachableDb = createPrismaClient(`postgresql://ntm:ntm-local-only@${closedAddress}/ntm_test`);

  beforeAll(async () => {
    h = await startDossierHarness(config, [nationalFixture(), provinceFixture()]);
    dossierId = randomUUID();
    expect((await h.call('POST', '/dossiers', { commandId: dossierId, unitCode: 'P1-D1-C1', trackCode: 'T-NTM', year: 2025 })).status).toBe(201);
  });
  afterAll(async () => {
    await h.close();
    await unreachableTemporal.close();
    await unreachableDb.$disconnect();
  });

  it('answers a command 503 within its deadline when Temporal cannot be reached, and the same command retried later is applied once', async () => {
    const call = await h.callWith({ temporal: new Client({ connection: unreachableTemporal, namespace: config.temporal.namespace }), commandTimeoutMs: 3000 });
    const auditBefore = await h.db.auditEvent.count({ where: { dossierId } });
    const command = { commandId: randomUUID(), percent: 93 };
    const res = await timed(call, 'PUT', `/dossiers/${dossierId}/satisfaction`, command);
    expectUnavailable(res);
    expect(res.ms).toBeLessThan(15_000);
    expect(await h.db.auditEvent.count({ where: { dossierId } })).toBe(auditBefore);

    const create = await timed(call, 'POST', '/dossiers', { commandId: randomUUID(), unitCode: 'P1-D1-C2', trackCode: 'T-NTM', year: 2025 });
    expectUnavailable(create);
    expect(create.ms).toBeLessThan(15_000);
    expect(await h.db.dossier.count({ where: { unitCode: 'P1-D1-C2' } })).toBe(0);

    // Temporal is back (the harness's own API): the retry goes through, once.
    expect(await h.call('PUT', `/dossiers/${dossierId}/satisfaction`, command)).toMatchObject({ status: 200, body: { percent: 93 } });
    expect(await h.call('PUT', `/dossiers/${dossierId}/satisfaction`, command)).toMatchObject({ status: 200, body: { percent: 93 } });
    expect(await h.db.auditEvent.count({ where: { dossierId } })).toBe(auditBefore + 1);
  });

  it('answers reads and commands 503 when PostgreSQL cannot be reached', async () => {
    const call = await h.callWith({ db: unreachableDb });
    for (const [method, url, body] of [
      ['GET', '/dossiers', undefined],
      ['GET', `/dossiers/${dossierId}`, undefined],
      ['PUT', `/dossiers/${dossierId}/satisfaction`, { commandId: randomUUID(), percent: 90 }],
    ] as const) {
      const res = await timed(call, method, url, body);
      expectUnavailable(res);
      expect(res.ms, url).toBeLessThan(10_000);
    }
  });
});
