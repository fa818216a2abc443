import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureChromium } from '@ntm/infra/test-packages';

/** Where the run leaves a screenshot of every main page (ignored by git). */
export const screenshotDir = resolve(import.meta.dirname, '..', '..', '..', '.stack', 'screenshots', 'portal');

/** Debian's chromium (installed when missing), headless, as TOOLCHAIN.md describes. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = ensureChromium();
  return chromium.launch({
    executablePath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--lang=vi-VN'],
  });
}

/**
 * Violations axe-core (pinned in test/package.json, its source injected into the page) rates
 * serious or critical on the page as it is now. Evidence shown in frames (PDF viewers) is left out.
 */
export async function seriousViolations(page: Page): Promise<string[]> {
  // Evaluated rather than added as a script tag: the portal's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate('typeof window.axe !== "undefined"'))) await page.evaluate(axe.source);
  const result = await page.evaluate<{ violations: Array<{ id: string; impact?: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }>('window.axe.run(document, { iframes: false, resultTypes: ["violations"] })');
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Saves the page (full length) as <name>.png in the screenshot folder. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const path = join(screenshotDir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** How many pixels the page is wider than its window (0 or less: nothing to scroll sideways). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
}

/**
 * Saves the page as <name>.png and checks it with axe, then the same at 360 px wide (a phone) as
 * <name>-360.png, also checking that nothing is wider than the screen; restores the width. Answers
 * every problem found (an empty list when the page passes).
 */
export async function pageProblems(page: Page, name: string): Promise<string[]> {
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await screenshot(page, name);
  const problems = await seriousViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  try {
    await page.waitForFunction('document.documentElement.clientWidth === 360');
    await screenshot(page, `${name}-360`);
    const overflow = await horizontalOverflow(page);
    if (overflow > 0) problems.push(`${name} is ${overflow} px wider than a 360 px screen`);
    problems.push(...(await seriousViolations(page)).map((v) => `at 360 px: ${v}`));
  } finally {
    await page.setViewportSize(size);
  }
  return problems;
}
