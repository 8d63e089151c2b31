import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { PEOPLE, projectRoot, startDemoTab } from '../support/demo-tab.js';

/**
 * `npm run screenshots`: every page of the tab, as each demo person sees it, at 1280 px (Teams on a
 * desktop) and 400 px (Teams on a phone), in the light theme and — where colour matters most — dark
 * and high contrast, into docs/screenshots/. Uses Debian's chromium (CHROMIUM_PATH to override).
 */
const { values } = parseArgs({ options: { out: { type: 'string' }, only: { type: 'string' }, viewport: { type: 'boolean', default: false } } });
const only = values.only?.split(',');
const out = values.out ?? join(projectRoot(), 'docs', 'screenshots');
mkdirSync(out, { recursive: true });

type Theme = 'default' | 'dark' | 'contrast';
interface Shot {
  name: string;
  path: string;
  as: string;
  themes: Theme[];
  /** Waits for the page's content, then whatever clicks lead to the view. */
  ready(page: Page): Promise<void>;
  extra?: Record<string, string>;
}

const text = (page: Page, t: string | RegExp) => page.getByText(t).first().waitFor({ timeout: 20_000 });

async function main(): Promise<void> {
  const demo = await startDemoTab();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  const shots: Shot[] = [
    { name: 'my-learning', path: 'my-learning', as: PEOPLE.alex, themes: ['default', 'dark'], ready: (p) => text(p, 'What my roles require') },
    { name: 'team', path: 'team', as: PEOPLE.megan, themes: ['default', 'dark', 'contrast'], ready: (p) => text(p, /Decisions waiting for you/) },
    { name: 'reports', path: 'reports', as: PEOPLE.adele, themes: ['default', 'dark', 'contrast'], ready: async (p) => { await p.getByRole('img', { name: /Compliance by subject/ }).waitFor({ timeout: 20_000 }); await p.getByRole('img', { name: /Overall compliance by month/ }).waitFor({ timeout: 60_000 }); await p.waitForTimeout(500); } },
    { name: 'annual-plan', path: 'reports', as: PEOPLE.adele, themes: ['default'], ready: async (p) => { await text(p, 'By staff group'); await p.getByRole('tab', { name: 'Annual plan' }).click().catch(async () => { await p.getByRole('tab', { name: /more sections/ }).click(); await p.getByRole('menuitem', { name: 'Annual plan' }).click(); }); await text(p, 'Nationally mandated topics'); } },
    { name: 'admin-matrix', path: 'admin', as: PEOPLE.adele, themes: ['default', 'dark'], ready: (p) => text(p, 'Roles and what they require') },
    { name: 'workspace', path: 'workspace', as: PEOPLE.megan, themes: ['default'], extra: { app: demo.workspaceId }, ready: (p) => p.getByRole('navigation', { name: 'Sections' }).or(p.getByRole('combobox', { name: 'Go to' })).first().waitFor({ timeout: 20_000 }) },
    { name: 'hub', path: 'hub', as: PEOPLE.nestor, themes: ['default'], ready: (p) => p.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 }) },
  ];
  try {
    for (const shot of shots) {
      if (only && !only.includes(shot.name)) continue;
      for (const width of [1280, 400]) {
        for (const theme of shot.themes) {
          const context = await browser.newContext({ viewport: { width, height: width === 400 ? 860 : 900 }, locale: 'en-GB', timezoneId: 'Europe/London', reducedMotion: 'reduce', deviceScaleFactor: 1 });
          const page = await context.newPage();
          const search = new URLSearchParams({ as: shot.as, theme, ...(shot.extra ?? {}) });
          await page.goto(`${demo.url}/tab/${shot.path}?${search.toString()}`);
          await shot.ready(page);
          const file = join(out, `${shot.name}-${width}${theme === 'default' ? '' : `-${theme}`}.png`);
          await page.screenshot({ path: file, fullPage: !values.viewport });
          console.log(`• ${file}`);
          await context.close();
        }
      }
    }
  } finally {
    await browser.close();
    await demo.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
