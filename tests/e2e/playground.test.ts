import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPlaygroundDriver, type PlaygroundDriver } from '../support/playground-driver.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

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

  it("when the default user (Alex Wilber) types what's due, then the Playground shows Alex's statuses from storage", async () => {
    await driver.say("what's due");
    const frame = await driver.waitForFrame((f) => f.action === 'createMessage' && (f.message.text ?? '').startsWith('Your mandatory learning'));
    expect(frame.actionConversationId).toBe(driver.personalChatId);
    expect(frame.message.text).toContain('Your mandatory learning, Alex, on 21 Nov 2026');
    expect(frame.message.text).toContain('Fire Safety: due 22 Oct 2026 (4 weeks overdue)');
  });
});
