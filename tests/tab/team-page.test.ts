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
  it('when Megan opens it, then the decision waiting is at the top; approving shows the result in the same card, on screen, and the matrix shows the extension', async () => {
    const call = apiClient(app.server.url);
    expect((await call('E9000020', 'POST', '/api/learning/me/extensions', { subjectId: 'ig', requestedDate: '2027-01-20', reason: 'Annual leave over Christmas' })).status).toBe(200);
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openTab(page, app.server.url, 'team', 'E9000021');
    // Decisions first: the heading of the decisions comes before the team's.
    await page.getByRole('heading', { name: /Your team/ }).waitFor();
    const headings = await page.getByRole('heading', { level: 2 }).allInnerTexts();
    expect(headings[0]).toBe('Decisions waiting for you (1)');
    const card = page.locator('[data-request]');
    await card.getByText('Extension from 6 Dec 2026 to 20 Jan 2027').waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await card.getByLabel('Comment to Alex Wilber (optional)').fill('Enjoy the break');
    await card.getByRole('button', { name: "Approve Alex Wilber's extension for Information Governance and Data Security" }).click();
    const result = card.getByRole('status').getByText('Approved. Alex Wilber will be told.');
    await result.waitFor();
    // The answer is where the click was: inside the viewport, in the card that stays.
    const box = (await result.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(await card.count()).toBe(1);
    await page.locator('tr[data-staff="E9000020"] td[data-subject="ig"]').getByText('Extended').waitFor();
    const bundle = (await app.services.staff.getBundle('E9000020'))!;
    expect(bundle.extensions[0]).toMatchObject({ state: 'approved', comment: 'Enjoy the break', decidedBy: 'E9000021' });

    // Filters narrow the matrix.
    await page.getByLabel('Show').selectOption('overdue');
    await page.getByLabel('Topic', { exact: true }).selectOption('fire-safety');
    await expect(page.locator('tr[data-staff="E9000020"]').count()).resolves.toBe(1);
    await page.getByLabel('Name').fill('patti');
    await page.getByRole('table', { name: /Compliance matrix: 0 of/ }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when a decision was already taken elsewhere, then the card says who decided, in place', async () => {
    const call = apiClient(app.server.url);
    // Isaiah asks to move something of his that has a due date, by a month.
    const isaiah = (await call('E9000023', 'GET', '/api/learning/me')).body as { items: { subjectId: string; label: string; dueDate: string | null; status: string }[] };
    const item = isaiah.items.find((i) => i.dueDate && i.status !== 'exempt' && i.status !== 'overdue' && i.subjectId !== 'ig')!;
    const later = new Date(`${item.dueDate}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 20);
    const asked = await call('E9000023', 'POST', '/api/learning/me/extensions', { subjectId: item.subjectId, requestedDate: later.toISOString().slice(0, 10), reason: 'Course full' });
    expect(asked.status).toBe(200);
    const subject = ((await call('E9000021', 'GET', '/api/team')).body as { pending: { subject: string; learnerId: string }[] }).pending.find((p) => p.learnerId === 'E9000023')!.subject;
    const context = await contextAs(browser);
    const page = await context.newPage();
    await openTab(page, app.server.url, 'team', 'E9000021');
    const card = page.locator('[data-request]').filter({ hasText: 'Isaiah' });
    await card.waitFor();
    // Decided on a Teams card meanwhile (the same use case), then clicked in the tab.
    const pending = ((await call('E9000021', 'GET', '/api/team')).body as { pending: { requestId: string; learnerId: string; subject: string }[] }).pending.find((p) => p.learnerId === 'E9000023' && p.subject === subject)!;
    expect((await call('E9000021', 'POST', `/api/team/extensions/${pending.learnerId}/${pending.requestId}/decision`, { decision: 'decline' })).status).toBe(200);
    await card.getByRole('button', { name: /^Approve/ }).click();
    await card.getByRole('status').getByText(/You already declined this/).waitFor();
    await context.close();
  });
});
