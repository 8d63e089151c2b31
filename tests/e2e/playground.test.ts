import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-types.js';
import { cardText, expectValidCard } from '../support/card-validator.js';
import { startPlaygroundDriver, type PlaygroundDriver, type PlaygroundFrame } from '../support/playground-driver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const cardOf = (frame: PlaygroundFrame) => frame.message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as AdaptiveCard | undefined;
const showing = (needle: string) => (frame: PlaygroundFrame) => frame.action === 'createMessage' && cardText(cardOf(frame) ?? {}).includes(needle);

describe("Microsoft's Agents Playground talking to the real server", () => {
  let app: TestApp;
  let driver: PlaygroundDriver;

  beforeAll(async () => {
    app = await startTestApp();
    driver = await startPlaygroundDriver(app.server.url);
  });

  afterAll(async () => {
    await driver?.stop();
    await app?.stop();
  });

  it("when Alex Wilber types what's due, then the Playground shows Alex's card from storage", async () => {
    await driver.say("what's due");
    const frame = await driver.waitForFrame(showing('Your mandatory learning, Alex'));
    expect(frame.actionConversationId).toBe(driver.personalChatId);
    const card = cardOf(frame)!;
    expectValidCard(card);
    expect(cardText(card)).toContain('Due 22 Oct 2026 (4 weeks overdue)');
  });

  it('when Alex asks to record a drill and presses the form button, then the Playground shows the confirmation and the record is stored', async () => {
    await driver.say('I did a fire drill yesterday');
    const form = await driver.waitForFrame(showing('Record a completion'));
    await driver.submit(form.message.messageId, { verb: 'record-submit', subjectId: 'fire-safety', method: 'drill', completedOn: '2026-11-20' });
    await driver.waitForFrame(showing('Recorded: Fire Safety'));
    const bundle = await app.services.staff.getBundle('E9000020');
    const recorded = bundle!.records.filter((r) => r.subjectId === 'fire-safety' && r.method === 'drill' && r.completedOn === '2026-11-20');
    expect(recorded).toHaveLength(1);
    // Alex as seeded again, for the tests that read his what's due, in whatever order they run.
    await app.services.staff.change('E9000020', (b) => ({ kind: 'write', bundle: { ...b, records: b.records.filter((r) => r.id !== recorded[0]!.id) }, result: true }));
  });
});
