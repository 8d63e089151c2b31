import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, conversationUpdateActivity, messageActivity, postActivity, replyTexts, STRANGER } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('the first bot turn, over HTTP (development mode, Azurite)', () => {
  let app: TestApp;
  let connector: FakeConnector;

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it("when Alex asks what's due, then the reply goes to the Bot Connector with Alex's real statuses, worst first", async () => {
    const response = await postActivity(app.server.url, messageActivity(ALEX, "what's due?", connector.serviceUrl));
    expect(response.status).toBe(200);

    const [reply] = await connector.waitFor(1);
    const text = reply!.activity.text ?? '';
    expect(reply!.conversationId).toBe(`a:personal-${ALEX.id}`);
    expect(text).toContain('Your mandatory learning, Alex, on 21 Nov 2026');
    const overdue = text.indexOf('**Overdue**');
    const dueSoon = text.indexOf('**Due soon**');
    const inDate = text.indexOf('**In date**');
    expect(overdue).toBeGreaterThan(-1);
    expect(dueSoon).toBeGreaterThan(overdue);
    expect(inDate).toBeGreaterThan(dueSoon);
    // Fire safety was completed 760 days ago with a two-year renewal: overdue.
    expect(text.slice(overdue, dueSoon)).toContain('Fire Safety: due 22 Oct 2026 (4 weeks overdue)');
    expect(text.slice(dueSoon, inDate)).toContain('Information Governance and Data Security: due 6 Dec 2026 (in 2 weeks)');
  });

  it('when the reply is expected in the response (expectReplies), then the same answer comes back in the body', async () => {
    const response = await postActivity(app.server.url, messageActivity(ALEX, 'am I up to date', connector.serviceUrl, { deliveryMode: 'expectReplies' }));
    expect(response.status).toBe(200);
    const [text] = await replyTexts(response);
    expect(text).toMatch(/^Your mandatory learning, Alex, on 21 Nov 2026: \d+ of 12 in date/);
  });

  it('when someone not among staff asks, then they are told whom to contact, and nothing else', async () => {
    const response = await postActivity(app.server.url, messageActivity(STRANGER, "what's due", connector.serviceUrl, { deliveryMode: 'expectReplies' }));
    const texts = await replyTexts(response);
    expect(texts).toEqual([expect.stringContaining("I can't find you in the staff records")]);
    expect(texts[0]).toContain('the Learning and Development team (ext. 4321)');
  });

  it('when someone asks for help or says something not understood, then they get a way forward', async () => {
    const help = await replyTexts(await postActivity(app.server.url, messageActivity(ALEX, 'help', connector.serviceUrl, { deliveryMode: 'expectReplies' })));
    expect(help[0]).toContain("**what's due**");
    const unknown = await replyTexts(
      await postActivity(app.server.url, messageActivity(ALEX, 'the printer is jammed', connector.serviceUrl, { deliveryMode: 'expectReplies' })),
    );
    expect(unknown[0]).toContain("Sorry, I didn't understand that");
  });

  it('when the bot is installed (conversationUpdate), then it introduces itself', async () => {
    const texts = await replyTexts(
      await postActivity(app.server.url, { ...conversationUpdateActivity(ALEX, connector.serviceUrl), deliveryMode: 'expectReplies' }),
    );
    expect(texts[0]).toContain("I'm Mandatory Learning");
  });

  it('when the body is not an activity, then the answer is a 400 and the server keeps serving', async () => {
    const broken = await fetch(`${app.server.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": ' });
    expect(broken.status).toBe(400);
    const noType = await postActivity(app.server.url, { text: 'hello' });
    expect(noType.status).toBe(400);
    const health = await fetch(`${app.server.url}/healthz`);
    expect(await health.json()).toEqual({ status: 'ok' });
  });
});
