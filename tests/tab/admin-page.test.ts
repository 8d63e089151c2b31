import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
import type { CatalogueAdminView, ImpactAnswer } from '../../tab/shared/admin-api.js';
import { apiClient } from './learning-api-client.js';

let app: TestApp;
let browser: Browser;
let call: ReturnType<typeof apiClient>;

beforeAll(async () => {
  [app, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  call = apiClient(app.server.url);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
});

const axe = async (page: Page) => expect(await seriousAxeViolations(page)).toEqual([]);
const ADELE = 'E9000022';

describe('the administration page', () => {
  it('when Adele shortens a renewal, then she sees how many people become overdue or due soon before confirming, and the saved change takes effect', async () => {
    const catalogue = (await call(ADELE, 'GET', '/api/admin/catalogue')).body as CatalogueAdminView;
    const conflict = catalogue.topics.find((t) => t.value.id === 'conflict-resolution-1')!;
    // What the server says the change would do, computed without writing: the page must say the same.
    const expected = (await call(ADELE, 'POST', '/api/admin/impact', { topics: [{ ...conflict.value, renewalMonths: 6 }] })).body as ImpactAnswer;
    expect(expected.impact.becomeOverdue).toBeGreaterThan(0);
    expect((await call(ADELE, 'GET', '/api/admin/catalogue')).body.topics.find((t: { value: { id: string } }) => t.value.id === 'conflict-resolution-1').value.renewalMonths).toBe(conflict.value.renewalMonths);

    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openTab(page, app.server.url, 'admin', ADELE);
    await page.getByRole('button', { name: 'Edit Conflict Resolution Level 1' }).click();
    const dialog = page.getByRole('dialog', { name: /Conflict Resolution/ });
    await dialog.getByLabel('Renewal in months (empty: never expires)').fill('6');
    await dialog.getByRole('button', { name: 'Check the effect…' }).click();
    await dialog.getByRole('status').getByText(expected.sentence).waitFor();
    expect(expected.sentence).toMatch(/^\d[\d,]* (person becomes|people become) overdue/);
    await axe(page);
    // Going back changes nothing; confirming saves.
    await dialog.getByRole('button', { name: 'Go back and change it' }).click();
    await dialog.getByRole('button', { name: 'Check the effect…' }).click();
    await dialog.getByRole('button', { name: 'Save: renew every 6 months' }).click();
    await page.getByRole('status').getByText('Topic saved. Compliance uses it from now on.').waitFor();
    await page.locator('[data-topic="conflict-resolution-1"]').getByText('6 months').waitFor();
    await page.getByText(/Reports up to date: \d+ of \d+ people \(after the change to Conflict Resolution/).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when someone else saves a topic while Adele has it open, then her Save is refused, the dialog shows their version, and saving again works', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await openTab(page, app.server.url, 'admin', ADELE);
    await page.getByRole('button', { name: 'Edit Fire Safety Level 1' }).click();
    const dialog = page.getByRole('dialog', { name: /Fire Safety/ });
    await dialog.getByLabel('Link to the learning').fill('https://learning.example/fire');
    // Meanwhile, on another screen:
    const catalogue = (await call(ADELE, 'GET', '/api/admin/catalogue')).body as CatalogueAdminView;
    const fire = catalogue.topics.find((t) => t.value.id === 'fire-safety-1')!;
    expect((await call(ADELE, 'PUT', '/api/admin/topics/fire-safety-1', { value: { ...fire.value, audience: 'Everyone on site' }, etag: fire.etag })).status).toBe(200);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.getByText(/Someone else changed this topic while you had it open/).waitFor();
    await expect(dialog.getByLabel('Audience').inputValue()).resolves.toBe('Everyone on site');
    await expect(dialog.getByLabel('Link to the learning').inputValue()).resolves.toBe(fire.value.link ?? '');
    await dialog.getByLabel('Link to the learning').fill('https://learning.example/fire');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Topic saved. Compliance uses it from now on.').waitFor();
    const saved = ((await call(ADELE, 'GET', '/api/admin/catalogue')).body as CatalogueAdminView).topics.find((t) => t.value.id === 'fire-safety-1')!.value;
    expect(saved).toMatchObject({ link: 'https://learning.example/fire', audience: 'Everyone on site' });
    await context.close();
  });

  it('when Adele changes the roles × subjects grid, then the effect is shown first and each changed role is saved on confirmation', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await openTab(page, app.server.url, 'admin', ADELE);
    const grid = page.getByRole('table', { name: 'Roles and what they require' });
    await grid.waitFor();
    await grid.getByRole('combobox', { name: 'Level of Preventing Radicalisation required by Practice Nurse' }).selectOption('');
    await page.getByRole('button', { name: 'Check the effect of changes to 1 role…' }).click();
    await page.getByRole('status').getByText(/no longer required to/).waitFor();
    await axe(page);
    await page.getByRole('button', { name: 'Save the changes to 1 role' }).click();
    await page.getByRole('status').getByText('Saved: Practice Nurse. Compliance uses the new requirements from now on.').waitFor();
    const role = ((await call(ADELE, 'GET', '/api/admin/catalogue')).body as CatalogueAdminView).roles.find((r) => r.value.name === 'Practice Nurse')!;
    expect(role.value.requirements.some((r) => r.subjectId === 'prevent')).toBe(false);
    await context.close();
  });

  it('when Adele verifies evidence, decides an exemption and approves a proposal, then each takes effect, in plain words', async () => {
    await call('E9000020', 'POST', '/api/learning/me/certificates', { topicId: 'oliver-mcgowan-2', completedOn: '2026-05-04', employer: 'North Bristol NHS Trust' });
    await call('E9000020', 'POST', '/api/learning/me/exemptions', { subjectId: 'moving-handling', reason: 'I only do telephone triage' });
    const proposal = await call('E9000023', 'POST', '/api/proposals', {
      title: 'Sepsis Recognition', risk: 'Late recognition of sepsis in three incidents.', outcomeMeasures: 'Time to antibiotics, NEWS2 recorded.', audiences: 'Clinical staff seeing acutely unwell patients',
      staffGroups: ['Nursing and Midwifery Registered'], learningOutcomes: 'Recognise red flags and escalate.', deliveryMethods: ['e-learning'], renewalMonths: 24, competenceAssessment: 'Scenario assessment at the end.', roleIds: ['practice-nurse'],
    });
    expect(proposal.status).toBe(200);
    const context = await contextAs(browser);
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await openTab(page, app.server.url, 'admin', ADELE);
    await page.getByRole('tab', { name: 'Evidence to verify' }).click();
    await page.getByRole('button', { name: /Verify Alex Wilber's Oliver McGowan/ }).click();
    await page.getByRole('status').getByText(/Verified: Alex Wilber/).waitFor();
    await page.getByText('No certificates are waiting.').waitFor();
    await page.getByRole('tab', { name: 'MLOG: exemptions' }).click();
    await page.getByLabel('Comment to Alex Wilber (optional)').fill('Triage-only role');
    await page.getByRole('button', { name: "Approve Alex Wilber's exemption from Moving and Handling" }).click();
    await page.getByRole('status').getByText('Approved. Alex Wilber will be told.').waitFor();
    const alex = (await call('E9000020', 'GET', '/api/learning/me')).body;
    expect(alex.items.find((i: { subjectId: string }) => i.subjectId === 'moving-handling').status).toBe('exempt');
    await page.getByRole('tab', { name: 'Local topic proposals' }).click();
    await page.getByRole('button', { name: 'Sepsis Recognition' }).click();
    await page.getByLabel('Reason for the decision (kept on record)').fill('Agreed at the November MLOG');
    await axe(page);
    await page.getByRole('button', { name: 'Approve and add to the catalogue' }).click();
    await page.getByRole('status').getByText('“Sepsis Recognition” is now a topic in the catalogue, required by Practice Nurse.').waitFor();
    await page.getByRole('note').getByText(/Approved by Adele Vance/).waitFor();
    expect(await page.getByText('sepsis-recognition-1').count()).toBe(0);
    await context.close();
  });

  it('when someone without an administrative role opens it, then only proposing a topic is offered', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await openTab(page, app.server.url, 'admin', 'E9000021');
    await page.getByRole('heading', { name: 'Propose a locally mandated topic' }).waitFor();
    await expect(page.getByRole('tab').count()).resolves.toBe(1);
    await axe(page);
    await context.close();
  });
});
