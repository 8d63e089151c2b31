import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshSummary } from '../../core/learning/refresh-summary.js';
import type { StaffBundle } from '../../core/learning/ports.js';
import type { MyLearningView } from '../../tab/shared/learning-api.js';
import { ALEX, MEGAN } from '../support/activities.js';
import { cardsOf, cardText } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE_USER, apiClient, sayHello, waitUntil } from './learning-api-client.js';

const ALEX_ID = 'E9000020';
const MEGAN_ID = 'E9000021';

describe('my learning in the tab: the bot’s use cases, the caller’s own learning only', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let seededAlex: StaffBundle;
  let call: ReturnType<typeof apiClient>;
  const mine = async (staffId = ALEX_ID) => (await call<MyLearningView>(staffId, 'GET', '/api/learning/me')).body;

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
    call = apiClient(app.server.url);
    await sayHello(app.server.url, connector.serviceUrl, [ALEX, MEGAN, ADELE_USER]);
    seededAlex = (await app.services.staff.getBundle(ALEX_ID))!;
  });

  // Each test starts from Alex as seeded (records and requests), whatever ran before it.
  beforeEach(async () => {
    await app.services.staff.change(ALEX_ID, (bundle) => ({ kind: 'write', bundle: { ...seededAlex, person: bundle.person }, result: true }));
    await refreshSummary(app.services.learning, ALEX_ID);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it('when Alex opens my learning, then the status at a glance matches the bot’s what’s due, with dates, roles and history', async () => {
    const view = await mine();
    expect(view.name).toBe('Alex Wilber');
    expect(view.roles).toEqual(['Practice Nurse']);
    const fire = view.items.find((i) => i.subjectId === 'fire-safety')!;
    expect(fire).toMatchObject({ status: 'overdue', dueDate: '2026-10-22', compliant: false, roles: ['Practice Nurse'] });
    expect(fire.recordable).toEqual(['session', 'drill']);
    expect(view.items.find((i) => i.subjectId === 'ig')).toMatchObject({ status: 'due-soon' });
    expect(view.items.find((i) => i.subjectId === 'oliver-mcgowan')).toMatchObject({ status: 'overdue', level: 2 });
    expect(view.summary.overdue).toBeGreaterThanOrEqual(2);
    expect(view.history.length).toBe(11);
    expect(view.history[0]!.completedOn >= view.history[10]!.completedOn).toBe(true);
    expect(view.topics.some((t) => t.topicId === 'oliver-mcgowan-2')).toBe(true);
  });

  it('when the request has no token or an unknown person, then it is refused; each person sees only their own learning', async () => {
    expect((await fetch(`${app.server.url}/api/learning/me`)).status).toBe(401);
    expect((await call('NOBODY1', 'GET', '/api/learning/me')).status).toBe(401);
    const megan = await mine(MEGAN_ID);
    expect(megan.name).toBe('Megan Bowen');
    expect(megan.history.every((r) => !r.label.includes('Level 3'))).toBe(true);
  });

  it('when Alex records a fire drill, then fire safety changes from overdue to in date at once, and bad input is refused with nothing saved', async () => {
    const future = await call(ALEX_ID, 'POST', '/api/learning/me/completions', { subjectId: 'fire-safety', completedOn: '2026-12-01', method: 'drill' });
    expect(future.status).toBe(422);
    expect(future.body.error.code).toBe('future-date');
    const elearning = await call(ALEX_ID, 'POST', '/api/learning/me/completions', { subjectId: 'fire-safety', completedOn: '2026-11-20', method: 'e-learning' });
    expect(elearning.status).toBe(422);
    expect(elearning.body.error.message).toContain('can be recorded here as: Face-to-face session, Drill or simulation');
    const garbage = await call(ALEX_ID, 'POST', '/api/learning/me/completions', { subjectId: "fire' or ''='", completedOn: '2026-02-30', method: 'drill' });
    expect(garbage.status).toBe(400);
    expect((await mine()).items.find((i) => i.subjectId === 'fire-safety')!.status).toBe('overdue');

    const recorded = await call(ALEX_ID, 'POST', '/api/learning/me/completions', { subjectId: 'fire-safety', completedOn: '2026-11-20', method: 'drill' });
    expect(recorded.status).toBe(200);
    expect(recorded.body.message).toContain('Next due 20 Nov 2028');
    const after = await mine();
    expect(after.items.find((i) => i.subjectId === 'fire-safety')).toMatchObject({ status: 'in-date', dueDate: '2028-11-20', compliant: true });
    expect(after.history[0]).toMatchObject({ completedOn: '2026-11-20', method: 'drill', source: 'Recorded by you', verification: 'verified' });
    expect((await app.services.summaries.get(ALEX_ID))!.items.find((i) => i.subjectId === 'fire-safety')!.dueDate).toBe('2028-11-20');
  });

  it('when Alex brings a certificate, then it waits for verification, shows as a request, and does not count yet', async () => {
    const expired = await call(ALEX_ID, 'POST', '/api/learning/me/certificates', { topicId: 'oliver-mcgowan-2', completedOn: '2020-01-10', employer: 'North Bristol NHS Trust' });
    expect(expired.status).toBe(422);
    expect(expired.body.error.code).toBe('already-expired');
    const brought = await call(ALEX_ID, 'POST', '/api/learning/me/certificates', { topicId: 'oliver-mcgowan-2', completedOn: '2026-05-04', employer: 'North Bristol NHS Trust', reference: 'NBT-1234' });
    expect(brought.status).toBe(200);
    expect(brought.body.message).toContain('valid until 4 May 2029');
    const view = await mine();
    expect(view.items.find((i) => i.subjectId === 'oliver-mcgowan')!.status).toBe('overdue');
    expect(view.requests.find((r) => r.kind === 'evidence')).toMatchObject({ state: 'pending', subject: expect.stringContaining('Tier 2') });
    expect((await app.services.evidence.pending()).map((e) => e.learnerId)).toContain(ALEX_ID);
  });

  it('when Alex asks for an extension in the tab, then Megan gets the same approval card as from the bot, and the request shows as pending', async () => {
    const tooLate = await call(ALEX_ID, 'POST', '/api/learning/me/extensions', { subjectId: 'ig', requestedDate: '2027-12-01', reason: 'on leave' });
    expect(tooLate.status).toBe(422);
    expect(tooLate.body.error.code).toBe('too-late');
    expect(tooLate.body.error.message).toContain('at most 3 months past the current due date');
    const before = connector.messages.length;
    const sent = await call(ALEX_ID, 'POST', '/api/learning/me/extensions', { subjectId: 'ig', requestedDate: '2027-01-20', reason: 'Annual leave over Christmas' });
    expect(sent.status).toBe(200);
    expect(sent.body.notified).toEqual(['Megan Bowen']);
    const toMegan = connector.messages.slice(before).find((m) => m.conversationId === `a:personal-${MEGAN.id}`)!;
    const card = cardsOf(toMegan.activity as never)[0]!;
    expect(cardText(card)).toContain('Alex Wilber');
    expect(cardText(card)).toContain('Annual leave over Christmas');
    expect(card.actions!.find((a) => a.title === 'Approve')).toMatchObject({ type: 'Action.Execute', verb: 'decide-request' });
    const again = await call(ALEX_ID, 'POST', '/api/learning/me/extensions', { subjectId: 'ig', requestedDate: '2027-01-10', reason: 'still on leave' });
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('already-open');
    expect((await mine()).requests.find((r) => r.kind === 'extension')).toMatchObject({ state: 'pending', subject: 'Information Governance and Data Security', requestedDate: '2027-01-20' });
  });

  it('when Alex asks for an exemption in the tab, then the MLOG gets the card; a subject not required is refused', async () => {
    const notRequired = await call(ALEX_ID, 'POST', '/api/learning/me/exemptions', { subjectId: 'no-such-subject', reason: 'not relevant' });
    expect(notRequired.status).toBe(422);
    expect(notRequired.body.error.code).toBe('not-required');
    const before = connector.messages.length;
    const sent = await call(ALEX_ID, 'POST', '/api/learning/me/exemptions', { subjectId: 'moving-handling', reason: 'I only do telephone triage' });
    expect(sent.status).toBe(200);
    await waitUntil(() => connector.messages.slice(before).some((m) => m.conversationId === `a:personal-${ADELE_USER.id}`));
    expect((await mine()).requests.find((r) => r.kind === 'exemption')).toMatchObject({ state: 'pending', subject: 'Moving and Handling' });
  });
});
