import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, conversationUpdateActivity, exchange, LYNNE, MEGAN, messageActivity, PATTI, submitActivity, type ReplyActivity } from '../support/activities.js';
import { cardsOf, cardText, expectValidCard } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALEX_ID = 'E9000020';

function words(replies: ReplyActivity[]): string {
  return replies.flatMap((r) => cardsOf(r)).map((c) => {
    expectValidCard(c);
    return cardText(c);
  }).join('\n---\n');
}

describe('learner flows over HTTP: record, certificates, feedback, absence, support, speak up', () => {
  let app: TestApp;
  let connector: FakeConnector;
  const say = (user: typeof ALEX, text: string) => exchange(app.server.url, messageActivity(user, text, connector.serviceUrl));
  const press = (user: typeof ALEX, value: Record<string, unknown>) => exchange(app.server.url, submitActivity(user, value, connector.serviceUrl));

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it('when Alex says they did a fire drill yesterday, then the record form comes back filled in', async () => {
    const replies = await say(ALEX, 'I did a fire drill yesterday');
    const card = cardsOf(replies[0]!)[0]!;
    expectValidCard(card);
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'subjectId', value: 'fire-safety' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'method', value: 'drill' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'completedOn', value: '2026-11-20' }));
  });

  it("when Alex submits the record form, then the completion is stored, thanked for, feedback asked, and what's due shows it in date", async () => {
    const replies = await press(ALEX, { verb: 'record-submit', subjectId: 'fire-safety', method: 'drill', completedOn: '2026-11-20' });
    const text = words(replies);
    expect(text).toContain('Recorded: Fire Safety');
    expect(text).toContain('Next due 20 Nov 2028');
    expect(text).toContain('How was Fire Safety?');

    const bundle = await app.services.staff.getBundle(ALEX_ID);
    expect(bundle!.records.filter((r) => r.subjectId === 'fire-safety' && r.method === 'drill')).toHaveLength(1);
    const due = words(await say(ALEX, "what's due"));
    expect(due).toContain('Overdue (1)');
    expect(due.slice(due.indexOf('In date ('))).toContain('**Fire Safety**');

    // The same submission again (a double click) stores nothing new.
    await press(ALEX, { verb: 'record-submit', subjectId: 'fire-safety', method: 'drill', completedOn: '2026-11-20' });
    expect((await app.services.staff.getBundle(ALEX_ID))!.records.filter((r) => r.method === 'drill')).toHaveLength(1);
    const summary = (await app.services.summaries.listAll()).find((s) => s.staffId === ALEX_ID)!;
    expect(summary.items.find((i) => i.subjectId === 'fire-safety')!.validUntil).toBe('2028-11-20');
  });

  it('when a method the topic does not allow is submitted, then it is explained and nothing is stored', async () => {
    const before = (await app.services.staff.getBundle(ALEX_ID))!.records.length;
    const text = words(await press(ALEX, { verb: 'record-submit', subjectId: 'ig', method: 'drill', completedOn: '2026-11-20' }));
    expect(text).toContain("can't be recorded as drill or simulation");
    expect(text).toContain('completed on the learning platform');
    expect((await app.services.staff.getBundle(ALEX_ID))!.records.length).toBe(before);
  });

  it('when a date in the future or an impossible date is submitted, then it is refused by name and nothing is stored', async () => {
    const before = (await app.services.staff.getBundle(ALEX_ID))!.records.length;
    expect(words(await press(ALEX, { verb: 'record-submit', subjectId: 'fire-safety', method: 'drill', completedOn: '2026-12-25' }))).toContain('That date is in the future');
    expect(words(await press(ALEX, { verb: 'record-submit', subjectId: 'fire-safety', method: 'drill', completedOn: '2026-02-30' }))).toContain('completedOn: not a real date');
    expect((await app.services.staff.getBundle(ALEX_ID))!.records.length).toBe(before);
  });

  it('when a card action is forged (unknown verb, injected id, extra power), then it is refused and nothing changes', async () => {
    const before = (await app.services.staff.getBundle(ALEX_ID))!.records.length;
    expect(words(await press(ALEX, { verb: 'approve-everything' }))).toContain('That button is not one of mine');
    expect(words(await press(ALEX, { verb: 'record-submit', subjectId: "fire' or PartitionKey ne '", method: 'drill', completedOn: '2026-11-20' }))).toContain('subjectId: not a known id');
    expect(words(await press(ALEX, { verb: 'record-submit', subjectId: 'fire-safety', method: 'e-learning', completedOn: '2026-11-20', staffId: 'E9000021' }))).toContain("can't be recorded as e-learning");
    expect((await app.services.staff.getBundle(ALEX_ID))!.records.length).toBe(before);
    expect((await app.services.staff.getBundle('E9000021'))!.records.some((r) => r.source.kind === 'self')).toBe(false);
  });

  it('when Alex brings a certificate from a previous employer, then it is stored pending verification and shown as waiting', async () => {
    const form = words(await press(ALEX, { verb: 'certificate-form' }));
    expect(form).toContain('Previous employer');
    const text = words(
      await press(ALEX, { verb: 'certificate-submit', topicId: 'oliver-mcgowan-2', completedOn: '2026-06-01', employer: 'North Bristol NHS Trust', reference: 'OMMT-2291', fileUrl: 'https://files.example.nhs.uk/ommt.pdf' }),
    );
    expect(text).toContain('Certificate received');
    expect(text).toContain('valid until 1 Jun 2029');
    const record = (await app.services.staff.getBundle(ALEX_ID))!.records.find((r) => r.method === 'transferred');
    expect(record).toMatchObject({ subjectId: 'oliver-mcgowan', level: 2, verification: { state: 'pending' }, source: { kind: 'transferred', employer: 'North Bristol NHS Trust', reference: 'OMMT-2291' } });
    const due = words(await say(ALEX, "what's due"));
    expect(due).toContain('Waiting for verification (1)');
    expect(due.slice(due.indexOf('Overdue'), due.indexOf('Due soon'))).toContain('Oliver McGowan'); // still overdue until verified
  });

  it('when a certificate has expired or its link is not https, then it is refused with the reason', async () => {
    expect(words(await press(ALEX, { verb: 'certificate-submit', topicId: 'ig-1', completedOn: '2024-01-01', employer: 'Old Trust' }))).toContain('That certificate has expired');
    expect(words(await press(ALEX, { verb: 'certificate-submit', topicId: 'ig-1', completedOn: '2026-10-01', employer: 'Old Trust', fileUrl: 'javascript:alert(1)' }))).toContain('the link must start with https://');
    expect((await app.services.staff.getBundle(ALEX_ID))!.records.filter((r) => r.method === 'transferred')).toHaveLength(1);
  });

  it('when Alex rates a topic, then the feedback is stored for its subject matter expert', async () => {
    const text = words(await press(ALEX, { verb: 'feedback-submit', subjectId: 'fire-safety', relevance: '5', accessibility: '4', effectiveness: '3', comment: 'Good drill' }));
    expect(text).toContain('Thank you for your feedback');
    const stored = await app.services.learning.feedback.listForSubject('fire-safety');
    expect(stored).toEqual([expect.objectContaining({ staffId: ALEX_ID, relevance: 5, accessibility: 4, effectiveness: 3, comment: 'Good drill' })]);
    expect(words(await press(ALEX, { verb: 'feedback-submit', subjectId: 'fire-safety', relevance: '9', accessibility: '4', effectiveness: '3' }))).toContain('relevance');
    expect(await app.services.learning.feedback.listForSubject('fire-safety')).toHaveLength(1);
  });

  it('when the new starter installs the bot, then the welcome lists her induction deadlines and the reference is stored', async () => {
    const text = words(await exchange(app.server.url, conversationUpdateActivity(PATTI, connector.serviceUrl)));
    expect(text).toContain('Welcome, Patti');
    expect(text).toContain('Your induction learning (');
    expect(text).toContain('by 23 Jan 2027');
    expect(text).toContain('Bring a certificate');
    const stored = await app.services.conversations.getPersonal(PATTI.aadObjectId!);
    expect(stored).toMatchObject({ conversationId: `a:personal-${PATTI.id}`, serviceUrl: connector.serviceUrl });
  });

  it('when Lynne says she is back from maternity leave, then she sees what expired while away and the new dates', async () => {
    const text = words(await say(LYNNE, "I'm back from maternity leave"));
    expect(text).toContain('Welcome back, Lynne');
    expect(text).toContain('expired while you were away');
    expect(text).toContain('Fire Safety');
    expect(text).toContain('by 9 Dec 2026');
  });

  it('when Alex asks for a reasonable adjustment, then it is recorded and Megan, the line manager, gets a card in her chat', async () => {
    await exchange(app.server.url, messageActivity(MEGAN, 'hello', connector.serviceUrl)); // Megan has talked to the bot: her reference is stored
    const sentBefore = connector.messages.length;
    const text = words(await say(ALEX, 'I need a reasonable adjustment for fire safety, I use a screen reader'));
    expect(text).toContain('Request recorded');
    expect(text).toContain("I've told Megan Bowen");
    const [notice] = await connector.waitFor(sentBefore + 1);
    const toMegan = connector.messages.slice(sentBefore).find((m) => m.conversationId === `a:personal-${MEGAN.id}`);
    expect(toMegan).toBeDefined();
    expect(notice).toBeDefined();
    const card = cardsOf(toMegan!.activity as never)[0]!;
    expectValidCard(card);
    expect(cardText(card)).toContain('Alex Wilber has asked for a reasonable adjustment');
    expect((await app.services.staff.getBundle(ALEX_ID))!.supportRequests).toEqual([expect.objectContaining({ kind: 'reasonable-adjustment', subjectId: 'fire-safety', notifiedManagerIds: ['E9000021'] })]);
  });

  it("when Alex says the training doesn't cover a real risk, then a concern is recorded and acknowledged", async () => {
    const text = words(await say(ALEX, "the fire safety training doesn't cover a real risk on our ward"));
    expect(text).toContain('Thank you for speaking up');
    const concerns = await app.services.learning.concerns.listForSubject('fire-safety');
    expect(concerns).toEqual([expect.objectContaining({ staffId: ALEX_ID, state: 'open' })]);
  });
});
