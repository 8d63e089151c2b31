import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshSummary } from '../../core/learning/refresh-summary.js';
import type { AdaptiveCard } from '../../bot/cards/card-types.js';
import type { ExtensionRequest } from '../../core/learning/types.js';
import { requestExtension } from '../../core/learning/approvals.js';
import { whatsDue } from '../../core/learning/whats-due.js';
import { addDays } from '../../core/time/local-date.js';
import { ALEX, exchange, invoke, invokeActivity, MEGAN, messageActivity, submitActivity, type ReplyActivity, type TeamsUser } from '../support/activities.js';
import { cardsOf, cardText, expectValidCard } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALEX_ID = 'E9000020';
const ADELE: TeamsUser = { id: '29:adele', name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022' };
const ISAIAH: TeamsUser = { id: '29:isaiah', name: 'Isaiah Langer', aadObjectId: '00000000-0000-0000-0000-0000000000023' };

function words(replies: ReplyActivity[]): string {
  return replies.flatMap((r) => cardsOf(r)).map((c) => (expectValidCard(c), cardText(c))).join('\n---\n');
}

describe('extensions and exemptions decided from adaptive cards, exactly once', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let otherManager: TeamsUser;
  const say = (user: TeamsUser, text: string) => exchange(app.server.url, messageActivity(user, text, connector.serviceUrl));
  const press = (user: TeamsUser, value: Record<string, unknown>) => exchange(app.server.url, submitActivity(user, value, connector.serviceUrl));
  const execute = (user: TeamsUser, verb: string, data: Record<string, unknown>, extra: Record<string, unknown> = {}) => invoke(app.server.url, invokeActivity(user, verb, data, connector.serviceUrl, extra));
  /** Alex's pending fire-safety extension: the one an earlier test asked for, or a new one (each test arranges its own). */
  const pendingExtension = async (): Promise<ExtensionRequest> => {
    const open = (await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.state === 'pending');
    if (open) return open;
    const due = (await whatsDue(app.services.learning, ALEX_ID)) as Extract<Awaited<ReturnType<typeof whatsDue>>, { kind: 'ok' }>;
    const fire = due.compliance.items.find((i) => i.subjectId === 'fire-safety')!;
    const asked = await requestExtension(app.services.approvals, ALEX_ID, { subjectId: 'fire-safety', requestedDate: addDays(fire.dueDate!, 14), reason: 'on leave' });
    if (asked.kind !== 'requested') throw new Error(`could not arrange a pending extension: ${asked.kind}`);
    return asked.request;
  };

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
    // Alex gets a second line manager (Adele), so two managers can click at once.
    const alex = (await app.services.staff.getPerson(ALEX_ID))!;
    await app.services.staff.savePerson({ ...alex, managerIds: ['E9000021', 'E9000022'] });
    // A practice manager of another practice: a manager, but not of Alex's team.
    const riverside = (await app.services.summaries.listAll()).find((s) => s.orgUnit.endsWith('Riverside Medical Centre') && s.roleIds.includes('practice-manager'))!;
    const person = (await app.services.staff.getPerson(riverside.staffId))!;
    otherManager = { id: '29:other-manager', name: person.name, aadObjectId: person.aadObjectId! };
    // Everyone involved has talked to the bot, so their personal chats are known.
    for (const user of [MEGAN, ADELE, ALEX, otherManager]) await say(user, 'hello');
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  // Each test starts from Alex as seeded: no requests, no delegate (his records are never changed here).
  beforeEach(async () => {
    await app.services.staff.change(ALEX_ID, (bundle) => ({ kind: 'write', bundle: { ...bundle, extensions: [], exemptions: [] }, result: true }));
    await refreshSummary(app.services.learning, ALEX_ID);
    const megan = (await app.services.staff.getPerson('E9000021'))!;
    if (megan.approvalDelegateIds?.length) await app.services.staff.savePerson({ ...megan, approvalDelegateIds: [] });
  });

  /** Alex asks for an extension to 15 January in words, and it is stored pending. */
  const askedInWords = async () => {
    await say(ALEX, "can I have an extension for fire safety until 15 January, I'm on leave");
    return pendingExtension();
  };
  const approvedByMegan = async () => {
    const request = await askedInWords();
    await execute(MEGAN, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'approve' });
    return (await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.id === request.id)!;
  };

  it('when Alex asks for an extension past the policy limit or with no reason, then the rule broken is named and nothing is sent', async () => {
    const tooLate = words(await say(ALEX, "can I have an extension for fire safety until 1 March, I'm on leave"));
    expect(tooLate).toContain('at most 3 months past the current due date (22 Oct 2026): the latest date you can ask for is 22 Jan 2027');
    const noReason = words(await press(ALEX, { verb: 'extension-submit', subjectId: 'fire-safety', requestedDate: '2027-01-10', reason: '' }));
    expect(noReason).toContain('A reason is required');
    const earlier = words(await press(ALEX, { verb: 'extension-submit', subjectId: 'fire-safety', requestedDate: '2026-10-01', reason: 'on leave' }));
    expect(earlier).toContain('must be after the current due date, 22 Oct 2026');
    expect((await app.services.staff.getBundle(ALEX_ID))!.extensions).toEqual([]);
  });

  it('when Alex asks in words, then each line manager gets an approval card with Action.Execute, a Submit fallback and refresh', async () => {
    const before = connector.messages.length;
    const text = words(await say(ALEX, "can I have an extension for fire safety until 15 January, I'm on leave"));
    expect(text).toContain('Extension request sent');
    expect(text).toContain('from 22 Oct 2026 to 15 Jan 2027');
    const sent = connector.messages.slice(before);
    const toMegan = sent.find((m) => m.conversationId === `a:personal-${MEGAN.id}`);
    const toAdele = sent.find((m) => m.conversationId === `a:personal-${ADELE.id}`);
    expect(toMegan && toAdele).toBeTruthy();
    const card = cardsOf(toMegan!.activity as never)[0]!;
    expectValidCard(card);
    const words2 = cardText(card);
    for (const fact of ['Alex Wilber', 'Fire Safety', '22 Oct 2026', '15 Jan 2027', "I'm on leave", 'overdue']) expect(words2).toContain(fact);
    const approve = card.actions!.find((a) => a.title === 'Approve')!;
    expect(approve).toMatchObject({ type: 'Action.Execute', verb: 'decide-request', fallback: { type: 'Action.Submit' } });
    expect(Object.keys((approve as { data: object }).data).sort()).toEqual(['decision', 'kind', 'learnerId', 'requestId', 'verb']);
    expect(card.refresh?.userIds).toEqual(expect.arrayContaining([MEGAN.aadObjectId, ADELE.aadObjectId]));

    const again = words(await say(ALEX, "can I have an extension for fire safety until 10 January, still on leave"));
    expect(again).toContain('You already have an open extension request for Fire Safety');
  });

  it('when the learner tries to approve their own request, or a manager of another team tries, then it is refused and nothing changes', async () => {
    const request = await pendingExtension();
    const data = { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'approve' };
    const own = await execute(ALEX, 'decide-request', data);
    expect(own.status).toBe(200);
    expect(cardText(own.body.value)).toContain('You cannot decide your own request');
    const stranger = await execute(otherManager, 'decide-request', data);
    expect(cardText(stranger.body.value)).toContain('This request is not one you can decide');
    const tampered = await execute(MEGAN, 'decide-request', { ...data, requestId: 'f0f0f0f0-0000-4000-8000-000000000000' });
    expect(cardText(tampered.body.value)).toContain('not one you can decide');
    const injected = await execute(MEGAN, 'decide-request', { ...data, learnerId: "E9000020' or ''='" });
    expect(cardText(injected.body.value)).toContain('This button is not valid any more');
    expect((await pendingExtension()).state).toBe('pending');
  });

  it('when 50 Approve clicks by two managers arrive at once, then exactly one decides and 49 are told who decided', async () => {
    const request = await askedInWords();
    const updatesBefore = connector.updates.length;
    const messagesBefore = connector.messages.length;
    const data = { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'approve', comment: 'Fine, enjoy your leave' };
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => execute(i % 2 === 0 ? MEGAN : ADELE, 'decide-request', data)));
    expect(answers.every((a) => a.status === 200 && a.body.type === 'application/vnd.microsoft.card.adaptive')).toBe(true);
    const texts = answers.map((a) => cardText(a.body.value));
    const decided = texts.filter((t) => t.includes('Approved. Alex Wilber will be told.'));
    const told = texts.filter((t) => /Already approved by (Megan Bowen|Adele Vance) on|You already approved this on/.test(t));
    expect(decided).toHaveLength(1);
    expect(told).toHaveLength(49);
    for (const answer of answers) {
      expectValidCard(answer.body.value as AdaptiveCard);
      expect((answer.body.value as AdaptiveCard).actions ?? []).toEqual([]); // no live buttons anywhere
    }
    const bundle = (await app.services.staff.getBundle(ALEX_ID))!;
    expect(bundle.extensions).toHaveLength(1);
    expect(bundle.extensions[0]).toMatchObject({ state: 'approved', comment: 'Fine, enjoy your leave' });
    const trail = await app.services.staff.auditTrail(ALEX_ID);
    expect(trail.filter((e) => e.action === 'extension.approved' && e.requestId === request.id)).toHaveLength(1);
    expect(trail.find((e) => e.action === 'extension.requested' && e.requestId === request.id)).toMatchObject({ actorId: ALEX_ID, why: "I'm on leave", what: 'due 2026-10-22 → 2027-01-15' });

    // After the answer: both managers' cards are updated in place, and Alex is told.
    await waitUntil(() => connector.updates.length >= updatesBefore + 2);
    const updated = connector.updates.slice(updatesBefore);
    expect(new Set(updated.map((u) => u.conversationId))).toEqual(new Set([`a:personal-${MEGAN.id}`, `a:personal-${ADELE.id}`]));
    for (const update of updated) expect(cardText(cardsOf(update.activity as never)[0])).toMatch(/Approved by (Megan Bowen|Adele Vance)/);
    await waitUntil(() => connector.messages.slice(messagesBefore).some((m) => m.conversationId === `a:personal-${ALEX.id}`));
    const notice = connector.messages.slice(messagesBefore).find((m) => m.conversationId === `a:personal-${ALEX.id}`)!;
    expect(cardText(cardsOf(notice.activity as never)[0])).toContain('It is now due on 15 Jan 2027');
  });

  it("when the same invoke is redelivered by Teams, then it is answered as already decided and nothing changes", async () => {
    const request = await approvedByMegan();
    const activity = invokeActivity(MEGAN, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'decline' }, connector.serviceUrl);
    const first = await invoke(app.server.url, activity);
    const second = await invoke(app.server.url, activity);
    for (const answer of [first, second]) expect(cardText(answer.body.value)).toMatch(/already approved this on|Already approved by/);
    expect((await app.services.staff.getBundle(ALEX_ID))!.extensions[0]!.state).toBe('approved');
  });

  it("when the extension is approved, then what's due, the summary and the refresh all show the new date", async () => {
    await approvedByMegan();
    const due = words(await say(ALEX, "what's due"));
    expect(due).toContain('Extended (1)');
    expect(due).toContain('extended to 15 Jan 2027');
    const summary = (await app.services.summaries.listAll()).find((s) => s.staffId === ALEX_ID)!;
    expect(summary.items.find((i) => i.subjectId === 'fire-safety')).toMatchObject({ dueDate: '2027-01-15', extended: true });
    const request = (await app.services.staff.getBundle(ALEX_ID))!.extensions[0]!;
    const refreshed = await execute(ADELE, 'refresh-request', { verb: 'refresh-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID });
    expect(cardText(refreshed.body.value)).toMatch(/Approved by (Megan Bowen|Adele Vance)/);
    const nosy = await execute(otherManager, 'refresh-request', { verb: 'refresh-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID });
    expect(cardText(nosy.body.value)).toContain('This card is not available to you');
  });

  it('when Alex says a topic is not relevant, then the MLOG decides (not a line manager), through the Submit fallback too', async () => {
    const form = await say(ALEX, 'moving and handling is not relevant to my role');
    expect(words(form)).toContain('Send to the MLOG');
    const before = connector.messages.length;
    const sent = words(await press(ALEX, { verb: 'exemption-submit', subjectId: 'moving-handling', reason: 'I work remotely on triage and never handle patients' }));
    expect(sent).toContain('Sent to the MLOG');
    expect(connector.messages.slice(before).map((m) => m.conversationId)).toEqual([`a:personal-${ADELE.id}`]);
    const request = (await app.services.staff.getBundle(ALEX_ID))!.exemptions[0]!;
    const data = { verb: 'decide-request', kind: 'exemption', requestId: request.id, learnerId: ALEX_ID, decision: 'approve' };

    const megan = await execute(MEGAN, 'decide-request', data);
    expect(cardText(megan.body.value)).toContain('not one you can decide');

    const viaSubmit = await exchange(app.server.url, submitActivity(ADELE, data, connector.serviceUrl, { replyToId: 'mlog-card-1' }));
    expect(viaSubmit.map((r) => r.text ?? '').join(' ')).toContain('Approved. Alex Wilber will be told.');
    expect((await app.services.staff.getBundle(ALEX_ID))!.exemptions[0]).toMatchObject({ state: 'approved', decidedBy: 'E9000022' });
    const due = words(await say(ALEX, "what's due"));
    expect(due).toContain('1 exempt');
  });

  it("when a manager has named a delegate, then the delegate may decide the team's requests", async () => {
    const megan = (await app.services.staff.getPerson('E9000021'))!;
    await app.services.staff.savePerson({ ...megan, approvalDelegateIds: ['E9000023'] });
    await say(ISAIAH, 'hello');
    await press(ALEX, { verb: 'extension-submit', subjectId: 'ig', requestedDate: '2027-01-20', reason: 'Course full until January' });
    const request = (await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.subjectId === 'ig')!;
    const answer = await execute(ISAIAH, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'decline', comment: 'Please book the December session' });
    expect(cardText(answer.body.value)).toContain('Declined. Alex Wilber will be told.');
    expect((await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.subjectId === 'ig')).toMatchObject({ state: 'declined', decidedBy: 'E9000023' });
  });

  it('when a decision is refused as a forged button, then it is logged and audited nowhere as a decision', async () => {
    // Arrange
    const request = await pendingExtension();
    const chainBefore = (await app.services.auditLog.head()).seq;

    // Act: a forged learner id, a made-up request, the learner deciding his own
    await execute(MEGAN, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: "E9000020' or ''='", decision: 'approve' });
    await execute(MEGAN, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: 'f0f0f0f0-0000-4000-8000-000000000000', learnerId: ALEX_ID, decision: 'approve' });
    await execute(ALEX, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'approve' });

    // Assert
    const trail = await app.services.staff.auditTrail(ALEX_ID);
    expect(trail.filter((e) => e.requestId === request.id).map((e) => e.action)).toEqual(['extension.requested']);
    for (const entry of trail) expect(entry).toMatchObject({ at: expect.any(String), actorId: expect.any(String), personId: ALEX_ID });
    expect((await app.services.auditLog.list({ fromSeq: chainBefore + 1 })).filter((e) => e.action.startsWith('extension.'))).toEqual([]);
    expect((await pendingExtension()).id).toBe(request.id);
  });
});

async function waitUntil(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}
