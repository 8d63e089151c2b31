import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdaptiveCard } from '../../bot/cards/card-types.js';
import { cardText, expectValidCard } from '../support/card-validator.js';
import { startPlaygroundDriver, type PlaygroundDriver, type PlaygroundFrame } from '../support/playground-driver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const cardOf = (frame: PlaygroundFrame) => frame.message.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as AdaptiveCard | undefined;
const showing = (needle: string) => (frame: PlaygroundFrame) => frame.action === 'createMessage' && cardText(cardOf(frame) ?? {}).includes(needle);

describe("Microsoft's Agents Playground: a manager asking about one person of her team", () => {
  let app: TestApp;
  let driver: PlaygroundDriver;

  beforeAll(async () => {
    app = await startTestApp();
    driver = await startPlaygroundDriver(app.server.url, 'user-id-1'); // Megan Bowen
  });

  afterAll(async () => {
    await driver?.stop();
    await app?.stop();
  });

  it('when Megan types "is patti compliant", then the Playground shows Patti’s status, not Megan’s own record', async () => {
    await driver.say('is patti compliant');
    const frame = await driver.waitForFrame(showing('Patti Fernandez is not cleared to work'));
    const card = cardOf(frame)!;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Patti Fernandez (employee, Healthcare Assistant)');
    expect(text).not.toContain('Your mandatory learning');
  });

  it('when Megan asks about someone outside her team, then the Playground shows a refusal that reveals nothing', async () => {
    await driver.say('is Adele Vance compliant?');
    const frame = await driver.waitForFrame(showing('I can only answer about people in your team'));
    expect(cardText(cardOf(frame)!)).not.toMatch(/in date|overdue|cleared/);
  });
});
