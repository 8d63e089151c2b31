import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab } from '../support/browser.js';
import type { WorkspaceListResponse } from '../../tab/shared/workspace-api.js';
import { MEGAN, sweep } from './tab-pages.js';

let app: TestApp;
let browser: Browser;
let workspaceId: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  const list = (await (await fetch(`${app.server.url}/api/workspaces`, { headers: { authorization: `Bearer dev:${MEGAN}` } })).json()) as WorkspaceListResponse;
  workspaceId = list.applications[0]!.id;
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('every page on a phone (400 px, Teams mobile)', () => {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`when each page is opened in the ${theme === 'default' ? 'light' : theme === 'dark' ? 'dark' : 'high-contrast'} theme, then none scrolls sideways and axe finds nothing serious`, async () => {
      expect(await sweep(browser, app.server.url, workspaceId, 400, theme)).toEqual([]);
    }, 120_000);
  }

  it('when Megan opens her team on a phone, then it is a list of people with their worst item, each opening to their items', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 860 });
    await openTab(page, app.server.url, 'team', MEGAN);
    const alex = page.locator('[data-staff="E9000020"]');
    await alex.getByText('Overdue').first().waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await alex.getByRole('button', { name: /Alex Wilber/ }).click();
    const items = alex.getByRole('list', { name: "Alex Wilber's learning" });
    await items.waitFor();
    await expect(items.locator('[data-subject="fire-safety"]').innerText()).resolves.toMatch(/Fire Safety[\s\S]*Overdue[\s\S]*22 Oct 2026/);
    await context.close();
  });
});
