import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the my learning page', () => {
  it('when Alex opens it, then the status is shown in words and icons; recording a fire drill turns fire safety from overdue to in date', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openTab(page, app.server.url, 'my-learning', 'E9000020');
    const fireRow = page.locator('tr[data-subject="fire-safety"]');
    await fireRow.getByText('Overdue').waitFor();
    await expect(fireRow.textContent()).resolves.toContain('22 Oct 2026');
    await page.getByRole('heading', { name: 'History of records and certificates' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Record Fire Safety' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a completion' });
    await dialog.getByLabel('How you completed it').selectOption('drill');
    await dialog.getByLabel('Completed on').fill('2026-11-20');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Record it' }).click();
    await page.getByRole('status').getByText('Recorded: Fire Safety on 20 Nov 2026').waitFor();
    await fireRow.getByText('In date').waitFor();
    await expect(fireRow.textContent()).resolves.toContain('20 Nov 2028');

    await page.getByRole('button', { name: 'Ask for an extension', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Ask your line manager for an extension' });
    await ask.getByLabel('Topic').selectOption('ig');
    await ask.getByLabel('New date you are asking for').fill('2027-06-01');
    await ask.getByLabel('Why you need more time').fill('On leave');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ask.getByRole('alert').getByText('at most 3 months past the current due date').waitFor();
    await ask.getByLabel('New date you are asking for').fill('2027-01-10');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('status').getByText('Extension request sent').waitFor();
    await page.getByRole('table', { name: 'My requests' }).getByText('Waiting').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
