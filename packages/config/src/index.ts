import { z } from 'zod';

/**
 * The one configuration object of the system, read from environment variables.
 * Every value has a safe local default; a profile selects a non-overlapping set of
 * ports and databases so the test stack never disturbs a running dev stack.
 */
export const Profile = z.enum(['dev', 'test']);
export type Profile = z.infer<typeof Profile>;

const profileDefaults = {
  dev: {
    pgPort: 55432,
    temporalPort: 7233,
    temporalUiPort: 8233,
    temporalHttpPort: 7243,
    s3Port: 9000,
    minioConsolePort: 9001,
    dossierApiPort: 3000,
    evidenceApiPort: 3001,
  },
  test: {
    pgPort: 55433,
    temporalPort: 17233,
    temporalUiPort: 18233,
    temporalHttpPort: 17243,
    s3Port: 19000,
    minioConsolePort: 19001,
    dossierApiPort: 13000,
    evidenceApiPort: 13001,
  },
} as const satisfies Record<Profile, Record<string, number>>;

const port = z.coerce.number().int().min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const Env = z.object({
  NTM_PROFILE: Profile.default('dev'),
  NTM_STATE_DIR: z.string().min(1).optional(),
  NTM_HOST: z.string().min(1).default('127.0.0.1'),
  NTM_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  NTM_PG_HOST: z.string().min(1).default('127.0.0.1'),
  NTM_PG_PORT: port.optional(),
  NTM_PG_USER: z.string().min(1).default('ntm'),
  NTM_PG_PASSWORD: z.string().min(1).default('ntm-local-only'),
  NTM_PG_DATABASE: z.string().min(1).optional(),

  NTM_TEMPORAL_HOST: z.string().min(1).default('127.0.0.1'),
  NTM_TEMPORAL_PORT: port.optional(),
  NTM_TEMPORAL_UI_PORT: port.optional(),
  NTM_TEMPORAL_HTTP_PORT: port.optional(),
  NTM_TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  NTM_TEMPORAL_TASK_QUEUE: z.string().min(1).default('ntm-dossiers'),

  NTM_S3_HOST: z.string().min(1).default('127.0.0.1'),
  NTM_S3_PORT: port.optional(),
  NTM_S3_USE_SSL: bool.default(false),
  NTM_S3_REGION: z.string().min(1).default('us-east-1'),
  NTM_S3_ACCESS_KEY: z.string().min(3).default('ntm-local'),
  NTM_S3_SECRET_KEY: z.string().min(8).default('ntm-local-only-secret'),
  NTM_S3_BUCKET: z.string().min(3).default('ntm-evidence'),
  NTM_MINIO_CONSOLE_PORT: port.optional(),

  NTM_EVIDENCE_MAX_BYTES: z.coerce.number().int().min(1024).default(50 * 1024 * 1024),
  /** Comma-separated media types accepted as evidence, checked against each file's content. */
  NTM_EVIDENCE_MEDIA_TYPES: z
    .string()
    .default('application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean)),
  NTM_DOSSIER_API_PORT: port.optional(),
  NTM_EVIDENCE_API_PORT: port.optional(),
  NTM_PUBLIC_HOST: z.string().min(1).default('localhost'),
  /** Where people reach the dossier API; printed in decision QR codes. Defaults to the local API. */
  NTM_PUBLIC_BASE_URL: z.url().optional(),
});

/** Every environment variable the system reads. */
export const configVariableNames = Object.keys(Env.shape);

export type Config = ReturnType<typeof buildConfig>;

function buildConfig(env: z.infer<typeof Env>) {
  const d = profileDefaults[env.NTM_PROFILE];
  const pg = {
    host: env.NTM_PG_HOST,
    port: env.NTM_PG_PORT ?? d.pgPort,
    user: env.NTM_PG_USER,
    password: env.NTM_PG_PASSWORD,
    database: env.NTM_PG_DATABASE ?? `ntm_${env.NTM_PROFILE}`,
  };
  const temporalPort = env.NTM_TEMPORAL_PORT ?? d.temporalPort;
  return {
    profile: env.NTM_PROFILE,
    stateDir: env.NTM_STATE_DIR,
    host: env.NTM_HOST,
    publicHost: env.NTM_PUBLIC_HOST,
    publicBaseUrl: env.NTM_PUBLIC_BASE_URL ?? `http://${env.NTM_PUBLIC_HOST}:${env.NTM_DOSSIER_API_PORT ?? d.dossierApiPort}`,
    logLevel: env.NTM_LOG_LEVEL,
    postgres: { ...pg, url: postgresUrl(pg) },
    temporal: {
      host: env.NTM_TEMPORAL_HOST,
      port: temporalPort,
      address: `${env.NTM_TEMPORAL_HOST}:${temporalPort}`,
      uiPort: env.NTM_TEMPORAL_UI_PORT ?? d.temporalUiPort,
      httpPort: env.NTM_TEMPORAL_HTTP_PORT ?? d.temporalHttpPort,
      namespace: env.NTM_TEMPORAL_NAMESPACE,
      taskQueue: env.NTM_TEMPORAL_TASK_QUEUE,
    },
    s3: {
      host: env.NTM_S3_HOST,
      port: env.NTM_S3_PORT ?? d.s3Port,
      useSSL: env.NTM_S3_USE_SSL,
      region: env.NTM_S3_REGION,
      accessKey: env.NTM_S3_ACCESS_KEY,
      secretKey: env.NTM_S3_SECRET_KEY,
      bucket: env.NTM_S3_BUCKET,
      consolePort: env.NTM_MINIO_CONSOLE_PORT ?? d.minioConsolePort,
    },
    dossierApi: { port: env.NTM_DOSSIER_API_PORT ?? d.dossierApiPort },
    evidenceApi: { port: env.NTM_EVIDENCE_API_PORT ?? d.evidenceApiPort, maxBytes: env.NTM_EVIDENCE_MAX_BYTES, mediaTypes: env.NTM_EVIDENCE_MEDIA_TYPES },
  };
}

export function postgresUrl(pg: { host: string; port: number; user: string; password: string; database: string }): string {
  const auth = `${encodeURIComponent(pg.user)}:${encodeURIComponent(pg.password)}`;
  return `postgresql://${auth}@${pg.host}:${pg.port}/${encodeURIComponent(pg.database)}`;
}

export class ConfigError extends Error {
  constructor(readonly issues: string[]) {
    super(`Invalid configuration:\n  ${issues.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the configuration; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return buildConfig(parsed.data);
}
