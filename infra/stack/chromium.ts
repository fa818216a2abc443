import { existsSync } from 'node:fs';
import { isRoot } from './paths.js';
import { run, StackError } from './process.js';

/** Where Debian's `chromium` package puts the browser the portal's browser tests drive. */
export const chromiumPath = process.env.NTM_CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Makes sure Debian's chromium is installed (apt-get when missing and running as root); throws a
 * StackError saying what to do otherwise. Playwright's own browser download is never used: it
 * comes from a vendor site these machines cannot reach.
 */
export function ensureChromium(progress: (line: string) => void = () => undefined): string {
  if (existsSync(chromiumPath)) return chromiumPath;
  if (!isRoot) {
    throw new StackError(`Chromium is missing at ${chromiumPath}: install Debian's package (sudo apt-get install -y chromium) or set NTM_CHROMIUM_PATH`, 'chromium');
  }
  progress('installing chromium (apt-get install -y chromium)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('chromium', 'apt-get', ['update', '-qq'], { env });
  run('chromium', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium'], { env });
  if (!existsSync(chromiumPath)) throw new StackError(`apt-get installed chromium but ${chromiumPath} is still missing`, 'chromium');
  return chromiumPath;
}
