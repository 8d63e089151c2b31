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

describe('every page on a Teams desktop (1280 px)', () => {
  for (const theme of ['default', 'dark', 'contrast'] as const) {
    it(`when each page is opened in the ${theme === 'default' ? 'light' : theme === 'dark' ? 'dark' : 'high-contrast'} theme, then none scrolls sideways and axe finds nothing serious`, async () => {
      expect(await sweep(browser, app.server.url, workspaceId, 1280, theme)).toEqual([]);
    }, 120_000);
  }

  it('when Megan opens her team, then no two topic headers overlap and each header shows all its words', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 860 });
    await openTab(page, app.server.url, 'team', MEGAN);
    const headers = page.locator('th[data-subject-head]');
    await headers.first().waitFor();
    const boxes = await headers.evaluateAll((cells) =>
      cells.map((cell) => {
        const el = cell as unknown as { getBoundingClientRect(): { left: number; right: number; top: number; bottom: number }; scrollWidth: number; clientWidth: number; scrollHeight: number; clientHeight: number; textContent: string };
        const r = el.getBoundingClientRect();
        return { text: el.textContent, left: r.left, right: r.right, top: r.top, bottom: r.bottom, clipped: el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1 };
      }),
    );
    expect(boxes.length).toBeGreaterThan(5);
    expect(boxes.filter((b) => b.clipped).map((b) => b.text)).toEqual([]);
    for (let i = 1; i < boxes.length; i++) expect(boxes[i]!.left, `${boxes[i]!.text} starts after ${boxes[i - 1]!.text} ends`).toBeGreaterThanOrEqual(boxes[i - 1]!.right - 1);
    // The header stays on screen while the matrix scrolls: it is sticky inside the matrix's own box.
    expect(await page.evaluate("getComputedStyle(document.querySelector('th[data-subject-head]')).position")).toBe('sticky');
    await page.getByText('Scroll sideways for more').waitFor();
    await context.close();
  });
});
