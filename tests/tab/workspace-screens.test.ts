import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, WorkspaceListResponse } from '../../tab/shared/workspace-api.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** The configuration page, the no-access answer and the training hub's page, in a browser against the real server. */
const MEGAN = 'E9000021';
/** L&D lead at the trust: in no PCN practice, so no member; made a hub reviewer half-way through. */
const ADELE = 'E9000022';

let app: TestApp;
let browser: Browser;
let page: Page;
const pageErrors: string[] = [];

async function api<T>(path: string, staffId: string, init: { method?: string; body?: unknown } = {}): Promise<{ status: number; body: T }> {
  const response = await fetch(`${app.server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers: { authorization: `Bearer dev:${staffId}`, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
  });
  return { status: response.status, body: (await response.json()) as T };
}

beforeAll(async () => {
  app = await startTestApp();
  browser = await launchBrowser();
  page = await (await contextAs(browser)).newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

describe('the workspace screens', () => {
  let appId: string;

  it('when a practice manager sets the tab up standalone, then she starts an application for her PCN and can open its workspace', async () => {
    await openTab(page, app.server.url, 'config', MEGAN);
    await page.getByRole('heading', { name: 'Set up the Learning Organisation tab' }).waitFor();
    await page.getByRole('radio', { name: /Start a new application for Severn Vale PCN/ }).check();
    await page.getByRole('textbox', { name: 'Practice 1 name' }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Practice 1 name' }).inputValue()).toBe('Oakfield Surgery');
    await page.getByRole('button', { name: 'Create the application' }).click();
    await page.getByText(/An ODS code is 3 to 10 letters/).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole('textbox', { name: 'ODS code' }).first().fill('l81001');
    await page.getByRole('button', { name: 'Add a practice' }).click();
    await page.getByRole('textbox', { name: 'Practice 2 name' }).fill('Riverside Practice');
    await page.getByRole('textbox', { name: 'ODS code' }).nth(1).fill('L81002');
    await page.getByRole('button', { name: 'Create the application' }).click();
    await page.getByRole('link', { name: 'Open the workspace' }).click();
    await page.getByRole('heading', { level: 1, name: /Severn Vale PCN/ }).waitFor();
    appId = new URL(page.url()).searchParams.get('app')!;
    const list = await api<WorkspaceListResponse>('/api/workspaces', MEGAN);
    const created = list.body.applications.find((a) => a.id === appId);
    expect(created?.practices.map((p) => p.odsCode)).toEqual(['L81001', 'L81002']);

    // Opening the configuration again offers the existing application.
    await openTab(page, app.server.url, 'config', MEGAN);
    await page.getByRole('radio', { name: /Severn Vale PCN.*2 practices/ }).waitFor();
  });

  it('when someone outside the PCN opens the workspace, then they are told they have no access, the same whether or not it exists', async () => {
    for (const id of [appId, 'lo-does-not-exist']) {
      await openTab(page, app.server.url, 'workspace', ADELE, { app: id });
      await page.getByText("You don't have access to this workspace").waitFor();
      await expect(page.getByRole('heading', { name: 'Progress board' }).count()).resolves.toBe(0);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('when a hub reviewer opens the hub, then every application shows with its progress, and the library can be managed and is shown beside its section', async () => {
    // A reviewer comes from outside the PCN: the trust's L&D lead is given the permission (stored fact) for this test.
    const person = await app.services.staff.getPerson(ADELE);
    await app.services.staff.savePerson({ ...person!, permissions: [...(person!.permissions ?? []), 'hub-reviewer'] });

    await openTab(page, app.server.url, 'hub', ADELE);
    await page.getByRole('heading', { name: "Every PCN's application" }).waitFor();
    const row = page.getByRole('row').filter({ has: page.locator(`a[href*="app=${appId}"]`) });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Drafting/);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByRole('tab', { name: 'Resource library' }).click();
    await page.getByRole('button', { name: 'Add a resource' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('textbox', { name: /Title/ }).fill('Riverside welcome letter template');
    await dialog.getByRole('combobox', { name: 'Kind' }).selectOption('welcome-letter');
    await dialog.getByRole('textbox', { name: /Link/ }).fill('https://example.org/welcome-letter.docx');
    await dialog.getByRole('checkbox', { name: /Induction/ }).first().check();
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('link', { name: 'Riverside welcome letter template' }).waitFor();

    await page.getByRole('tab', { name: 'Approved Learning Organisations' }).click();
    await page.getByRole('heading', { name: 'Approved Learning Organisations and their practices' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The PCN sees the resource beside the induction section.
    const induction = (await api<{ definitions: { sections: { id: string; title: string }[] } }>(`/api/workspaces/${appId}`, MEGAN)).body.definitions.sections.find((s) => /induction/i.test(s.title))!;
    await openTab(page, app.server.url, 'workspace', MEGAN, { app: appId, section: induction.id });
    await page.getByRole('complementary', { name: 'Resources and comments' }).getByRole('link', { name: 'Riverside welcome letter template' }).waitFor();
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  it('when a hub reviewer requests changes on a section, then the PCN sees the request in that section', async () => {
    const induction = (await api<{ definitions: { sections: { id: string; title: string }[] } }>(`/api/workspaces/${appId}`, MEGAN)).body.definitions.sections.find((s) => /induction/i.test(s.title))!;
    await openTab(page, app.server.url, 'hub', ADELE);
    const row = page.getByRole('row').filter({ has: page.locator(`a[href*="app=${appId}"]`) });
    await row.getByRole('button', { name: 'Request changes' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: 'Section' }).selectOption(induction.id);
    await dialog.getByRole('textbox', { name: /What needs to change/ }).fill('Please add the out-of-hours arrangements.');
    await dialog.getByRole('button', { name: 'Send' }).click();
    await dialog.waitFor({ state: 'detached' });
    await openTab(page, app.server.url, 'workspace', MEGAN, { app: appId, section: induction.id });
    await page.getByText(/Changes requested by Adele Vance/).waitFor();
    await page.getByText('Please add the out-of-hours arrangements.').first().waitFor();
  });

  it('when a member opens the workspace without an id, then their applications are listed to open', async () => {
    await openTab(page, app.server.url, 'workspace', MEGAN);
    await page.getByRole('heading', { name: 'Learning Organisation applications' }).waitFor();
    await page.locator(`a[href*="app=${appId}"]`).click();
    await page.getByRole('heading', { name: 'Progress board' }).waitFor();
    const summary = (await api<{ application: ApplicationSummary }>(`/api/workspaces/${appId}`, MEGAN)).body.application;
    expect(summary.id).toBe(appId);
  });

  it('when a member comments on a section with an @mention, then the thread shows it, and it can be resolved', async () => {
    await openTab(page, app.server.url, 'workspace', MEGAN, { app: appId, section: 'leads' });
    const comments = page.getByRole('complementary', { name: 'Resources and comments' });
    await comments.getByRole('textbox', { name: 'New comment on this section' }).fill('Can you check the e-mail addresses?');
    await comments.getByRole('button', { name: 'Mention someone' }).click();
    await page.getByRole('menuitem', { name: /Alex Wilber/ }).click();
    await comments.getByRole('button', { name: 'Post comment' }).click();
    await comments.getByText('@Alex Wilber', { exact: true }).waitFor();
    await comments.getByRole('heading', { name: 'Comments (1 open)' }).waitFor();
    const view = (await api<{ comments: { comments: { mentions: { staffId: string }[] }[] }[] }>(`/api/workspaces/${appId}`, MEGAN)).body;
    expect(view.comments.flatMap((t) => t.comments.flatMap((c) => c.mentions.map((m) => m.staffId)))).toContain('E9000020');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await comments.getByRole('button', { name: 'Resolve' }).click();
    await comments.getByRole('heading', { name: 'Comments (0 open)' }).waitFor();
  });

  it('when a member sets a section\'s owner, status and due date, then the board shows them', async () => {
    await openTab(page, app.server.url, 'workspace', MEGAN, { app: appId, section: 'learners' });
    await page.getByRole('combobox', { name: 'Owner' }).selectOption({ label: 'Megan Bowen' });
    await page.getByRole('combobox', { name: 'Status' }).selectOption('ready-for-review');
    await page.getByRole('combobox', { name: 'Due date' }).fill('31/03/2027');
    await page.getByRole('combobox', { name: 'Due date' }).press('Tab');
    await expect.poll(async () => (await api<{ sections: Record<string, { status: string; dueDate?: string; owner?: { person?: { name: string } } }> }>(`/api/workspaces/${appId}`, MEGAN)).body.sections.learners).toMatchObject({
      status: 'ready-for-review',
      dueDate: '2027-03-31',
      owner: { person: { name: 'Megan Bowen' } },
    });
    await page.getByRole('button', { name: 'Overview' }).click();
    const row = page.getByRole('row', { name: /Learner types/ });
    await expect(row.textContent()).resolves.toMatch(/Megan Bowen.*Ready for review.*31 Mar 2027/);
    await page.getByRole('switch', { name: 'Only sections I own' }).check();
    await page.getByText('Showing 1 of').waitFor();
  });

  it('when the application is submitted while the checklist is incomplete, then the refusal lists what is missing and nothing changes', async () => {
    await openTab(page, app.server.url, 'workspace', MEGAN, { app: appId });
    await page.getByRole('button', { name: 'Mark ready for internal review' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Mark ready for internal review' }).click();
    await page.getByText('Internal review', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Submit to the training hub' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Submit to the training hub' }).click();
    await dialog.getByRole('alert').waitFor();
    await expect(dialog.getByRole('listitem').count()).resolves.toBeGreaterThan(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    const summary = (await api<{ application: ApplicationSummary }>(`/api/workspaces/${appId}`, MEGAN)).body.application;
    expect(summary.lifecycle.stage).toBe('internal-review');
    await page.getByRole('button', { name: 'Back to drafting' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Back to drafting' }).click();
    await page.getByText('Drafting', { exact: true }).first().waitFor();
  });

  it('when the workspace is shown in the dark and high-contrast themes, then a section has no serious accessibility violations', async () => {
    for (const theme of ['dark', 'contrast']) {
      await openTab(page, app.server.url, 'workspace', MEGAN, { app: appId, section: 'supervisors', theme });
      await page.getByRole('heading', { level: 2, name: /Supervisors/ }).waitFor();
      expect(await page.locator('[data-theme]').first().getAttribute('data-theme')).toBe(theme);
      // The development-mode bar is the shell's, never shown in Teams (its dark-theme link contrast is reported to the shell's owner).
      await page.evaluate(() => (globalThis as unknown as { document: { querySelector(s: string): { remove(): void } | null } }).document.querySelector('.dev-bar')?.remove());
      expect(await seriousAxeViolations(page)).toEqual([]);
    }
  });

  it('when the pages were used, then no script error happened', () => {
    expect(pageErrors).toEqual([]);
  });
});
