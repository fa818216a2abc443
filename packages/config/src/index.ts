import { join, resolve } from 'node:path';
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
    portalPort: 3002,
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
    portalPort: 13002,
  },
} as const satisfies Record<Profile, Record<string, number>>;

const port = z.coerce.number().int().min(1).max(65535);
const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');
const commaList = z
  .string()
  .default('')
  .transform((s) => s.split(',').map((t) => t.trim()).filter(Boolean));

/** An empty value counts as unset, so docker-compose can pass `${NAME:-}` through. */
const unsetIfEmpty = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

/** The checkout this package lives in: the local stack keeps its state under `.stack/<profile>` here. */
const repoRoot = resolve(import.meta.dirname, '..', '..', '..');

/** The `iss` the built-in issuer writes and the only one its key is trusted for. */
export const localIssuerId = 'urn:ntm:local-issuer';

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
  /**
   * Workflows the worker keeps in memory between tasks; beyond it the least recent is dropped and
   * replayed from its history when next needed. The SDK's default sizes this from the heap at about
   * 1.7 MB a workflow, which a campaign of 5,000 re-checks filled until the workflow thread ran out of memory.
   */
  NTM_WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(2).max(100_000).default(500),

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
  /** An upload that sends no data for this long is answered 408 (the person may retry). */
  NTM_UPLOAD_IDLE_TIMEOUT_SECONDS: z.coerce.number().min(0.1).max(3600).default(30),
  /** The longest an upload's body may take to arrive, whatever its pace; answered 408 beyond it. */
  NTM_UPLOAD_TIMEOUT_SECONDS: z.coerce.number().min(1).max(24 * 3600).default(15 * 60),
  NTM_DOSSIER_API_PORT: port.optional(),
  NTM_EVIDENCE_API_PORT: port.optional(),
  /** The portal (the web application and its backend, which forwards /api/... to the two APIs). */
  NTM_PORTAL_PORT: port.optional(),
  /** Where the portal forwards /api/dossier/...; defaults to the dossier API on NTM_HOST. */
  NTM_PORTAL_DOSSIER_API_URL: z.url().optional(),
  /** Where the portal forwards /api/evidence/...; defaults to the evidence API on NTM_HOST. */
  NTM_PORTAL_EVIDENCE_API_URL: z.url().optional(),
  /** Mark the portal's session cookie Secure (serve the portal over HTTPS); off for local use. */
  NTM_PORTAL_SECURE_COOKIE: bool.default(false),
  /**
   * A province's OIDC provider people may sign in through at the portal (authorization code with
   * PKCE): its issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). With the
   * client id and redirect URI it turns the provider's sign-in button on; unset: the form only.
   */
  NTM_PORTAL_OIDC_ISSUER: unsetIfEmpty(z.url({ protocol: /^https?$/ })),
  /** The portal's client id at the provider. */
  NTM_PORTAL_OIDC_CLIENT_ID: unsetIfEmpty(z.string().min(1)),
  /** The portal's client secret (client_secret_basic); unset: a public client (PKCE only). */
  NTM_PORTAL_OIDC_CLIENT_SECRET: unsetIfEmpty(z.string().min(1)),
  /** Where the provider sends people back: `<the portal's address>/auth/oidc/callback`, registered at the provider. */
  NTM_PORTAL_OIDC_REDIRECT_URI: unsetIfEmpty(z.url({ protocol: /^https?$/ })),
  /** Space-separated scopes asked for; openid is required. */
  NTM_PORTAL_OIDC_SCOPES: z.string().default('openid profile').transform((s) => s.split(/\s+/).filter(Boolean)),
  /** The sign-in button's label on the sign-in page. */
  NTM_PORTAL_OIDC_LABEL: z.string().min(1).max(80).default('Đăng nhập bằng tài khoản của tỉnh'),
  /** Uploads one signed-in user may make per minute. */
  NTM_UPLOAD_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(60),
  /** Uploads one client IP may make per minute, whoever is signed in (an office behind one NAT shares it). */
  NTM_UPLOAD_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(300),
  NTM_PUBLIC_HOST: z.string().min(1).default('localhost'),
  /** Where people reach the dossier API; printed in decision QR codes. Defaults to the local API. */
  NTM_PUBLIC_BASE_URL: z.url().optional(),

  /**
   * The `iss` of an external identity provider's tokens (a province's OIDC provider); required with,
   * and only meaningful with, NTM_AUTH_JWKS_URL.
   */
  NTM_AUTH_ISSUER: unsetIfEmpty(z.string().min(1)),
  /** The `aud` every accepted token must carry (set the identity provider's audience mapper to it). */
  NTM_AUTH_AUDIENCE: z.string().min(1).default('ntm-platform'),
  /** The external identity provider's JSON Web Key Set, e.g. its OIDC `jwks_uri`. */
  NTM_AUTH_JWKS_URL: unsetIfEmpty(z.url({ protocol: /^https?$/ })),
  /** The built-in issuer (login with local users and passwords): for local use and tests only. */
  NTM_AUTH_LOCAL_ISSUER: bool.default(false),
  /** The built-in issuer's Ed25519 private key (PKCS8 PEM); created with mode 0600 if missing. */
  NTM_AUTH_LOCAL_KEY_FILE: z.string().min(1).optional(),
  NTM_AUTH_ACCESS_TTL_SECONDS: z.coerce.number().int().min(30).max(24 * 3600).default(900),
  NTM_AUTH_REFRESH_TTL_SECONDS: z.coerce.number().int().min(60).max(30 * 24 * 3600).default(8 * 3600),
  /** Password given to the seeded local users of the built-in issuer. Local use only. */
  NTM_AUTH_SEED_PASSWORD: z.string().min(8).default('ntm-local-only'),
  /** Login (and refresh) attempts allowed per client IP and username per minute. */
  NTM_LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(1000).default(5),
  /** Login (and refresh) attempts allowed per client IP per minute, whichever usernames it tries. */
  NTM_LOGIN_RATE_LIMIT_PER_IP: z.coerce.number().int().min(1).max(100_000).default(30),
  /** Comma-separated origins allowed to call the APIs from a browser; empty: no cross-origin calls. */
  NTM_CORS_ORIGINS: commaList,
});

/** Every environment variable the system reads. */
export const configVariableNames = Object.keys(Env.shape);

export type Config = ReturnType<typeof buildConfig>;

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Settings that are valid one by one but not together. */
function crossCheck(env: z.infer<typeof Env>, ctx: z.RefinementCtx): void {
  const issue = (variable: keyof typeof Env.shape, message: string) => ctx.addIssue({ code: 'custom', path: [variable], message });
  if (env.NTM_AUTH_JWKS_URL !== undefined && env.NTM_AUTH_ISSUER === undefined) {
    issue('NTM_AUTH_ISSUER', 'required with NTM_AUTH_JWKS_URL: tokens are only accepted from the issuer named here');
  }
  if (env.NTM_AUTH_ISSUER !== undefined && env.NTM_AUTH_JWKS_URL === undefined) {
    issue('NTM_AUTH_JWKS_URL', "required with NTM_AUTH_ISSUER: the issuer's keys are read from it");
  }
  if (env.NTM_AUTH_ISSUER === localIssuerId) {
    issue('NTM_AUTH_ISSUER', `${localIssuerId} is the built-in issuer's own name`);
  }
  const oidc = { NTM_PORTAL_OIDC_ISSUER: env.NTM_PORTAL_OIDC_ISSUER, NTM_PORTAL_OIDC_CLIENT_ID: env.NTM_PORTAL_OIDC_CLIENT_ID, NTM_PORTAL_OIDC_REDIRECT_URI: env.NTM_PORTAL_OIDC_REDIRECT_URI };
  const oidcSet = Object.values(oidc).some((v) => v !== undefined) || env.NTM_PORTAL_OIDC_CLIENT_SECRET !== undefined;
  for (const [name, value] of Object.entries(oidc) as [keyof typeof oidc, string | undefined][]) {
    if (oidcSet && value === undefined) issue(name, 'required for sign-in through the OIDC provider (with NTM_PORTAL_OIDC_ISSUER, _CLIENT_ID and _REDIRECT_URI)');
  }
  for (const name of ['NTM_PORTAL_OIDC_ISSUER', 'NTM_PORTAL_OIDC_REDIRECT_URI'] as const) {
    const value = env[name];
    if (value !== undefined && new URL(value).protocol === 'http:' && !loopbackHosts.has(new URL(value).hostname)) issue(name, 'must be https (http only on this machine: localhost, 127.0.0.1)');
  }
  if (oidcSet && !env.NTM_PORTAL_OIDC_SCOPES.includes('openid')) issue('NTM_PORTAL_OIDC_SCOPES', 'must include openid');
  if (env.NTM_AUTH_REFRESH_TTL_SECONDS <= env.NTM_AUTH_ACCESS_TTL_SECONDS) {
    issue('NTM_AUTH_REFRESH_TTL_SECONDS', 'must be longer than NTM_AUTH_ACCESS_TTL_SECONDS');
  }
}

function buildConfig(env: z.infer<typeof Env>) {
  const d = profileDefaults[env.NTM_PROFILE];
  const stackStateDir = env.NTM_STATE_DIR ?? join(repoRoot, '.stack', env.NTM_PROFILE);
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
      maxCachedWorkflows: env.NTM_WORKER_MAX_CACHED_WORKFLOWS,
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
    portal: {
      port: env.NTM_PORTAL_PORT ?? d.portalPort,
      dossierApiUrl: env.NTM_PORTAL_DOSSIER_API_URL ?? `http://${env.NTM_HOST === '0.0.0.0' ? '127.0.0.1' : env.NTM_HOST}:${env.NTM_DOSSIER_API_PORT ?? d.dossierApiPort}`,
      evidenceApiUrl: env.NTM_PORTAL_EVIDENCE_API_URL ?? `http://${env.NTM_HOST === '0.0.0.0' ? '127.0.0.1' : env.NTM_HOST}:${env.NTM_EVIDENCE_API_PORT ?? d.evidenceApiPort}`,
      secureCookie: env.NTM_PORTAL_SECURE_COOKIE,
      /** Sign-in through a province's OIDC provider; null: only the built-in issuer's form. */
      oidc:
        env.NTM_PORTAL_OIDC_ISSUER !== undefined && env.NTM_PORTAL_OIDC_CLIENT_ID !== undefined && env.NTM_PORTAL_OIDC_REDIRECT_URI !== undefined
          ? {
              issuer: env.NTM_PORTAL_OIDC_ISSUER,
              clientId: env.NTM_PORTAL_OIDC_CLIENT_ID,
              clientSecret: env.NTM_PORTAL_OIDC_CLIENT_SECRET ?? null,
              redirectUri: env.NTM_PORTAL_OIDC_REDIRECT_URI,
              scopes: env.NTM_PORTAL_OIDC_SCOPES,
              label: env.NTM_PORTAL_OIDC_LABEL,
              /** A provider's session lasts at most this long (a working day) unless its refresh token says shorter. */
              sessionTtlSeconds: env.NTM_AUTH_REFRESH_TTL_SECONDS,
            }
          : null,
    },
    evidenceApi: {
      port: env.NTM_EVIDENCE_API_PORT ?? d.evidenceApiPort,
      maxBytes: env.NTM_EVIDENCE_MAX_BYTES,
      mediaTypes: env.NTM_EVIDENCE_MEDIA_TYPES,
      uploadsPerMinute: { perActor: env.NTM_UPLOAD_RATE_LIMIT, perIp: env.NTM_UPLOAD_RATE_LIMIT_PER_IP },
      uploadTimeouts: { idleMs: env.NTM_UPLOAD_IDLE_TIMEOUT_SECONDS * 1000, totalMs: env.NTM_UPLOAD_TIMEOUT_SECONDS * 1000 },
    },
    /**
     * Who may call the services. With neither an external issuer nor the built-in one configured
     * (`enabled` false) the services still start, log a warning and refuse every protected request.
     */
    auth: {
      enabled: env.NTM_AUTH_JWKS_URL !== undefined || env.NTM_AUTH_LOCAL_ISSUER,
      audience: env.NTM_AUTH_AUDIENCE,
      external:
        env.NTM_AUTH_JWKS_URL !== undefined && env.NTM_AUTH_ISSUER !== undefined
          ? { issuer: env.NTM_AUTH_ISSUER, jwksUrl: env.NTM_AUTH_JWKS_URL }
          : null,
      localIssuer: env.NTM_AUTH_LOCAL_ISSUER
        ? {
            issuer: localIssuerId,
            keyFile: env.NTM_AUTH_LOCAL_KEY_FILE ?? join(stackStateDir, 'auth', 'local-issuer.pem'),
            seedPassword: env.NTM_AUTH_SEED_PASSWORD,
          }
        : null,
      accessTtlSeconds: env.NTM_AUTH_ACCESS_TTL_SECONDS,
      refreshTtlSeconds: env.NTM_AUTH_REFRESH_TTL_SECONDS,
      loginRateLimitPerMinute: env.NTM_LOGIN_RATE_LIMIT,
      loginRateLimitPerIpPerMinute: env.NTM_LOGIN_RATE_LIMIT_PER_IP,
    },
    cors: { origins: env.NTM_CORS_ORIGINS },
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
  const parsed = Env.superRefine(crossCheck).safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return buildConfig(parsed.data);
}
