import { randomUUID } from 'node:crypto';
import { importCatalog } from '@ntm/catalog';
import { nationalFixture, provinceFixture } from '@ntm/catalog/test-fixtures';
import { createPrismaClient, createScratchDatabase } from '@ntm/db';
import { signInAs } from '@ntm/identity/testing';
import { createStorage } from '@ntm/storage';
import { testConfig } from '@ntm/testing';
import { buildEvidenceApi } from './app.js';

/**
 * For integration tests: a scratch database with the fixture catalog, one dossier in its
 * self-assessment stage, the evidence API on the test stack's MinIO, and a commune officer's token.
 */
export async function startEvidenceHarness(env: Record<string, string> = {}, storageOverride: Partial<ReturnType<typeof testConfig>['s3']> = {}) {
  const config = testConfig(env);
  const storage = createStorage({ ...config.s3, ...storageOverride });
  const scratch = await createScratchDatabase(config.postgres.url);
  const db = createPrismaClient(scratch.url);
  for (const f of [nationalFixture(), provinceFixture()]) if (!(await importCatalog(db, f)).ok) throw new Error('catalog');
  const dossierId = randomUUID();
  await db.dossier.create({
    data: { id: dossierId, trackingCode: `T-${dossierId}`, unitCode: 'P1-D1-C1', unitChain: ['P1', 'P1-D1', 'P1-D1-C1'], provinceCode: 'P1', trackCode: 'T-NTM', year: 2025, criteriaSetCode: 'SET-A', stage: 'SELF', createdBy: 'test' },
  });
  const app = await buildEvidenceApi({ config, db, storage, probes: [] }, { logger: false });
  const authorization = await signInAs(db, config, { username: `can-bo-xa-${randomUUID().slice(0, 8)}`, grants: [{ role: 'commune_officer', unitCode: 'P1-D1-C1', departmentCode: null }] });
  const testStorage = createStorage(config.s3);

  return {
    config,
    db,
    app,
    storage,
    dossierId,
    authorization,
    uploadUrl: `/dossiers/${dossierId}/evidence`,
    /** Every stored version under this dossier's evidence prefix (read from the real bucket). */
    async objectVersions(): Promise<number> {
      let n = 0;
      for await (const _ of testStorage.client.listObjects(testStorage.bucket, `dossiers/${dossierId}/evidence/`, true, { IncludeVersion: true })) n++;
      return n;
    },
    /** Nothing half-written: no evidence row and no stored object version for the dossier. */
    async evidenceLeft(): Promise<{ rows: number; objects: number }> {
      return { rows: await db.evidence.count({ where: { dossierId } }), objects: await this.objectVersions() };
    },
    async stop() {
      await app.close();
      await db.$disconnect();
      await scratch.drop();
    },
  };
}

export type EvidenceHarness = Awaited<ReturnType<typeof startEvidenceHarness>>;
