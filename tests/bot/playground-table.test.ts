import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, exchange, invoke, invokeActivity, LYNNE, MEGAN, messageActivity, submitActivity, type TeamsUser } from '../support/activities.js';
import { cardsOf } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { button, firstCard, input, words } from './conversation-support.js';

const ALEX_ID = 'E9000020';

/**
 * The README's "What to try in the Playground" table, row by row in the order written, on one
 * store: each row has to work after the rows before it (an earlier row must not spoil a later one).
 */
describe("the README's Playground table, in the order written", () => {
  let app: TestApp;
  let connector: FakeConnector;
  const say = (user: TeamsUser, text: string) => exchange(app.server.url, messageActivity(user, text, connector.serviceUrl));
  const press = (user: TeamsUser, value: Record<string, unknown>) => exchange(app.server.url, submitActivity(user, value, connector.serviceUrl));

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it('when every row is tried in turn, then each does what the table says', async () => {
    await say(MEGAN, 'hello'); // Megan has opened the bot once, so cards can reach her.
    // 1. Alex: what's due
    expect(words(await say(ALEX, "what's due"))).toContain('Your mandatory learning, Alex');
    // 2. Alex: questions about one subject
    expect(words(await say(ALEX, 'when does my fire safety expire'))).toContain('Fire Safety is overdue');
    expect(words(await say(ALEX, 'do I need safeguarding level 3'))).toContain('Yes, your roles need Safeguarding Adults (Level 3)');
    expect(words(await say(ALEX, 'is my IG in date'))).toContain('Information Governance and Data Security is due soon');
    // 3. Alex: I did a fire drill yesterday, then Record it
    const form = firstCard(await say(ALEX, 'I did a fire drill yesterday'));
    expect(words(await press(ALEX, { ...button(form, 'Record it').data, subjectId: 'fire-safety', method: 'drill', completedOn: input(form, 'completedOn')!.value }))).toContain('Recorded: Fire Safety');
    // 4. Alex: Bring a certificate
    expect(words(await press(ALEX, { verb: 'certificate-form' }))).toContain('Previous employer');
    // 5. Alex: more time for IG, counted from its due date; the form is sent to Megan
    const extension = firstCard(await say(ALEX, "my IG is due soon, can I have a couple more weeks? I'm on annual leave"));
    const requestedDate = input(extension, 'requestedDate')!.value;
    expect(requestedDate).toBeDefined();
    const sent = words(await press(ALEX, { ...button(extension, 'Send to my manager').data, subjectId: 'ig', requestedDate, reason: input(extension, 'reason')!.value }));
    expect(sent).toContain('Extension request sent');
    expect(sent).toContain('Megan Bowen');
    // 6. Megan: Approve on that card (or "pending requests")
    expect(words(await say(MEGAN, 'pending requests'))).toContain('Extension request: Alex Wilber');
    const request = (await app.services.staff.getBundle(ALEX_ID))!.extensions[0]!;
    const approved = await invoke(app.server.url, invokeActivity(MEGAN, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'approve' }, connector.serviceUrl));
    expect(approved.status).toBe(200);
    // Alex asks what happened to it
    expect(words(await say(ALEX, 'has my extension been approved?'))).toContain('by Megan Bowen');
    // 7. Alex: not relevant to my role
    expect(words(await say(ALEX, 'moving and handling is not relevant to my role'))).toContain('Send to the MLOG');
    // 8. Alex: the level question
    expect(words(await say(ALEX, 'I did my safeguarding children level 2 on 3rd March'))).toContain('Record Safeguarding Children (Level 2) anyway?');
    expect(words(await say(ALEX, 'where do I do my IG training'))).toContain('Open the course');
    expect(words(await say(ALEX, 'thanks'))).toContain("You're welcome");
    // 9. Megan: the manager's view
    expect(words(await say(MEGAN, 'my team'))).toContain('Your team');
    expect(words(await say(MEGAN, 'who is overdue'))).toContain('Who is overdue');
    expect(words(await say(MEGAN, "who hasn't done fire safety"))).toContain('Who is not done (not in date) for Fire Safety');
    expect(words(await say(MEGAN, 'is patti compliant'))).toContain('Patti Fernandez is not cleared to work');
    expect(words(await say(MEGAN, 'is Alex Wilber cleared to work?'))).toContain('Alex Wilber');
    expect(words(await say(MEGAN, "what's my team's compliance percentage"))).toContain("Your team's compliance");
    expect(words(await say(MEGAN, 'anything for me to approve?'))).toContain('Nothing is waiting for your decision');
    const dna = cardsOf((await say(MEGAN, 'Alex Wilber did not attend fire safety on 3/11, off sick'))[0]!)[0]!;
    expect(dna.body).toContainEqual(expect.objectContaining({ id: 'staffId', value: ALEX_ID }));
    // 10. Lynne: back from maternity leave
    expect(words(await say(LYNNE, "I'm back from maternity leave"))).toContain('Welcome back, Lynne');
    // 11. anyone
    expect(words(await say(ALEX, 'I need a reasonable adjustment'))).toContain('Request recorded');
    expect(words(await say(ALEX, "this training doesn't cover a real risk"))).toContain('Thank you for speaking up');
    expect(words(await say(ALEX, 'help'))).toContain("I'm Mandatory Learning");
  });
});
