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
    await page.getByRole('table', { name: 'Overall compliance by month' }).waitFor();
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
      await page.getByRole('table').first().waitFor();
      expect(await seriousAxeViolations(page), name).toEqual([]);
    }
    expect(errors).toEqual([]);
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
    await page.getByLabel('Minutes to complete Fire Safety').fill('60');
    await page.getByLabel('Expected measurable improvement for Fire Safety').fill('Fewer fire incidents on wards');
    await page.getByLabel('Name of submitter').fill('Adele Vance');
    await page.getByRole('button', { name: 'Save the plan' }).click();
    await page.getByText('Plan saved.').waitFor();
    // 60 minutes every 2 years for each person required = headcount / 2 hours a year.
    await expect(row.getByRole('cell').nth(7).innerText()).resolves.toBe((Math.round((headcount / 2) * 10) / 10).toLocaleString('en-GB'));
    await page.reload();
    await page.getByRole('tab', { name: 'Annual plan' }).click();
    await page.getByRole('table', { name: 'Nationally mandated topics' }).waitFor();
    await expect(page.getByLabel('Minutes to complete Fire Safety').inputValue()).resolves.toBe('60');
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
