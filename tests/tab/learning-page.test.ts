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
  it('when Alex opens it in a browser set to American English, then dates read 2 Dec 2026 and are typed as dd/mm/yyyy; recording a fire drill turns fire safety from overdue to in date', async () => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: 'America/New_York', viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openTab(page, app.server.url, 'my-learning', 'E9000020');
    const fireRow = page.locator('tr[data-subject="fire-safety"]');
    await fireRow.getByText('Overdue').waitFor();
    await expect(fireRow.textContent()).resolves.toContain('22 Oct 2026');
    // "Next due" is the next date ahead, never an overdue one.
    const glance = page.getByRole('region', { name: 'At a glance' });
    await expect(glance.innerText()).resolves.not.toContain('22 Oct 2026');
    await page.getByRole('heading', { name: 'History of records and certificates' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Record Fire Safety' }).click();
    const dialog = page.getByRole('dialog', { name: 'Record a completion' });
    await dialog.getByLabel('How you completed it').selectOption('drill');
    const completed = dialog.getByRole('combobox', { name: 'Completed on' });
    await expect(completed.inputValue()).resolves.toBe('21/11/2026');
    await completed.fill('31/02/2026');
    await completed.press('Tab');
    await dialog.getByText('“31/02/2026” is not a date').waitFor();
    await completed.fill('20/11/2026');
    await completed.press('Tab');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Record it' }).click();
    await page.getByRole('status').getByText(/Recorded: Fire Safety\b.* on 20 Nov 2026/).waitFor();
    await fireRow.getByText('In date').waitFor();
    await expect(fireRow.textContent()).resolves.toContain('20 Nov 2028');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when opened on a phone, then each requirement is a card with its status, due date and actions, and the extension dialog fits the screen', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await page.setViewportSize({ width: 400, height: 860 });
    await openTab(page, app.server.url, 'my-learning', 'E9000020');
    const card = page.locator('li[data-subject="ig"]');
    await card.getByText('Information Governance').first().waitFor();
    expect(await page.getByRole('table').count()).toBe(0);
    await card.getByRole('button', { name: /^Extend/ }).click();
    const ask = page.getByRole('dialog', { name: 'Ask your line manager for an extension' });
    const box = (await ask.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(400);
    await ask.getByRole('combobox', { name: 'New date you are asking for' }).fill('01/06/2027');
    await ask.getByRole('combobox', { name: 'New date you are asking for' }).press('Tab');
    await ask.getByLabel('Why you need more time').fill('On leave');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await ask.getByRole('alert').getByText('at most 3 months past the current due date').waitFor();
    await ask.getByRole('combobox', { name: 'New date you are asking for' }).fill('10/01/2027');
    await ask.getByRole('combobox', { name: 'New date you are asking for' }).press('Tab');
    await ask.getByRole('button', { name: 'Send request' }).click();
    await page.getByRole('status').getByText('Extension request sent').waitFor();
    await page.getByRole('list', { name: 'My requests' }).getByText('Waiting').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
