import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import { FIXTURES } from '../esr/esr-support.js';

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

describe('the ESR import panel', () => {
  it('when an administrator previews a broken export, maps the unknown competence and imports, then problems show by line, the mapping sticks and the good rows are stored', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await openTab(page, app.server.url, 'admin', 'E9000022');
    await page.getByRole('tab', { name: 'ESR import' }).click();
    await page.getByLabel('ESR export file').setInputFiles(join(FIXTURES, 'esr-broken.csv'));
    await page.getByRole('button', { name: 'Preview' }).click();
    const problems = page.getByRole('table', { name: 'Problems by line' });
    await problems.waitFor();
    const lines = () => problems.getByRole('row').evaluateAll((rows) => rows.slice(1).map((r) => { const cells = (r as unknown as { cells: { textContent: string }[] }).cells; return `${cells[0]!.textContent} ${cells[1]!.textContent!.startsWith('Error') ? 'error' : 'warning'}`; }));
    const all = await lines();
    expect(all.map((l) => l.split(' ')[1]).sort()).toEqual(['2', '3', '4', '5', '6', '7', '8']); // 2: the supervisor 20480001 is not held (a warning)
    // Errors first, then warnings.
    const severities = all.map((l) => l.split(' ')[2]);
    expect(severities).toEqual([...severities].sort());
    expect(severities).toContain('warning');
    // Grouped by kind, with the rows each touches; a filter by severity.
    await page.getByRole('list', { name: 'Problems by kind' }).getByText(/row: 1 competence not mapped to a topic/).waitFor();
    await page.getByLabel('Show lines with').selectOption('warning');
    await expect.poll(async () => (await lines()).every((l) => l.endsWith('warning'))).toBe(true);
    await page.getByLabel('Show lines with').selectOption('error');
    await expect.poll(async () => (await lines()).every((l) => l.endsWith('error'))).toBe(true);
    await page.getByLabel('Show lines with').selectOption('all');
    await page.getByText(/were read as Windows-1252/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel('Map 457|LOCAL|Hand Hygiene Assessment| to').selectOption({ label: 'Infection Prevention and Control (Level 1)' });
    await page.getByRole('button', { name: 'Save mappings and preview again' }).click();
    await page.getByRole('heading', { name: /Names to map/ }).waitFor({ state: 'detached' });
    const importButton = page.getByRole('button', { name: /^Import 6 good rows$/ });
    await importButton.click();
    await page.getByText(/3 people created, 0 updated, 0 unchanged; 6 records added/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    const yusuf = await app.services.staff.getBundle('20490001');
    expect(yusuf!.records.map((r) => r.subjectId).sort()).toEqual(['fire-safety', 'ipc', 'safeguarding-adults']);
    await page.getByRole('table', { name: 'Recent previews and imports' }).getByText('Import', { exact: true }).first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when a line manager opens administration, then there is no ESR import (the server refuses it too)', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await openTab(page, app.server.url, 'admin', 'E9000021');
    await page.getByRole('heading', { name: 'Administration' }).waitFor();
    expect(await page.getByRole('tab', { name: 'ESR import' }).count()).toBe(0);
    await context.close();
  });
});
