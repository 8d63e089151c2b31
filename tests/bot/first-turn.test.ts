import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, conversationUpdateActivity, exchange, messageActivity, postActivity, STRANGER } from '../support/activities.js';
import { cardsOf, cardText, expectValidCard } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the bot over HTTP: what is due, help, strangers, bad input (development mode, Azurite)', () => {
  let app: TestApp;
  let connector: FakeConnector;

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it("when Alex asks what's due, then the card goes to the Bot Connector with Alex's real statuses, worst first", async () => {
    const response = await postActivity(app.server.url, messageActivity(ALEX, "what's due?", connector.serviceUrl));
    expect(response.status).toBe(200);

    const [reply] = await connector.waitFor(1);
    expect(reply!.conversationId).toBe(`a:personal-${ALEX.id}`);
    const [card] = cardsOf(reply!.activity as never);
    expectValidCard(card!);
    const words = cardText(card);
    expect(words).toContain('Your mandatory learning, Alex');
    const overdue = words.indexOf('Overdue (2)');
    const dueSoon = words.indexOf('Due soon (1)');
    expect(overdue).toBeGreaterThan(-1);
    expect(dueSoon).toBeGreaterThan(overdue);
    expect(words.slice(overdue, dueSoon)).toContain('**Fire Safety**');
    expect(words.slice(overdue, dueSoon)).toContain('Due 22 Oct 2026 (4 weeks overdue)');
    expect(words.slice(dueSoon)).toContain('**Information Governance and Data Security**');
    expect(words.slice(dueSoon)).toContain('Due 6 Dec 2026 (in 2 weeks)');
  });

  it.each(['what training do I need', 'am I up to date', 'my training', 'wats due'])('when Alex says "%s", then the answer is the what\'s-due card', async (text) => {
    const replies = await exchange(app.server.url, messageActivity(ALEX, text, connector.serviceUrl));
    expect(cardText(cardsOf(replies[0]!)[0])).toContain('Your mandatory learning, Alex');
  });

  it('when Alex asks when fire safety expires, then the answer is about fire safety alone', async () => {
    const replies = await exchange(app.server.url, messageActivity(ALEX, 'when does my fire safety expire', connector.serviceUrl));
    const card = cardsOf(replies[0]!)[0]!;
    expectValidCard(card);
    const words = cardText(card);
    expect(words).toContain('Fire Safety is overdue. Due 22 Oct 2026 (4 weeks overdue).');
    expect(words).not.toContain('Information Governance');
  });

  it('when someone not among staff asks, then they are told whom to contact, and nothing else', async () => {
    const replies = await exchange(app.server.url, messageActivity(STRANGER, "what's due", connector.serviceUrl));
    expect(replies).toHaveLength(1);
    const words = cardText(cardsOf(replies[0]!)[0]);
    expect(words).toContain("I can't find you in the staff records");
    expect(words).toContain('the Learning and Development team (ext. 4321)');
  });

  it('when someone says something not understood, then they get buttons to go on with, never a dead end', async () => {
    const replies = await exchange(app.server.url, messageActivity(ALEX, 'the printer is jammed', connector.serviceUrl));
    const card = cardsOf(replies[0]!)[0]!;
    expectValidCard(card);
    const words = cardText(card);
    expect(words).toContain("Sorry, I didn't understand that");
    for (const button of ["What's due", 'Record a completion', 'Bring a certificate', 'Ask for an extension', 'Not relevant to my role']) expect(words).toContain(button);
  });

  it('when the bot is installed (conversationUpdate), then it welcomes the learner with where they stand', async () => {
    const replies = await exchange(app.server.url, conversationUpdateActivity(ALEX, connector.serviceUrl));
    const words = cardText(cardsOf(replies[0]!)[0]);
    expect(words).toContain('Welcome, Alex');
    expect(words).toContain('overdue');
  });

  it('when the body is not an activity, then the answer is a 400 naming the problem and the server keeps serving', async () => {
    const broken = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": ' });
    expect(broken.status).toBe(400);
    const noType = await postActivity(app.server.url, { text: 'hello' });
    expect(noType.status).toBe(400);
    expect(((await noType.json()) as { error: string }).error).toMatch(/not a valid activity: check type/);
    const health = await fetch(`${app.server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
