import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const require = createRequire(import.meta.url);

/** Debian's chromium (installed by .ci/run); never a browser a tool downloads for itself. */
export function chromiumPath(): string {
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (!candidate) continue;
    try {
      execFileSync(candidate, ['--version'], { stdio: 'ignore' });
      return candidate;
    } catch {
      // try the next one
    }
  }
  throw new Error('chromium not found: apt-get install -y chromium (or set CHROMIUM_PATH)');
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-dev-shm-usage'] });
}

/** A browser context acting as one demo person (development identity), with downloads allowed. */
export async function contextAs(browser: Browser, options: { theme?: 'default' | 'dark' | 'contrast' } = {}): Promise<BrowserContext> {
  // Reduced motion: Fluent's transitions then finish at once, so an accessibility scan never sees a
  // colour half-way through a fade (which axe reads as a contrast failure on a loaded machine).
  return browser.newContext({
    acceptDownloads: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    viewport: { width: 1400, height: 900 },
    reducedMotion: 'reduce',
    ...(options.theme === 'dark' || options.theme === 'contrast' ? { colorScheme: 'dark' as const } : {}),
  });
}

/** Opens a tab page as a demo person: `/tab/<path>?as=<staffId>`. */
export async function openTab(page: Page, baseUrl: string, path: string, staffId: string, extra: Record<string, string> = {}): Promise<void> {
  const search = new URLSearchParams({ as: staffId, ...extra });
  await page.goto(`${baseUrl}/tab/${path}?${search.toString()}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; html: string }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/**
 * Runs axe-core in the page (evaluated through the DevTools protocol, so the page's CSP still
 * holds for its own scripts) and returns the serious and critical violations, less one known false
 * positive: tabster (Fluent's focus manager) puts focus sentinels `<i data-tabster-dummy aria-hidden
 * tabindex=0>` at the edges of focus zones and around open dialogs; they hand focus on at once and
 * are meant to be hidden. Only those exact nodes are dropped; any other node of the same rule fails.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  // A string, so the test code needs no DOM types: runs in the page.
  const result = (await page.evaluate(`window.axe.run(document, { resultTypes: ['violations'] })`)) as { violations: AxeViolation[] };
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => (v.id === 'aria-hidden-focus' ? { ...v, nodes: v.nodes.filter((n) => !n.html.includes('data-tabster-dummy')) } : v))
    .filter((v) => v.nodes.length > 0)
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => ({ target: n.target, html: n.html.slice(0, 200) })) }));
}
