import { GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { loadConfig } from '@ntm/config';
import { searchAttributeDefinitions } from '@ntm/contracts';
import { applyMigrations } from '@ntm/db/migrate';
import { createStorage } from '@ntm/storage';
import type { TestStackProvider } from './provider.js';

/**
 * Throwaway containers, for machines with a Docker engine. Cannot run on the project's CI
 * machines (no engine there); kept small and on the same configuration names as the local stack.
 */
export const testcontainersProvider: TestStackProvider = {
  name: 'testcontainers',
  async start() {
    const defaults = loadConfig({ NTM_PROFILE: 'test' });
    const started: StartedTestContainer[] = [];
    const pg = await new GenericContainer('postgres:17')
      .withEnvironment({ POSTGRES_USER: defaults.postgres.user, POSTGRES_PASSWORD: defaults.postgres.password, POSTGRES_DB: defaults.postgres.database })
      .withExposedPorts(5432)
      .withWaitStrategy(Wait.forLogMessage(/ready to accept connections/, 2))
      .start();
    started.push(pg);
    const temporal = await new GenericContainer('temporalio/temporal:1.9.1')
      .withCommand([
        'server', 'start-dev', '--ip', '0.0.0.0',
        ...Object.entries(searchAttributeDefinitions).flatMap(([k, v]) => ['--search-attribute', `${k}=${v}`]),
      ])
      .withExposedPorts(7233)
      .withWaitStrategy(Wait.forListeningPorts())
      .start();
    started.push(temporal);
    const minio = await new GenericContainer('minio/minio:RELEASE.2025-09-07T16-13-09Z')
      .withEnvironment({ MINIO_ROOT_USER: defaults.s3.accessKey, MINIO_ROOT_PASSWORD: defaults.s3.secretKey })
      .withCommand(['server', '/data'])
      .withExposedPorts(9000)
      .withWaitStrategy(Wait.forHttp('/minio/health/live', 9000))
      .start();
    started.push(minio);

    const env = {
      NTM_PROFILE: 'test',
      // The built-in issuer, as on the local test stack: tests sign in as local users.
      NTM_AUTH_LOCAL_ISSUER: 'true',
      NTM_PG_HOST: pg.getHost(),
      NTM_PG_PORT: String(pg.getMappedPort(5432)),
      NTM_TEMPORAL_HOST: temporal.getHost(),
      NTM_TEMPORAL_PORT: String(temporal.getMappedPort(7233)),
      NTM_S3_HOST: minio.getHost(),
      NTM_S3_PORT: String(minio.getMappedPort(9000)),
    };
    const config = loadConfig(env);
    await applyMigrations(config.postgres.url);
    await createStorage(config.s3).ensureBucket();
    return {
      provider: this.name,
      env,
      release: async () => {
        await Promise.all(started.map((c) => c.stop()));
      },
    };
  },
};
