import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';

/**
 * SQL that turns one Prisma schema into another, computed offline by Prisma 6.19's CLI running
 * its WebAssembly schema engine (Prisma 7's CLI needs a native engine from Prisma's CDN).
 *
 * What works in that mode, found by trying: schema-to-schema diffs. Diffs that read a database
 * (--from-url, --from-migrations) fail: the WebAssembly engine cannot read PostgreSQL's "char"
 * catalog columns. The adapter still opens a connection, so a reachable database URL is needed.
 */
export const schemaFile = resolve(import.meta.dirname, '..', 'prisma', 'schema.prisma');
/** The schema as of the newest migration; the next migration is the diff from it. */
export const schemaSnapshotFile = resolve(import.meta.dirname, '..', 'prisma', 'migrations', 'schema-snapshot.prisma');

const workDir = resolve(import.meta.dirname, '..', 'node_modules', '.cache', 'prisma-legacy');
const cli = createRequire(import.meta.url).resolve('prisma-legacy-cli/build/index.js');

const config = `import { PrismaPg } from '@prisma/adapter-pg';
export default {
  experimental: { adapter: true },
  engine: 'js',
  // A short idle timeout lets the CLI exit as soon as it is done.
  adapter: async () => new PrismaPg({ connectionString: process.env.NTM_PRISMA_LEGACY_DB, idleTimeoutMillis: 50 }),
};
`;

/** Prisma 6 wants a datasource url and does not know Prisma 7's generator; the diff needs neither. */
export function toLegacySchema(schema: string): string {
  return schema
    .replace(/generator\s+\w+\s*\{[^}]*\}/g, '')
    .replace(/(datasource\s+\w+\s*\{[^}]*provider\s*=\s*"postgresql")/, '$1\n  url      = env("DATABASE_URL")');
}

/** `from`: a schema file, or 'empty' for the whole schema from nothing. */
export async function diffSchemas(opts: { from: string; to: string; databaseUrl: string }): Promise<string> {
  mkdirSync(workDir, { recursive: true });
  const dir = mkdtempSync(join(workDir, 'diff-'));
  try {
    writeFileSync(join(dir, 'prisma.config.mjs'), config);
    const to = join(dir, 'to.prisma');
    writeFileSync(to, toLegacySchema(readFileSync(opts.to, 'utf8')));
    const from = ['--from-empty'];
    if (opts.from !== 'empty') {
      writeFileSync(join(dir, 'from.prisma'), toLegacySchema(readFileSync(opts.from, 'utf8')));
      from.splice(0, 1, '--from-schema-datamodel', join(dir, 'from.prisma'));
    }
    const args = [cli, 'migrate', 'diff', '--config', join(dir, 'prisma.config.mjs'), ...from, '--to-schema-datamodel', to, '--script'];
    const sql = await run(args, {
      ...process.env,
      NTM_PRISMA_LEGACY_DB: opts.databaseUrl,
      DATABASE_URL: opts.databaseUrl,
      CHECKPOINT_DISABLE: '1',
      PRISMA_HIDE_UPDATE_MESSAGE: '1',
      // Any existing file: stops the CLI from looking for (and downloading) native engines.
      PRISMA_QUERY_ENGINE_LIBRARY: cli,
      PRISMA_SCHEMA_ENGINE_BINARY: cli,
    });
    return sql.includes('-- This is an empty migration.') ? '' : sql.trim();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolvePromise(out);
      else reject(new Error(`prisma migrate diff failed (exit ${code}):\n${err.trim()}`));
    });
  });
}
