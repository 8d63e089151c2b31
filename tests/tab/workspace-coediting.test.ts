import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, FieldHistoryResponse, FieldState } from '../../tab/shared/workspace-api.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two practice users of Severn Vale PCN (Alex Wilber and Megan Bowen, both at Oakfield Surgery)
 * co-editing one application in two browser contexts, against the real server and Azurite.
 */
const ALEX = 'E9000020';
const MEGAN = 'E9000021';

let app: TestApp;
let browser: Browser;
let appId: string;
let alexContext: BrowserContext;
let meganContext: BrowserContext;
let alex: Page;
let megan: Page;
const pageErrors: string[] = [];

async function api<T>(path: string, staffId: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${app.server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer dev:${staffId}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const fieldText = async (fieldId: string) => (await api<FieldState>(`/api/workspaces/${appId}/fields/${fieldId}`, MEGAN)).text;

/** The field's container (data-field-id) and its text input. */
const field = (page: Page, fieldId: string) => page.locator(`[data-field-id="${fieldId}"]`);
const input = (page: Page, fieldId: string): Locator => field(page, fieldId).locator('textarea, input').first();

async function openSection(page: Page, staffId: string, section: string): Promise<void> {
  await openTab(page, app.server.url, 'workspace', staffId, { app: appId, section });
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.getByText('Live', { exact: true }).waitFor();
}

async function waitSaved(page: Page, fieldId: string): Promise<void> {
  await field(page, fieldId).locator('[data-save-state="saved"]').waitFor({ timeout: 10_000 });
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  const created = await api<ApplicationSummary>('/api/workspaces', MEGAN, {
    body: { title: 'Severn Vale PCN Learning Organisation application', practices: [{ name: 'Oakfield Surgery', odsCode: 'L81001' }, { name: 'Riverside Practice', odsCode: 'L81002' }] },
  });
  appId = created.id;
  alexContext = await contextAs(browser);
  meganContext = await contextAs(browser);
  alex = await alexContext.newPage();
  megan = await meganContext.newPage();
  for (const page of [alex, megan]) page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the workspace, co-edited by two practice users', () => {
  it('when both open the overview, then the board, checklist and countdown show, and the screen has no serious accessibility violations', async () => {
    await openTab(alex, app.server.url, 'workspace', ALEX, { app: appId });
    await alex.getByRole('heading', { name: 'Progress board' }).waitFor();
    await alex.getByRole('heading', { name: 'Before you submit' }).waitFor();
    await expect(alex.getByText(/until the 1 Apr 2028 deadline/).isVisible()).resolves.toBe(true);
    const rows = await alex.getByRole('table', { name: 'Sections' }).getByRole('row').count();
    expect(rows).toBeGreaterThan(6);
    await alex.getByLabel('Status').first().selectOption('agreed');
    await alex.getByText(/Showing 0 of \d+ sections/).waitFor();
    expect(await seriousAxeViolations(alex)).toEqual([]);
  });

  it('when they edit different fields at the same time, then both edits survive, and each sees the other\'s', async () => {
    await Promise.all([openSection(alex, ALEX, 'leads'), openSection(megan, MEGAN, 'leads')]);
    await input(alex, 'leads.managerial-name').fill('Dr Priya Shah');
    await input(megan, 'leads.educational-name').fill('Dr Tom Evans');
    await Promise.all([input(alex, 'leads.managerial-name').blur(), input(megan, 'leads.educational-name').blur()]);
    await Promise.all([waitSaved(alex, 'leads.managerial-name'), waitSaved(megan, 'leads.educational-name')]);
    expect(await fieldText('leads.managerial-name')).toBe('Dr Priya Shah');
    expect(await fieldText('leads.educational-name')).toBe('Dr Tom Evans');
    await expect.poll(() => input(megan, 'leads.managerial-name').inputValue()).toBe('Dr Priya Shah');
    await expect.poll(() => input(alex, 'leads.educational-name').inputValue()).toBe('Dr Tom Evans');
    expect(await seriousAxeViolations(alex)).toEqual([]);
  });

  it('when both are in a section, then each sees the other there (presence)', async () => {
    await megan.getByText('Alex Wilber is', { exact: false }).waitFor({ timeout: 10_000 });
    await alex.getByText('Megan Bowen is', { exact: false }).waitFor({ timeout: 10_000 });
    await expect(megan.getByTestId('presence-names').textContent()).resolves.toContain('Alex Wilber');
  });

  it('when one saves a field, then the other sees it within a second (figure recorded; the strict figure is benchmarked elsewhere)', async () => {
    const samples: number[] = [];
    for (const text of ['Practice manager, Oakfield Surgery', 'Operations manager, Oakfield Surgery', 'PCN manager']) {
      await input(alex, 'leads.managerial-role').fill(text);
      // From the moment Alex's save leaves his browser (so the figure includes the save itself).
      const sent = alex.waitForRequest((r) => r.url().includes('/fields/leads.managerial-role') && r.method() === 'PUT').then(() => Date.now());
      await input(alex, 'leads.managerial-role').blur();
      const from = await sent;
      await megan.waitForFunction(
        ({ selector, expected }) => (globalThis as unknown as { document: { querySelector(s: string): { value?: string } | null } }).document.querySelector(selector)?.value === expected,
        { selector: '[data-field-id="leads.managerial-role"] input', expected: text },
        { timeout: 10_000, polling: 20 },
      );
      samples.push(Date.now() - from);
    }
    const worst = Math.max(...samples);
    console.log(`workspace propagation to the other browser (ms, from the save request): ${samples.join(', ')}`);
    expect(samples).toHaveLength(3);
    // Generous for a loaded CI machine; the <1 s figure is measured by the benchmark.
    expect(worst).toBeLessThan(5000);
  });

  it('when both change different lines of the same text at once, then the server merges them and nothing is lost', async () => {
    await Promise.all([openSection(alex, ALEX, 'pcn'), openSection(megan, MEGAN, 'pcn')]);
    const base = 'Oakfield and Riverside share one rota.\nTeaching is on Wednesdays.\nOne point of contact for learners.';
    await input(alex, 'pcn.footprint').fill(base);
    await input(alex, 'pcn.footprint').blur();
    await waitSaved(alex, 'pcn.footprint');
    await expect.poll(() => input(megan, 'pcn.footprint').inputValue()).toBe(base);

    await input(alex, 'pcn.footprint').fill(base.replace('share one rota.', 'share one rota (Alex).'));
    await input(megan, 'pcn.footprint').fill(base.replace('One point of contact for learners.', 'One point of contact for learners (Megan).'));
    await Promise.all([input(alex, 'pcn.footprint').blur(), input(megan, 'pcn.footprint').blur()]);
    await expect.poll(() => fieldText('pcn.footprint'), { timeout: 10_000 }).toMatch(/rota \(Alex\)[\s\S]*learners \(Megan\)/);
    await expect.poll(() => input(alex, 'pcn.footprint').inputValue(), { timeout: 10_000 }).toContain('(Megan)');
    await expect.poll(() => input(megan, 'pcn.footprint').inputValue(), { timeout: 10_000 }).toContain('(Alex)');
    const history = await api<FieldHistoryResponse>(`/api/workspaces/${appId}/fields/pcn.footprint/history`, MEGAN);
    expect(history.entries.some((e) => e.kind === 'merge')).toBe(true);
  });

  it('when both change the same words at once, then one sees both versions side by side, merges them, and nothing is lost', async () => {
    const before = await fieldText('pcn.footprint');
    await input(alex, 'pcn.footprint').fill(before.replace('Teaching is on Wednesdays.', 'Teaching is on Tuesday mornings.'));
    await input(megan, 'pcn.footprint').fill(before.replace('Teaching is on Wednesdays.', 'Teaching is on Thursday afternoons.'));
    await Promise.all([input(alex, 'pcn.footprint').blur(), input(megan, 'pcn.footprint').blur()]);
    const dialogOf = (page: Page) => page.getByRole('alertdialog');
    const loser = await Promise.race([
      dialogOf(alex).waitFor({ timeout: 10_000 }).then(() => alex),
      dialogOf(megan).waitFor({ timeout: 10_000 }).then(() => megan),
    ]);
    const dialog = dialogOf(loser);
    await expect(dialog.getByRole('region', { name: 'Their text with changes marked' }).textContent()).resolves.toMatch(/Tuesday|Thursday/);
    await expect(dialog.getByRole('region', { name: 'Your text with changes marked' }).textContent()).resolves.toMatch(/Tuesday|Thursday/);
    expect(await seriousAxeViolations(loser)).toEqual([]);
    await dialog.getByRole('button', { name: 'Edit a merged text' }).click();
    const merged = dialog.getByRole('textbox', { name: /Merged text/ });
    const both = (await fieldText('pcn.footprint')).replace(/Teaching is on \w+ \w+\./, 'Teaching is on Tuesday mornings or Thursday afternoons.');
    await merged.fill(both);
    await dialog.getByRole('button', { name: 'Save merged text' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => fieldText('pcn.footprint'), { timeout: 10_000 }).toBe(both);
    const history = await api<FieldHistoryResponse>(`/api/workspaces/${appId}/fields/pcn.footprint/history`, MEGAN);
    const conflict = history.entries.find((e) => e.kind === 'conflict');
    expect(conflict?.text).toMatch(/Tuesday mornings\.|Thursday afternoons\./);
    expect(conflict?.resolvedBy).toBeTruthy();
  });

  it('when an earlier revision is restored from the history, then the field goes back to it as a new revision', async () => {
    await Promise.all([openSection(alex, ALEX, 'leads'), openSection(megan, MEGAN, 'leads')]);
    const current = await api<FieldState>(`/api/workspaces/${appId}/fields/leads.managerial-role`, ALEX);
    await field(alex, 'leads.managerial-role').getByRole('button', { name: /History of/ }).click({ timeout: 10_000 });
    const drawer = alex.getByRole('dialog', { name: /History of/ });
    await drawer.getByText('Current', { exact: true }).waitFor({ timeout: 10_000 });
    expect(await seriousAxeViolations(alex)).toEqual([]);
    await drawer.getByRole('button', { name: /version 1$/ }).click({ timeout: 10_000 });
    await expect.poll(() => input(alex, 'leads.managerial-role').inputValue(), { timeout: 10_000 }).toBe('Practice manager, Oakfield Surgery');
    const restored = await api<FieldState>(`/api/workspaces/${appId}/fields/leads.managerial-role`, ALEX);
    expect(restored.version).toBe(current.version + 1);
    expect(restored.text).toBe('Practice manager, Oakfield Surgery');
    await expect.poll(() => input(megan, 'leads.managerial-role').inputValue(), { timeout: 10_000 }).toBe('Practice manager, Oakfield Surgery');
    await drawer.getByRole('button', { name: 'Close history' }).click();
  });

  it('when a long text of 200,000 characters is typed in, then it is saved whole and read back whole', async () => {
    await openSection(megan, MEGAN, 'induction');
    const longField = await megan.locator('[data-field-id^="induction."]').filter({ has: megan.locator('textarea') }).first().getAttribute('data-field-id');
    const paragraph = 'Learners meet their supervisor on day one and receive the welcome pack. ';
    const text = paragraph.repeat(Math.ceil(200_000 / paragraph.length)).slice(0, 199_999) + '∎';
    await input(megan, longField!).fill(text);
    await input(megan, longField!).blur();
    await waitSaved(megan, longField!);
    const saved = await fieldText(longField!);
    expect(saved.length).toBe(200_000);
    expect(saved).toBe(text);
    await megan.reload();
    await expect.poll(async () => (await input(megan, longField!).inputValue()).length, { timeout: 10_000 }).toBe(200_000);
  });

  it('when the application is exported, then a DOCX downloads with the fields\' text in it', async () => {
    await openTab(megan, app.server.url, 'workspace', MEGAN, { app: appId });
    const [download] = await Promise.all([megan.waitForEvent('download'), megan.getByRole('button', { name: 'Export DOCX' }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(await readFile((await download.path())!));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('Dr Priya Shah');
    expect(xml).toContain('Dr Tom Evans');
    expect(xml).toContain('Thursday afternoons');
  });

  it('when pages were used throughout, then no script error happened in either', () => {
    expect(pageErrors).toEqual([]);
  });
});
