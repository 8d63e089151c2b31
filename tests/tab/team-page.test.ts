import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import { apiClient } from './learning-api-client.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the team page', () => {
  it('when Megan opens it, then the matrix shows her people with statuses in words, filters narrow it, and she decides Alex’s extension there', async () => {
    const call = apiClient(app.server.url);
    expect((await call('E9000020', 'POST', '/api/learning/me/extensions', { subjectId: 'ig', requestedDate: '2027-01-20', reason: 'Annual leave over Christmas' })).status).toBe(200);
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openTab(page, app.server.url, 'team', 'E9000021');
    const alexFire = page.locator('tr[data-staff="E9000020"] td[data-subject="fire-safety"]');
    await alexFire.getByText('Overdue').waitFor();
    await expect(alexFire.textContent()).resolves.toContain('22 Oct 2026');
    await expect(page.locator('tr[data-staff="E9000024"]').count()).resolves.toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Show').selectOption('overdue');
    await page.getByLabel('Topic', { exact: true }).selectOption('fire-safety');
    await expect(page.locator('tr[data-staff="E9000020"]').count()).resolves.toBe(1);
    await page.getByLabel('Name').fill('patti');
    await page.getByRole('table', { name: /Compliance matrix: 0 of/ }).waitFor();
    await page.getByLabel('Name').fill('');
    await page.getByLabel('Show').selectOption('all');
    await page.getByLabel('Topic', { exact: true }).selectOption('');

    await page.getByRole('heading', { name: 'Extension requests to decide (1)' }).waitFor();
    await page.getByLabel('Comment to Alex Wilber (optional)').fill('Enjoy the break');
    await page.getByRole('button', { name: "Approve Alex Wilber's extension for Information Governance and Data Security" }).click();
    await page.getByRole('status').getByText('Approved. Alex Wilber will be told.').waitFor();
    await page.getByRole('heading', { name: 'Extension requests to decide (0)' }).waitFor();
    await page.locator('tr[data-staff="E9000020"] td[data-subject="ig"]').getByText('Extended').waitFor();
    const bundle = (await app.services.staff.getBundle('E9000020'))!;
    expect(bundle.extensions[0]).toMatchObject({ state: 'approved', comment: 'Enjoy the break', decidedBy: 'E9000021' });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
