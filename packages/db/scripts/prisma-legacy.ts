// Schema diffs offline. Prisma 7's `migrate` needs a native schema engine from Prisma's CDN;
// Prisma 6.19 (npm alias `prisma-legacy-cli`) bundles a WebAssembly schema engine that talks to
// PostgreSQL through a driver adapter, so it runs with no download.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const cli = require.resolve('prisma-legacy-cli/build/index.js');

// Imports by absolute path, so the config works from a temp folder outside the package.
const configSource = `
import { defineConfig } from ${JSON.stringify(require.resolve('prisma-legacy-cli/config'))};
import { PrismaPg } from ${JSON.stringify(require.resolve('@prisma/adapter-pg'))};

const url = process.env.PRISMA_LEGACY_DATABASE_URL;

class PgForIntrospection extends PrismaPg {
  // The engine's catalog queries return columns of type "char" (oid 18), which PrismaPg
  // rejects; pg hands them over as strings, so report them as text (oid 25).
  async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver();
    const query = pool.query.bind(pool);
    pool.query = async (...args) => {
      const result = await query(...args);
      for (const field of result?.fields ?? []) if (field.dataTypeID === 18) field.dataTypeID = 25;
      return result;
    };
    return adapter;
  }
  // PrismaPg's shadow database would be the main one (a connectionString overrides its
  // database name) and its drop fails; nothing here needs one.
  async connectToShadowDb() {
    throw new Error('prisma-legacy: no shadow database');
  }
}

// Without a database the engine only asks for the server version, so answer that alone.
const noDatabase = {
  provider: 'postgres',
  adapterName: 'prisma-legacy-offline',
  async queryRaw(query) {
    if (!query.sql.includes('version()')) throw new Error('prisma-legacy: no database for ' + query.sql);
    return { columnNames: ['exists', 'version', 'numeric_version'], columnTypes: [5, 7, 0], rows: [[true, 'PostgreSQL 15', 150000]] };
  },
  async executeRaw() { throw new Error('prisma-legacy: no database'); },
  async executeScript() { throw new Error('prisma-legacy: no database'); },
  async startTransaction() { throw new Error('prisma-legacy: no database'); },
  async dispose() {},
};

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => url
    ? new PgForIntrospection({ connectionString: url }, { schema: new URL(url).searchParams.get('schema') ?? undefined })
    : { provider: 'postgres', adapterName: 'prisma-legacy-offline', connect: async () => noDatabase, connectToShadowDb: async () => noDatabase },
});
`;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function prisma(dir: string, args: string[], databaseUrl?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    // Any existing file stops the CLI from downloading engines it will not use.
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_QUERY_ENGINE_LIBRARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: '1',
    CHECKPOINT_DISABLE: '1',
    PRISMA_LEGACY_DATABASE_URL: databaseUrl ?? '',
  };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args, '--config', join(dir, 'prisma.config.ts')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

function failure(what: string, run: Run): Error {
  return new Error(`prisma-legacy ${what} failed (exit ${run.code}):\n${run.stderr.trim() || run.stdout.trim()}`);
}

// Prisma 6 requires a url in the datasource block (Prisma 7 forbids it there); with a driver
// adapter it is never used. The `prisma-client` generator is accepted by 6.19 as it is.
async function copySchema(from: string, to: string): Promise<void> {
  const schema = await readFile(from, 'utf8');
  await writeFile(to, schema.replace(/^(\s*datasource\s+\w+\s*\{)/m, '$1\n  url = "postgresql://unused"'));
}

async function withTempDir<T>(work: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'prisma-legacy-'));
  try {
    await writeFile(join(dir, 'prisma.config.ts'), configSource);
    return await work(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** `--exit-code`: 0 empty, 2 changes, 1 error. Returns '' when there is nothing to do. */
async function migrateDiff(dir: string, from: string[], toSchemaFile: string): Promise<string> {
  const to = join(dir, 'to.prisma');
  await copySchema(toSchemaFile, to);
  const run = await prisma(dir, ['migrate', 'diff', ...from, '--to-schema-datamodel', to, '--script', '--exit-code']);
  if (run.code === 0) return '';
  if (run.code === 2) return run.stdout;
  throw failure('migrate diff', run);
}

/** The SQL that turns `fromSchemaFile` (or an empty database) into `toSchemaFile`; no database needed. */
export async function diffSchemas(opts: { fromSchemaFile?: string; toSchemaFile: string }): Promise<string> {
  return withTempDir(async (dir) => {
    if (opts.fromSchemaFile === undefined) return migrateDiff(dir, ['--from-empty'], opts.toSchemaFile);
    const from = join(dir, 'from.prisma');
    await copySchema(opts.fromSchemaFile, from);
    return migrateDiff(dir, ['--from-schema-datamodel', from], opts.toSchemaFile);
  });
}

/**
 * The SQL that brings the database to `toSchemaFile`; '' when they agree. Prisma 6 refuses
 * `--from-url` with a driver adapter, so the database is introspected (`db pull`, read-only) into
 * a schema and that is diffed. Prisma's `_prisma_migrations` table is left out by the pull.
 */
export async function diffDatabaseToSchema(opts: { databaseUrl: string; toSchemaFile: string }): Promise<string> {
  return withTempDir(async (dir) => {
    const pulled = join(dir, 'database.prisma');
    await writeFile(pulled, 'datasource db {\n  provider = "postgresql"\n  url = "postgresql://unused"\n}\n');
    const pull = await prisma(dir, ['db', 'pull', '--schema', pulled, '--force'], opts.databaseUrl);
    // P4001: the database has no tables yet.
    if (pull.code !== 0 && !pull.stderr.includes('P4001')) throw failure('db pull', pull);
    return migrateDiff(dir, pull.code === 0 ? ['--from-schema-datamodel', pulled] : ['--from-empty'], opts.toSchemaFile);
  });
}
