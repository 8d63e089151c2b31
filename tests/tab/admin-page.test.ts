import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { contextAs, launchBrowser, openTab, seriousAxeViolations } from '../support/browser.js';
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

describe('the administration page', () => {
  it('when Adele edits a requirement, verifies evidence, decides an exemption and approves a proposal, then each takes effect', async () => {
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
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await openTab(page, app.server.url, 'admin', 'E9000022');

    // The requirement matrix: fire safety renewed every 3 years instead of 2.
    await page.getByRole('button', { name: 'Edit Fire Safety Level 1' }).click();
    const dialog = page.getByRole('dialog', { name: /Edit Fire Safety/ });
    await dialog.getByLabel('Renewal in months (empty: never expires)').fill('36');
    await seriousAxeViolations(page);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').getByText('Topic saved. Compliance uses it from now on.').waitFor();
    await page.locator('tr[data-topic="fire-safety-1"]').getByText('36 months').waitFor();
    await page.getByText(/Reports up to date: \d+ of \d+ people/).waitFor({ timeout: 20_000 });
    expect((await call('E9000020', 'GET', '/api/learning/me')).body.items.find((i: { subjectId: string }) => i.subjectId === 'fire-safety')).toMatchObject({ status: 'in-date' });
    await seriousAxeViolations(page);

    // Evidence: Alex's certificate verified.
    await page.getByRole('tab', { name: 'Evidence to verify' }).click();
    await page.getByRole('button', { name: /Verify Alex Wilber's Oliver McGowan/ }).click();
    await page.getByRole('status').getByText(/Verified: Alex Wilber/).waitFor();
    await page.getByText('No certificates are waiting.').waitFor();
    await seriousAxeViolations(page);

    // MLOG: Alex's exemption approved.
    await page.getByRole('tab', { name: 'MLOG: exemptions' }).click();
    await page.getByLabel('Comment to Alex Wilber (optional)').fill('Triage-only role');
    await seriousAxeViolations(page);
    await page.getByRole('button', { name: "Approve Alex Wilber's exemption from Moving and Handling" }).click();
    await page.getByRole('status').getByText('Approved. Alex Wilber will be told.').waitFor();
    const alex = (await call('E9000020', 'GET', '/api/learning/me')).body;
    expect(alex.items.find((i: { subjectId: string }) => i.subjectId === 'moving-handling').status).toBe('exempt');
    expect(alex.items.find((i: { subjectId: string }) => i.subjectId === 'oliver-mcgowan').status).toBe('in-date');

    // A proposal approved becomes a topic.
    await page.getByRole('tab', { name: 'Local topic proposals' }).click();
    await page.getByRole('button', { name: 'Sepsis Recognition' }).click();
    await page.getByLabel('Reason for the decision (kept on record)').fill('Agreed at the November MLOG');
    await seriousAxeViolations(page);
    await page.getByRole('button', { name: 'Approve and add to the catalogue' }).click();
    await page.getByRole('status').getByText('is now a topic in the catalogue (sepsis-recognition-1)').waitFor();
    await page.getByRole('note').getByText(/Approved by Adele Vance/).waitFor();
    await page.getByRole('tab', { name: 'Requirement matrix' }).click();
    await page.locator('tr[data-topic="sepsis-recognition-1"]').waitFor();
    expect((await call('E9000020', 'GET', '/api/learning/me')).body.items.some((i: { subjectId: string }) => i.subjectId === 'sepsis-recognition')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('when someone without an administrative role opens it, then only proposing a topic is offered', async () => {
    const context = await contextAs(browser);
    const page = await context.newPage();
    await openTab(page, app.server.url, 'admin', 'E9000021');
    await page.getByRole('heading', { name: 'Propose a locally mandated topic' }).waitFor();
    await expect(page.getByRole('tab').count()).resolves.toBe(1);
    await seriousAxeViolations(page);
    await context.close();
  });
});
