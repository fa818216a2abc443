import { existsSync } from 'node:fs';
import { isRoot } from './paths.js';
import { run, StackError } from './process.js';

/** Where Debian's `chromium` package puts the browser the portal's browser tests drive. */
export const chromiumPath = process.env.NTM_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The Debian packages the tests drive, each found by the file it installs that they run. */
const testPackages = [
  { name: 'chromium', file: chromiumPath, instead: 'or set NTM_CHROMIUM_PATH' },
  // pdftotext and pdftoppm: the tests read and render the decision PDFs and report exports.
  { name: 'poppler-utils', file: '/usr/bin/pdftotext', instead: '' },
];

/**
 * Makes sure the Debian packages the tests drive are installed: Chromium for the portal's browser
 * tests, poppler's tools for the PDFs (apt-get when missing and running as root); throws a
 * StackError saying what to do otherwise. Playwright's own browser download is never used: it comes
 * from a vendor site these machines cannot reach.
 */
export function ensureTestPackages(progress: (line: string) => void = () => undefined): void {
  const missing = testPackages.filter((p) => !existsSync(p.file));
  if (missing.length === 0) return;
  const names = missing.map((p) => p.name).join(' ');
  if (!isRoot) {
    throw new StackError(`Missing ${missing.map((p) => `${p.file} (Debian's ${p.name}${p.instead ? `, ${p.instead}` : ''})`).join(', ')}: sudo apt-get install -y ${names}`, 'packages');
  }
  progress(`installing ${names} (apt-get install -y ${names})`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('packages', 'apt-get', ['update', '-qq'], { env });
  run('packages', 'apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map((p) => p.name)], { env });
  const still = missing.filter((p) => !existsSync(p.file));
  if (still.length > 0) throw new StackError(`apt-get installed ${names} but ${still.map((p) => p.file).join(', ')} is still missing`, 'packages');
}

/** The browser the portal's tests drive, installed first when missing (see ensureTestPackages). */
export function ensureChromium(progress: (line: string) => void = () => undefined): string {
  ensureTestPackages(progress);
  return chromiumPath;
}
