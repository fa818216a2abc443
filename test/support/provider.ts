/**
 * Where the integration and end-to-end tests get their PostgreSQL, Temporal and MinIO.
 * A provider starts (or finds) the three servers and answers with the environment variables
 * that point the code at them; tests read them through `testConfig()`.
 */
export interface TestStack {
  provider: string;
  env: Record<string, string>;
  release(): Promise<void>;
}

export interface TestStackProvider {
  name: string;
  start(): Promise<TestStack>;
}
