import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the reports page', () => {
  it('when an L&D administrator opens reports, then the chart (named, with its table), the figures and the highlight show, and the CSV export downloads', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTab(page, app.server.url, 'reports', 'E9000022');
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const chart = page.getByRole('img', { name: /Compliance by subject\. Bar chart/ });
    await chart.waitFor();
    expect(await chart.evaluate((el) => el.tagName)).toBe('CANVAS');
    const table = page.getByRole('table', { name: 'Compliance by subject', exact: true });
    await table.waitFor();
    const api = (await (await fetch(`${app.server.url}/api/reports/compliance`, { headers: { authorization: 'Bearer dev:E9000022' } })).json()) as { bySubject: { subject: string; percent: number; belowThreshold: boolean }[] };
    expect(await table.getByRole('row').count()).toBe(api.bySubject.length + 1);
    const fire = api.bySubject.find((s) => s.subject === 'Fire Safety')!;
    await expect(table.getByRole('row', { name: new RegExp(`^Fire Safety`) }).innerText()).resolves.toContain(`${fire.percent.toLocaleString('en-GB', { maximumFractionDigits: 1 })} %`);
    const belowCount = api.bySubject.filter((s) => s.belowThreshold).length;
    expect(await table.getByText(/below 80 %/).count()).toBe(belowCount);
    // The trend: the last 12 months, the past ones worked out from the records while the page waits.
    const trend = page.getByRole('table', { name: 'Overall compliance by month' });
    await expect.poll(async () => trend.getByRole('row').count(), { timeout: 30_000 }).toBe(13);
    await trend.getByText('Nov 2026 (now)').waitFor();
    await trend.getByText('Worked out from the records').first().waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export compliance as CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('compliance-2026-11-21.csv');
    const rows = parse(readFileSync((await download.path())!), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows.length).toBeGreaterThan(5);
    expect(Object.keys(rows[0]!)).toEqual(['Subject', 'Staff group', 'Organisation unit', 'Required', 'Compliant', 'Compliance %', 'Overdue', 'Due soon', 'Exempt', 'Below threshold']);

    // Filtering by staff group asks the server again.
    await page.getByLabel('Staff group', { exact: true }).selectOption('Nursing and Midwifery Registered');
    await page.getByRole('table', { name: 'Compliance by staff group' }).getByRole('row').nth(2).waitFor({ state: 'detached' });
    expect(await page.getByRole('table', { name: 'Compliance by staff group' }).getByRole('row').count()).toBe(2);

    for (const name of ['Did not attend', 'Not reachable in Teams', 'Feedback per topic']) {
      await page.getByRole('tab', { name }).click();
      await page.getByRole('region', { name, exact: true }).waitFor();
      await page.getByText(/^Loading/).first().waitFor({ state: 'detached' });
      expect(await seriousAxeViolations(page), name).toEqual([]);
    }
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('when the annual plan has unsaved changes, then leaving its tab asks first: staying keeps them, discarding leaves', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await openTab(page, app.server.url, 'reports', 'E9000022');
    await page.getByRole('tab', { name: 'Annual plan' }).click();
    await page.getByRole('table', { name: 'Nationally mandated topics' }).waitFor();
    await page.getByLabel('Minutes to assess competency in Fire Safety').fill('15');
    await page.getByText('You have unsaved changes.').waitFor();
    await page.getByRole('tab', { name: 'Compliance' }).click();
    const ask = page.getByRole('dialog', { name: 'Leave the annual plan without saving?' });
    await ask.waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await ask.getByRole('button', { name: 'Stay and save' }).click();
    await expect(page.getByLabel('Minutes to assess competency in Fire Safety').inputValue()).resolves.toBe('15');
    await page.getByRole('tab', { name: 'Did not attend' }).click();
    await ask.getByRole('button', { name: 'Discard my changes' }).click();
    await page.getByRole('table', { name: 'Did-not-attend records' }).or(page.getByText('No non-attendance in these dates.')).first().waitFor();
    await page.getByRole('tab', { name: 'Annual plan' }).click();
    await expect(page.getByLabel('Minutes to assess competency in Fire Safety').inputValue()).resolves.toBe('');
    await context.close();
  });

  it('when the annual plan is edited and saved, then the judgement is kept, the computed hours follow, and the page passes axe', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await openTab(page, app.server.url, 'reports', 'E9000022');
    await page.getByRole('tab', { name: 'Annual plan' }).click();
    await page.getByRole('table', { name: 'Nationally mandated topics' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const row = page.getByRole('row', { name: /^Fire Safety/ });
    const headcount = Number((await row.getByRole('cell').nth(1).innerText()).replace(/,/g, ''));
    expect(headcount).toBeGreaterThan(0);
    await page.getByText(/Staff hours a year = headcount × \(minutes to assess competency \+ minutes to complete the learning\)/).waitFor();
    await page.getByLabel('Minutes to complete Fire Safety').fill('45');
    await page.getByLabel('Minutes to assess competency in Fire Safety').fill('15');
    await page.getByLabel('Expected measurable improvement for Fire Safety').fill('Fewer fire incidents on wards');
    await page.getByLabel('Name of submitter').fill('Adele Vance');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('Plan saved.').waitFor();
    // (15 + 45) minutes every 2 years for each person required = headcount / 2 hours a year: assessment counts.
    await expect(row.getByRole('cell').nth(7).innerText()).resolves.toBe((Math.round((headcount / 2) * 10) / 10).toLocaleString('en-GB'));
    await page.reload();
    await page.getByRole('tab', { name: 'Annual plan' }).click();
    await page.getByRole('table', { name: 'Nationally mandated topics' }).waitFor();
    await expect(page.getByLabel('Minutes to complete Fire Safety').inputValue()).resolves.toBe('45');
    await expect(page.getByLabel('Name of submitter').inputValue()).resolves.toBe('Adele Vance');
    await context.close();
  });

  it('when a line manager opens reports, then they see their team only, without the organisation sections', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await openTab(page, app.server.url, 'reports', 'E9000021');
    await page.getByRole('table', { name: 'Compliance by subject', exact: true }).waitFor();
    await page.getByText(/Megan Bowen's team/).waitFor();
    expect(await page.getByRole('tab', { name: 'Annual plan' }).count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await context.close();
  });
});
