import type { Browser, Page } from 'playwright-core';
import { contextAs, openTab, seriousAxeViolations } from '../support/browser.js';

export const ALEX = 'E9000020';
export const MEGAN = 'E9000021';
export const ADELE = 'E9000022';
export const NESTOR = 'E9000026';
export type Theme = 'default' | 'dark' | 'contrast';

/** Every page of the tab, as the demo person who uses it, and what shows when its content is there. */
export function tabPages(workspaceId: string): { name: string; path: string; as: string; extra?: Record<string, string>; ready: (page: Page) => Promise<unknown> }[] {
  const heading = (page: Page, name: string | RegExp) => page.getByRole('heading', { name }).first().waitFor({ timeout: 20_000 });
  return [
    { name: 'my learning', path: 'my-learning', as: ALEX, ready: (p) => heading(p, 'What my roles require') },
    { name: 'my team', path: 'team', as: MEGAN, ready: (p) => heading(p, /Your team \(/) },
    { name: 'reports', path: 'reports', as: ADELE, ready: (p) => heading(p, 'By staff group') },
    { name: 'administration', path: 'admin', as: ADELE, ready: (p) => heading(p, 'Roles and what they require') },
    { name: 'workspace', path: 'workspace', as: MEGAN, extra: { app: workspaceId }, ready: (p) => p.getByRole('navigation', { name: 'Sections' }).or(p.getByRole('combobox', { name: 'Go to' })).first().waitFor({ timeout: 20_000 }) },
    { name: 'training hub', path: 'hub', as: NESTOR, ready: (p) => p.getByRole('heading', { level: 1 }).waitFor({ timeout: 20_000 }) },
  ];
}

/** How far the page itself scrolls sideways (0 when it fits); boxes that scroll inside themselves do not count. */
export function sidewaysOverflow(page: Page): Promise<number> {
  return page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth') as Promise<number>;
}

/**
 * Opens every page at one width in one theme, one context: each must fit the width (no sideways page
 * scroll) and pass axe with nothing serious or critical. Returns a line per failure.
 */
export async function sweep(browser: Browser, baseUrl: string, workspaceId: string, width: number, theme: Theme): Promise<string[]> {
  const context = await contextAs(browser, { theme });
  const page = await context.newPage();
  await page.setViewportSize({ width, height: 860 });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  for (const tab of tabPages(workspaceId)) {
    await openTab(page, baseUrl, tab.path, tab.as, { theme, ...(tab.extra ?? {}) });
    await tab.ready(page);
    const where = `${tab.name} at ${width} px, ${theme}`;
    const overflow = await sidewaysOverflow(page);
    if (overflow > 0) problems.push(`${where}: the page scrolls ${overflow} px sideways`);
    const violations = await seriousAxeViolations(page);
    if (violations.length) problems.push(`${where}: ${JSON.stringify(violations)}`);
  }
  await context.close();
  return problems;
}
