import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './index.js';

describe('loadConfig', () => {
  it('gives the dev profile its documented ports by default', () => {
    const c = loadConfig({});
    expect(c.profile).toBe('dev');
    expect(c.temporal.uiPort).toBe(8233);
    expect(c.s3.port).toBe(9000);
    expect(c.postgres.database).toBe('ntm_dev');
  });

  it('gives the test profile ports and a database that never overlap the dev profile', () => {
    const dev = loadConfig({ NTM_PROFILE: 'dev' });
    const test = loadConfig({ NTM_PROFILE: 'test' });
    const ports = (c: typeof dev) => [
      c.postgres.port, c.temporal.port, c.temporal.uiPort, c.temporal.httpPort,
      c.s3.port, c.s3.consolePort, c.dossierApi.port, c.evidenceApi.port,
    ];
    const devPorts = new Set(ports(dev));
    expect(devPorts.size).toBe(8);
    expect(ports(test).filter((p) => devPorts.has(p))).toEqual([]);
    expect(test.postgres.database).not.toBe(dev.postgres.database);
  });

  it('lets an environment variable override a default', () => {
    const c = loadConfig({ NTM_PG_PORT: '6000', NTM_S3_USE_SSL: 'true' });
    expect(c.postgres.port).toBe(6000);
    expect(c.postgres.url).toBe('postgresql://ntm:ntm-local-only@127.0.0.1:6000/ntm_dev');
    expect(c.s3.useSSL).toBe(true);
  });

  it('names every invalid variable', () => {
    const error = captureError(() => loadConfig({ NTM_PG_PORT: '70000', NTM_PROFILE: 'prod' }));
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).issues.map((i) => i.split(':')[0]).sort()).toEqual(['NTM_PG_PORT', 'NTM_PROFILE']);
  });
});

function captureError(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  return undefined;
}
