import JSZip from 'jszip';
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, FieldHistoryResponse, FieldState } from '../../tab/shared/workspace-api.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { staffOf } from '../workspace/workspace-client.js';

/**
 * Practice users of Severn Vale PCN co-authoring one application live, each in a browser context of
 * their own, against two server instances sharing one Azurite (Alex on A, Megan and a Riverside
 * colleague on B): typing, carets, simultaneous edits, offline, history, export.
 */
const ALEX = 'E9000020';
const MEGAN = 'E9000021';
const RIVERSIDE = staffOf('Riverside Medical Centre');
const OFFLINE = "You're offline — your changes are kept and will be shared when you reconnect";

let a: TestApp;
let b: TestApp;
let browser: Browser;
let appId: string;
const contexts: BrowserContext[] = [];
const pageErrors: string[] = [];

async function api<T>(path: string, staffId: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const response = await fetch(`${a.server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer dev:${staffId}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

const fieldText = async (fieldId: string) => (await api<FieldState>(`/api/workspaces/${appId}/fields/${fieldId}`, MEGAN)).text;
const editor = (page: Page, fieldId: string) => page.locator(`[data-field-id="${fieldId}"] .ProseMirror`);
/** The text as a reader sees it (one line per paragraph, heading or item), without others' caret labels. */
const editorText = (page: Page, fieldId: string) =>
  editor(page, fieldId).evaluate((el) => {
    type Node = { cloneNode(deep: boolean): Node; querySelectorAll(selector: string): Node[]; remove(): void; textContent: string };
    const copy = (el as unknown as Node).cloneNode(true);
    for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove();
    return Array.from(copy.querySelectorAll('p, h1, h2, h3')).map((block) => block.textContent).join('\n');
  });

async function newPage(staffId: string, theme?: 'dark' | 'contrast'): Promise<Page> {
  const context = await contextAs(browser, theme ? { theme } : {});
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(`${staffId}: ${e.message}`));
  return page;
}

async function openSection(page: Page, server: TestApp, staffId: string, section: string, theme?: string): Promise<void> {
  await openTab(page, server.server.url, 'workspace', staffId, { app: appId, section, ...(theme ? { theme } : {}) });
  await page.getByRole('heading', { level: 2 }).first().waitFor();
  await page.getByText('Live', { exact: true }).waitFor();
  await page.locator('.ProseMirror').first().waitFor();
}

beforeAll(async () => {
  a = await startTestApp();
  b = await startTestApp({ seed: false, env: { TABLE_PREFIX: a.config.storage.tablePrefix } });
  browser = await launchBrowser();
  const created = await api<ApplicationSummary>('/api/workspaces', MEGAN, {
    body: { title: 'Severn Vale PCN Learning Organisation application', practices: [{ name: 'Oakfield Surgery', odsCode: 'L81001' }, { name: 'Riverside Medical Centre', odsCode: 'L81002' }] },
  });
  appId = created.id;
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all([a?.stop(), b?.stop()]);
});

describe('live co-authoring in the browser', () => {
  let alex: Page;
  let megan: Page;

  it('when Alex types on one instance, then Megan sees the words on another before he stops, and his caret with his name', async () => {
    alex = await newPage(ALEX);
    megan = await newPage(MEGAN);
    await Promise.all([openSection(alex, a, ALEX, 'pcn'), openSection(megan, b, MEGAN, 'pcn')]);
    await editor(alex, 'pcn.footprint').click();
    const sentence = 'Oakfield and Riverside share one learner rota and a fortnightly teaching session.';
    // 8 characters a second, as a person types; Megan's page is checked while he is still typing.
    const typing = alex.keyboard.type(sentence, { delay: 125 });
    await expect.poll(() => editorText(megan, 'pcn.footprint'), { timeout: 8000, interval: 50 }).toMatch(/^Oakfield and Riverside/);
    const seenWhileTyping = await editorText(megan, 'pcn.footprint');
    await typing;
    expect(seenWhileTyping.length).toBeLessThan(sentence.length);
    await expect.poll(() => editorText(megan, 'pcn.footprint'), { timeout: 5000 }).toBe(sentence);
    const label = megan.locator('[data-field-id="pcn.footprint"] .collaboration-carets__label');
    await label.waitFor({ timeout: 5000 });
    await expect(label.textContent()).resolves.toBe('Alex Wilber');
  });

  it('when three people type into the same sentence at once, then all three end with the same text, holding all their words', async () => {
    const third = await newPage(RIVERSIDE);
    await openSection(third, b, RIVERSIDE, 'pcn');
    const pages = [alex, megan, third];
    await Promise.all(pages.map((p) => expect.poll(() => editorText(p, 'pcn.footprint'), { timeout: 5000 }).toMatch(/teaching session\.$/)));
    // Each puts the caret after "share" and types a word of their own, all at the same time.
    for (const p of pages) {
      await editor(p, 'pcn.footprint').click();
      await p.keyboard.press('Home');
      for (let i = 0; i < 'Oakfield and Riverside share'.length; i++) await p.keyboard.press('ArrowRight');
    }
    await Promise.all([alex.keyboard.type(' [alex]', { delay: 60 }), megan.keyboard.type(' [megan]', { delay: 60 }), third.keyboard.type(' [third]', { delay: 60 })]);
    await expect.poll(async () => new Set(await Promise.all(pages.map((p) => editorText(p, 'pcn.footprint')))).size, { timeout: 10_000 }).toBe(1);
    const final = await editorText(alex, 'pcn.footprint');
    for (const word of ['[alex]', '[megan]', '[third]']) expect(final).toContain(word);
    await third.close();
  });

  it('when Megan goes offline and both keep writing, then she is told plainly, and after she reconnects both texts hold both', async () => {
    await megan.context().setOffline(true);
    await megan.getByText(OFFLINE).waitFor({ timeout: 15_000 });
    await editor(megan, 'pcn.footprint').click();
    await megan.keyboard.press('End');
    await megan.keyboard.type(' Megan wrote this offline.');
    await editor(alex, 'pcn.footprint').click();
    await alex.keyboard.press('Control+Home');
    await alex.keyboard.type('Alex online. ');
    await megan.context().setOffline(false);
    await expect.poll(async () => [await editorText(alex, 'pcn.footprint'), await editorText(megan, 'pcn.footprint')].every((t) => t.includes('Megan wrote this offline.') && t.includes('Alex online.')), { timeout: 20_000 }).toBe(true);
    await expect.poll(async () => (await editorText(alex, 'pcn.footprint')) === (await editorText(megan, 'pcn.footprint')), { timeout: 10_000 }).toBe(true);
  });

  it('when Megan writes offline and closes the page before reconnecting, then her words are kept in the browser and shared when she comes back', async () => {
    await megan.context().setOffline(true);
    await megan.getByText(OFFLINE).waitFor({ timeout: 15_000 });
    await editor(megan, 'pcn.footprint').click();
    await megan.keyboard.press('Control+End');
    await megan.keyboard.type(' Kept across a reload.');
    // Give y-indexeddb a moment to write, then leave the page while still offline.
    await megan.waitForTimeout(300);
    const context = megan.context();
    await megan.close();
    await editor(alex, 'pcn.footprint').click();
    await alex.keyboard.press('Control+End');
    await alex.keyboard.type(' Alex meanwhile.');
    await context.setOffline(false);
    megan = await context.newPage();
    await openSection(megan, b, MEGAN, 'pcn');
    await expect.poll(async () => [await editorText(alex, 'pcn.footprint'), await editorText(megan, 'pcn.footprint')].every((t) => t.includes('Kept across a reload.') && t.includes('Alex meanwhile.')), { timeout: 20_000 }).toBe(true);
    await expect.poll(() => fieldText('pcn.footprint'), { timeout: 10_000 }).toContain('Kept across a reload.');
  });

  it('when a list and emphasis are written, then the editor shows them and the DOCX keeps them', async () => {
    await editor(alex, 'pcn.footprint').click();
    await alex.keyboard.press('Control+End');
    await alex.keyboard.press('Enter');
    await alex.keyboard.press('Control+b');
    await alex.keyboard.type('Shared rota');
    await alex.keyboard.press('Control+b');
    await alex.keyboard.type(' across ');
    await alex.keyboard.press('Control+i');
    await alex.keyboard.type('all practices');
    await alex.keyboard.press('Control+i');
    await alex.keyboard.press('Enter');
    await alex.keyboard.type('- Induction on day one');
    await alex.keyboard.press('Enter');
    await alex.keyboard.type('Named supervisor');
    await megan.locator('[data-field-id="pcn.footprint"] li', { hasText: 'Named supervisor' }).waitFor({ timeout: 10_000 });
    await megan.locator('[data-field-id="pcn.footprint"] strong', { hasText: 'Shared rota' }).waitFor();
    const [download] = await Promise.all([alex.waitForEvent('download'), (async () => {
      await openTab(alex, a.server.url, 'workspace', ALEX, { app: appId });
      await alex.getByRole('button', { name: 'Export DOCX' }).click();
    })()]);
    const xml = (await (await JSZip.loadAsync(await readFile((await download.path())!))).file('word/document.xml')?.async('string')) ?? '';
    const runOf = (text: string) => new RegExp(`<w:r>(?:(?!</w:r>).)*${text}`, 's').exec(xml)?.[0] ?? '';
    expect(runOf('Shared rota')).toContain('<w:b/>');
    expect(runOf('all practices')).toContain('<w:i/>');
    expect(xml).toMatch(/<w:numPr>(?:(?!<\/w:p>).)*Induction on day one/s);
    expect(xml).toContain('Kept across a reload.');
  });

  it('when Megan restores the session before Alex\'s, then the field goes back to it, and the restore is a session of its own', async () => {
    const fieldId = 'learners.capacity';
    await api(`/api/workspaces/${appId}/fields/${fieldId}`, MEGAN, { method: 'PUT', body: { text: 'Four GP registrars.' } });
    await api(`/api/workspaces/${appId}/fields/${fieldId}`, ALEX, { method: 'PUT', body: { text: 'Four GP registrars and six medical students.' } });
    await openSection(megan, b, MEGAN, 'learners');
    await megan.locator(`[data-field-id="${fieldId}"]`).getByRole('button', { name: /History of/ }).click();
    const drawer = megan.getByRole('dialog', { name: /History of/ });
    const meganSession = drawer.getByRole('listitem').filter({ hasText: 'Megan Bowen' });
    await meganSession.getByRole('button', { name: /Show changes/ }).click();
    await meganSession.getByRole('region').waitFor();
    expect(await seriousAxeViolations(megan)).toEqual([]);
    await meganSession.getByRole('button', { name: /Restore/ }).click();
    await expect.poll(() => editorText(megan, fieldId), { timeout: 10_000 }).toBe('Four GP registrars.');
    const history = await api<FieldHistoryResponse>(`/api/workspaces/${appId}/fields/${fieldId}/history`, MEGAN);
    expect(history.sessions[0]).toMatchObject({ kind: 'restore', by: { name: 'Megan Bowen' } });
    await drawer.getByRole('button', { name: 'Close history' }).click();
  });

  it('when Megan comments on words she selected, then Alex sees those words marked, and the thread quotes them', async () => {
    await Promise.all([openSection(alex, a, ALEX, 'learners'), openSection(megan, b, MEGAN, 'learners')]);
    await editor(megan, 'learners.capacity').getByText('GP registrars').first().waitFor();
    await editor(megan, 'learners.capacity').dblclick({ position: { x: 12, y: 8 } });
    await megan.locator('[data-field-id="learners.capacity"]').getByRole('button', { name: 'Comment on selection' }).click();
    const comments = megan.getByRole('complementary', { name: 'Resources and comments' });
    await comments.getByRole('textbox', { name: 'Comment on the selected text' }).fill('How many at a time?');
    await comments.getByRole('button', { name: 'Post comment' }).first().click();
    await comments.getByText(/^On “/).waitFor();
    await alex.locator('[data-field-id="learners.capacity"] .comment-anchor').waitFor({ timeout: 10_000 });
    expect((await alex.locator('[data-field-id="learners.capacity"] .comment-anchor').first().textContent())?.length).toBeGreaterThan(0);
  });

  it('when the editor is used with the keyboard alone, then text can be written and formatted, and focus moves on past the carets', async () => {
    await openSection(alex, a, ALEX, 'learners');
    const field = alex.locator('[data-field-id="learners.capacity"]');
    await field.getByRole('toolbar').getByRole('button').first().focus();
    // One tab stop for the toolbar, then the text.
    await alex.keyboard.press('Tab');
    expect(await alex.evaluate(() => (globalThis as unknown as { document: { activeElement: { className: string } } }).document.activeElement.className)).toContain('ProseMirror');
    await alex.keyboard.press('Control+End');
    await alex.keyboard.type(' Typed by keyboard.');
    await alex.keyboard.press('Tab');
    const focused = await alex.evaluate(() => (globalThis as unknown as { document: { activeElement: { textContent: string; className: string } } }).document.activeElement.textContent);
    expect(focused).toContain('History');
    await expect.poll(() => editorText(megan, 'learners.capacity'), { timeout: 10_000 }).toContain('Typed by keyboard.');
    // A caret label is a decoration, never a tab stop.
    expect(await megan.locator('.collaboration-carets__caret [tabindex], .collaboration-carets__label[tabindex]').count()).toBe(0);
  });

  it('when the editor is shown in the default, dark and high-contrast themes, then it has no serious accessibility violations', async () => {
    expect(await seriousAxeViolations(megan)).toEqual([]);
    for (const theme of ['dark', 'contrast'] as const) {
      const page = await newPage(MEGAN, theme);
      await openSection(page, b, MEGAN, 'pcn', theme);
      await page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { remove(): void } | null } }).document.querySelector('.dev-bar')?.remove());
      expect(await seriousAxeViolations(page), theme).toEqual([]);
      await page.close();
    }
  });

  it('when pages were used throughout, then no script error happened in any', () => {
    expect(pageErrors).toEqual([]);
  });
});
