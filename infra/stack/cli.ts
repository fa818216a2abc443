import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline/promises';
import { loadConfig, Profile, type Config } from '@ntm/config';
import { appComponents, infraComponents, resetStack, stackHealth, stackUrls, startStack, stopStack, StackError, type Reporter } from './stack.js';
import { ensureTestPackages } from './test-packages.js';
import { withStackDefaults } from './env.js';
import { stackPaths, repoRoot } from './paths.js';

const color = process.stdout.isTTY ? (code: number, s: string) => `\x1b[${code}m${s}\x1b[0m` : (_: number, s: string) => s;

const report: Reporter = ({ line, kind }) => {
  if (kind === 'step') console.log(color(1, `▸ ${line}`));
  else if (kind === 'done') console.log(color(32, `  ✓ ${line}`));
  else console.log(`    ${line}`);
};

function configFor(profile: string | undefined): Config {
  return loadConfig({ ...withStackDefaults(process.env), NTM_PROFILE: Profile.parse(profile ?? process.env.NTM_PROFILE ?? 'dev') });
}

function printUrls(config: Config): void {
  console.log(color(1, '\nThe NTM dossier platform is running:'));
  console.log(color(1, `  Open the portal: http://${config.publicHost}:${config.portal.port}  (sign in as a seeded user, e.g. xa.phamu)`));
  for (const [label, url] of Object.entries(stackUrls(config))) console.log(`  ${label.padEnd(20)} ${url}`);
  if (config.auth.localIssuer) {
    console.log(`\n  Sign in: POST http://${config.publicHost}:${config.dossierApi.port}/auth/login as a seeded local user, e.g. xa.phamu,`);
    console.log('  password NTM_AUTH_SEED_PASSWORD (default ntm-local-only; local use only); every user and role: docs/identity.md');
  }
  console.log(`\n  Logs: ${stackPaths(config).logs}    Stop: ./dev stop    Wipe data: ./dev reset`);
}

function runStep(label: string, command: string, args: string[]): number {
  console.log(color(1, `▸ ${label}`));
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: repoRoot });
  const status = result.status ?? 1;
  const took = ((performance.now() - started) / 1000).toFixed(1);
  console.log(status === 0 ? color(32, `  ✓ ${label} (${took} s)`) : color(31, `  ✗ ${label} failed (${took} s)`));
  return status;
}

async function up(config: Config): Promise<void> {
  await startStack(config, { apps: true, report });
  printUrls(config);
}

/** Typecheck, lint, then every test against the test profile's stack (started empty if not running). */
async function test(config: Config, vitestArgs: string[], keep: boolean): Promise<number> {
  const wasRunning = Object.values(await stackHealth(config, infraComponents)).every(Boolean);
  const pnpm = 'pnpm';
  for (const [label, args] of [
    ['Typecheck (tsc --noEmit)', ['--silent', 'typecheck']],
    ['Lint (eslint)', ['--silent', 'lint']],
  ] as const) {
    const status = runStep(label, pnpm, [...args]);
    if (status !== 0) return status;
  }
  // A stack this run starts, starts empty: data kept from an earlier run on the same machine (the
  // test database lives outside the clone when run as root) would let old rows decide the tests.
  if (!wasRunning) await resetStack(config, report);
  await startStack(config, { apps: false, report });
  // The portal's browser tests drive Debian's chromium, the PDF tests poppler's tools: installed here when missing, or the run fails now.
  ensureTestPackages((line) => report({ component: 'packages', line, kind: 'info' }));
  const resultsFile = join(stackPaths(config).stateDir, 'vitest-results.json');
  rmSync(resultsFile, { force: true });
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${resultsFile}`];
  const status = runStep('Tests (vitest: unit, integration, e2e)', pnpm, ['exec', 'vitest', 'run', ...reporters, ...vitestArgs]);
  printTotals(resultsFile);
  if (!wasRunning && !keep) {
    console.log(color(1, '▸ Stopping the test stack this run started (keep it with ./dev test --keep)'));
    await stopStack(config, report);
  }
  return status;
}

/** The plain closing line CI reads: "Tests: N passed, N failed". */
function printTotals(resultsFile: string): void {
  if (!existsSync(resultsFile)) {
    console.log('Tests: 0 passed, 1 failed (vitest wrote no results)');
    return;
  }
  const r = JSON.parse(readFileSync(resultsFile, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTodoTests: number };
  const skipped = r.numPendingTests + r.numTodoTests;
  console.log(`Tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`);
}

async function status(config: Config): Promise<void> {
  const health = await stackHealth(config, [...infraComponents, ...appComponents]);
  console.log(`profile ${config.profile}, state in ${stackPaths(config).stateDir}`);
  for (const [name, up] of Object.entries(health)) console.log(`  ${name.padEnd(12)} ${up ? color(32, 'up') : color(31, 'down')}`);
}

async function reset(config: Config, yes: boolean): Promise<void> {
  if (!yes) {
    if (!process.stdin.isTTY) throw new StackError('refusing to wipe data without --yes', 'reset');
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`Delete every database, workflow and stored file of the "${config.profile}" stack? [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) return;
  }
  await resetStack(config, report);
}

function logs(config: Config, component: string | undefined): void {
  const all = [...infraComponents, ...appComponents];
  const c = all.find((x) => x.name === component);
  if (!c) throw new StackError(`name one of: ${all.map((x) => x.name).join(', ')}`, 'logs');
  const file = c.logFile(stackPaths(config));
  console.log(color(1, `${file}:`));
  if (existsSync(file)) spawnSync('tail', ['-n', '100', file], { stdio: 'inherit' });
}

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: { profile: { type: 'string' }, yes: { type: 'boolean' }, keep: { type: 'boolean' } },
  });
  const [command, ...rest] = positionals;
  const profile = typeof values.profile === 'string' ? values.profile : undefined;
  switch (command) {
    case 'up':
      await up(configFor(profile));
      return 0;
    case 'test':
      return test(configFor(profile ?? 'test'), rest, values.keep === true);
    case 'stop':
      await stopStack(configFor(profile), report, rest[0]);
      return 0;
    case 'status':
      await status(configFor(profile));
      return 0;
    case 'reset':
      await reset(configFor(profile), values.yes === true);
      return 0;
    case 'logs':
      logs(configFor(profile), rest[0]);
      return 0;
    default:
      console.error('usage: ./dev up | test [vitest args] [--keep] | stop [component] | status | reset [--yes] | logs <component>  (--profile dev|test)');
      return 2;
  }
}

try {
  process.exitCode = await main();
} catch (e) {
  if (e instanceof StackError) {
    console.error(color(31, `✗ ${e.message}`));
    process.exitCode = 1;
  } else {
    throw e;
  }
}
