import { chownSync, existsSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import type { Config } from '@ntm/config';
import { seedCatalog } from '@ntm/catalog';
import { createPrismaClient } from '@ntm/db';
import { applyMigrations } from '@ntm/db/migrate';
import { seedLocalUsers } from '@ntm/identity';
import { assertPortsFree, isPortOpen, run, waitFor } from './process.js';
import { isRoot, type StackPaths } from './paths.js';
import { postgresBinDir } from './tools.js';
import type { Component } from './component.js';

const component = 'postgres';

interface PgLayout {
  bin: string;
  data: string;
  socket: string;
  log: string;
}

function layout(paths: StackPaths, progress: (l: string) => void): PgLayout {
  return {
    bin: postgresBinDir(progress),
    data: join(paths.postgresData, 'data'),
    socket: join(paths.postgresData, 'socket'),
    log: join(paths.postgresData, 'postgres.log'),
  };
}

/** Runs a PostgreSQL tool as the user that owns the cluster. */
function pgTool(l: PgLayout, tool: string, args: string[]): string {
  const cmd = join(l.bin, tool);
  return isRoot ? run(component, 'runuser', ['-u', 'postgres', '--', cmd, ...args], { logFile: l.log }) : run(component, cmd, args, { logFile: l.log });
}

function isClusterRunning(l: PgLayout): boolean {
  if (!existsSync(join(l.data, 'postmaster.pid'))) return false;
  try {
    pgTool(l, 'pg_ctl', ['status', '-D', l.data]);
    return true;
  } catch {
    return false;
  }
}

async function canQuery(config: Config, database = 'postgres'): Promise<boolean> {
  const client = new pg.Client({ ...config.postgres, database, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function initCluster(config: Config, l: PgLayout): void {
  mkdirSync(l.socket, { recursive: true });
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    for (const dir of [join(l.data, '..'), l.socket]) {
      mkdirSync(dir, { recursive: true });
      chownSync(dir, uid, gid);
    }
  }
  // Local socket connections are trusted (only the stack's owner reaches the socket folder);
  // TCP connections need the configured password, which is set right after the first start.
  pgTool(l, 'initdb', ['-D', l.data, '-U', config.postgres.user, '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--locale=C.UTF-8']);
}

async function ensureRoleAndDatabase(config: Config, l: PgLayout): Promise<void> {
  const socketClient = new pg.Client({ host: l.socket, port: config.postgres.port, user: config.postgres.user, database: 'postgres' });
  await socketClient.connect();
  try {
    await socketClient.query(`ALTER ROLE ${pg.escapeIdentifier(config.postgres.user)} PASSWORD ${pg.escapeLiteral(config.postgres.password)}`);
    const exists = await socketClient.query('SELECT 1 FROM pg_database WHERE datname = $1', [config.postgres.database]);
    if (exists.rowCount === 0) await socketClient.query(`CREATE DATABASE ${pg.escapeIdentifier(config.postgres.database)}`);
  } finally {
    await socketClient.end();
  }
}

export const postgres: Component = {
  name: component,
  async start({ config, paths, progress }) {
    const l = layout(paths, progress);
    if (isClusterRunning(l) && (await isPortOpen(config.postgres.port, config.postgres.host))) {
      progress(`already running on ${config.postgres.host}:${config.postgres.port}`);
    } else {
      await assertPortsFree(component, { postgres: config.postgres.port }, config.postgres.host);
      if (!existsSync(join(l.data, 'PG_VERSION'))) {
        progress(`creating a cluster in ${l.data}`);
        initCluster(config, l);
      }
      const options = `-p ${config.postgres.port} -k ${l.socket} -c listen_addresses=${config.postgres.host}`;
      pgTool(l, 'pg_ctl', ['start', '-D', l.data, '-l', l.log, '-o', options, '-w', '-t', '60']);
    }
    await ensureRoleAndDatabase(config, l);
    await waitFor(component, () => canQuery(config, config.postgres.database), { timeoutMs: 30_000, logFile: l.log, what: 'accepting queries' });
    const applied = await applyMigrations(config.postgres.url);
    progress(applied.length > 0 ? `applied migrations: ${applied.join(', ')}` : 'migrations up to date');
    const db = createPrismaClient(config.postgres.url, { max: 2 });
    try {
      for (const seed of await seedCatalog(db)) progress(`loaded seed catalog ${seed.file} (${seed.changes} changes)`);
      // Local users only for the built-in issuer (NTM_AUTH_LOCAL_ISSUER, on in the local stack).
      const local = config.auth.localIssuer;
      if (local) {
        const created = await seedLocalUsers(db, { password: local.seedPassword });
        if (created.length > 0) progress(`created local users ${created.join(', ')} (password NTM_AUTH_SEED_PASSWORD, local use only)`);
      }
    } finally {
      await db.$disconnect();
    }
  },
  async stop({ paths }) {
    const l = layout(paths, () => undefined);
    if (!isClusterRunning(l)) return false;
    pgTool(l, 'pg_ctl', ['stop', '-D', l.data, '-m', 'fast', '-w', '-t', '60']);
    return true;
  },
  async health({ config }) {
    return canQuery(config, config.postgres.database).catch(() => false);
  },
  logFile: (paths) => join(paths.postgresData, 'postgres.log'),
  dataDirs: (paths) => [paths.postgresData],
};
