import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whatsDue } from '../../core/learning/whats-due.js';
import { addDays, formatLocalDate } from '../../core/time/local-date.js';
import { ALEX, exchange, MEGAN, messageActivity, PATTI, submitActivity, type TeamsUser } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { button, firstCard, input, submitActions, words } from './conversation-support.js';

const ALEX_ID = 'E9000020';
const PATTI_ID = 'E9000024';

describe('learners in chat, read by the language model: clarifying, levels, dates, requests, links, closers', () => {
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

  it('when a message has two close readings, then a card offers them as buttons, and each button answers that meaning', async () => {
    const card = firstCard(await say(ALEX, 'ig course'));
    expect(words([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] }])).toContain('Did you mean');
    const meanings = submitActions(card).filter((a) => a.data.verb === 'choose-meaning');
    expect(meanings.length).toBeGreaterThanOrEqual(2);
    expect(meanings.length).toBeLessThanOrEqual(3);
    const where = meanings.find((a) => a.data.intent === 'where-to-do');
    expect(where?.title).toBe('Where do I do Information Governance and Data Security');
    const answer = words(await press(ALEX, where!.data));
    expect(answer).toContain('Where to do Information Governance and Data Security');
    expect(answer).toContain('Open the course');
    expect(words(await press(ALEX, button(card, 'Something else').data))).toContain("I'm Mandatory Learning");
    // A forged meaning is refused at the edge.
    expect(words(await press(ALEX, { verb: 'choose-meaning', intent: 'delete-everything', text: 'ig course' }))).toContain('Some of the form was not right');
  });

  it('when a learner states a level below the one their role needs, then they are asked first, and the level they choose is the one recorded', async () => {
    const question = firstCard(await say(ALEX, 'I did my safeguarding children level 2 on 3rd March'));
    const text = words([{ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: question }] }]);
    expect(text).toContain('Your role needs Safeguarding Children (Level 3). Safeguarding Children (Level 2) does not count for it. Record Safeguarding Children (Level 2) anyway?');
    const form = firstCard(await press(ALEX, button(question, 'Record Safeguarding Children (Level 2)').data));
    expect(input(form, 'subjectId')).toMatchObject({ value: 'safeguarding-children', choices: [expect.objectContaining({ title: expect.stringContaining('Safeguarding Children (Level 2)') })] });
    expect(input(form, 'completedOn')).toMatchObject({ value: '2026-03-03' });
    expect(button(form, 'Record it').data).toMatchObject({ verb: 'record-submit', level: 2 });
    const done = words(await press(ALEX, { ...button(form, 'Record it').data, subjectId: 'safeguarding-children', method: 'session', completedOn: '2026-03-03' }));
    expect(done).toContain('Recorded: Safeguarding Children (Level 2)');
    const record = (await app.services.staff.getBundle(ALEX_ID))!.records.find((r) => r.subjectId === 'safeguarding-children' && r.completedOn === '2026-03-03');
    expect(record).toMatchObject({ level: 2, method: 'session' });
    // Level 2 does not satisfy Level 3: still what it was.
    expect(words(await say(ALEX, 'is my safeguarding children in date'))).toContain('Safeguarding Children (Level 3) is in date');
  });

  it('when no level is stated, then the level the role needs is meant, and a day of the month is read as that day', async () => {
    const prevent = firstCard(await say(ALEX, 'I did my Prevent training on Monday'));
    expect(input(prevent, 'subjectId')).toMatchObject({ value: 'prevent', choices: [expect.objectContaining({ title: expect.stringContaining('Prevent Level 3') })] });
    expect(input(prevent, 'completedOn')).toMatchObject({ value: '2026-11-16' });
    expect(button(prevent, 'Record it').data).toMatchObject({ level: 3 });
    const conflict = firstCard(await say(ALEX, 'I did conflict resolution on the 5th'));
    expect(input(conflict, 'completedOn')).toMatchObject({ value: '2026-11-05' });
    const impossible = firstCard(await say(ALEX, 'I did my fire drill on 31/02'));
    expect(input(impossible, 'completedOn')?.value).toBeUndefined();
    expect(words(await say(ALEX, 'I did my fire drill on 31/02'))).toContain('I couldn\'t read “31/02” as a date');
  });

  it('when a learner asks for a couple more weeks, then the new date is counted from the current due date and shown before anything is sent', async () => {
    const due = await whatsDue(app.services.learning, ALEX_ID);
    const ig = due.kind === 'ok' ? due.compliance.items.find((i) => i.subjectId === 'ig')! : undefined;
    const form = firstCard(await say(ALEX, 'my IG is due soon can i have a couple more weeks'));
    const expected = addDays(ig!.dueDate!, 14);
    expect(input(form, 'subjectId')).toMatchObject({ value: 'ig' });
    expect(input(form, 'requestedDate')).toMatchObject({ value: expected });
    expect(words(await say(ALEX, 'my IG is due soon can i have a couple more weeks'))).toContain(`2 weeks more is ${formatLocalDate(expected)}`);
    expect((await app.services.staff.getBundle(ALEX_ID))!.extensions).toEqual([]);
  });

  it('when a learner asks what happened to their request, then they see the stored decision: who, when and the comment', async () => {
    expect(words(await say(PATTI, 'has my extension been approved?'))).toContain('You have no extension requests on record');
    await say(PATTI, "can I have an extension for IG until 15 February, I'm on annual leave");
    const pending = words(await say(PATTI, 'has my extension been approved?'));
    expect(pending).toContain('Extension: Information Governance and Data Security');
    expect(pending).toContain('Waiting for Megan Bowen');
    const request = (await app.services.staff.getBundle(PATTI_ID))!.extensions[0]!;
    await press(MEGAN, { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: PATTI_ID, decision: 'approve', comment: 'Fine, enjoy the break' });
    const decided = words(await say(PATTI, 'what happened to my extension request'));
    expect(decided).toMatch(/\*\*Approved\*\* by Megan Bowen on \d+ \w+ 2026/);
    expect(decided).toContain('Fine, enjoy the break');
    expect(decided).toContain('to 15 Feb 2027');
  });

  it('when a learner asks where to do a topic, then the catalogue’s link for the level they need comes back', async () => {
    const text = words(await say(ALEX, 'where do I do my IG training'));
    expect(text).toContain('Where to do Information Governance and Data Security');
    expect(text).toContain('https://portal.e-lfh.org.uk/');
  });

  it('when a learner says thanks, hello or ok, then a short friendly answer comes back, not the help card', async () => {
    expect(words(await say(ALEX, 'thanks'))).toBe("You're welcome. I'm here whenever you need me.");
    expect(words(await say(ALEX, 'cheers'))).toBe("You're welcome. I'm here whenever you need me.");
    expect(words(await say(ALEX, 'hi'))).toContain('Hello!');
  });

  it('when a learner asks about someone else, then it is refused without revealing anything, never answered with their own record', async () => {
    for (const text of ['is patti compliant', "show me Patti's training", 'can alex work?']) {
      const answer = words(await say(PATTI, text));
      expect(answer).toContain('I can only answer about people in your team');
      expect(answer).not.toContain('Your mandatory learning');
      expect(answer).not.toContain('in date');
    }
  });
});
