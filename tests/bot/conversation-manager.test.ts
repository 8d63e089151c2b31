import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { teamStatuses } from '../../core/learning/team-statuses.js';
import { exchange, MEGAN, messageActivity, submitActivity, type TeamsUser } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { button, firstCard, words } from './conversation-support.js';

const MEGAN_ID = 'E9000021';

describe('the line manager in chat, read by the language model: filters, one person, percentage, approvals', () => {
  let app: TestApp;
  let connector: FakeConnector;
  const say = (user: TeamsUser, text: string) => exchange(app.server.url, messageActivity(user, text, connector.serviceUrl));
  const press = (user: TeamsUser, value: Record<string, unknown>) => exchange(app.server.url, submitActivity(user, value, connector.serviceUrl));
  const team = () => teamStatuses({ ...app.services.learning, teams: app.services.teams }, MEGAN_ID);
  const peopleOn = (text: string) => [...text.matchAll(/\*\*([^*]+)\*\*\n/g)].map((m) => m[1]!).sort();

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp({ staff: 120 }), startFakeConnector()]);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it("when Megan asks who hasn't done fire safety, then exactly the people without it in date are listed, with that subject only", async () => {
    const text = words(await say(MEGAN, "who in my team hasn't done fire safety"));
    expect(text).toContain('Who is not done (not in date) for Fire Safety');
    const expected = (await team()).filter((m) => m.items.some((i) => i.subjectId === 'fire-safety' && !i.compliant && i.status !== 'exempt')).map((m) => m.name).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(peopleOn(text)).toEqual(expected.slice(0, 20));
    expect(text).toContain('Alex Wilber');
    expect(text).not.toMatch(/Information Governance/);
  });

  it("when Megan asks who's due soon, then only people with something due within the window are listed", async () => {
    const text = words(await say(MEGAN, "who's due soon"));
    expect(text).toContain('Who is due soon');
    const expected = (await team()).filter((m) => m.items.some((i) => i.status === 'due-soon')).map((m) => m.name).sort();
    expect(peopleOn(text)).toEqual(expected.slice(0, 20));
    expect(text).not.toContain(': overdue');
  });

  it('when Megan asks which of her staff are overdue on safeguarding, then both safeguarding subjects are the filter, overdue only', async () => {
    const text = words(await say(MEGAN, 'which of my staff are overdue on safeguarding'));
    expect(text).toContain('Who is overdue for Safeguarding Adults and Safeguarding Children');
    const expected = (await team()).filter((m) => m.items.some((i) => i.subjectId.startsWith('safeguarding') && i.status === 'overdue')).map((m) => m.name).sort();
    expect(peopleOn(text)).toEqual(expected.slice(0, 20));
    const page = firstCard(await say(MEGAN, 'which of my staff are overdue on safeguarding'));
    expect(button(page, 'Whole team').data).toMatchObject({ verb: 'team-page', filter: 'all' });
  });

  it("when Megan asks for her team's compliance percentage, then it is the share of requirements in date, overall and by subject", async () => {
    const members = await team();
    const items = members.flatMap((m) => m.items).filter((i) => i.status !== 'exempt');
    const percent = Math.floor((items.filter((i) => i.compliant).length * 1000) / items.length) / 10;
    const text = words(await say(MEGAN, "what's my team's compliance percentage"));
    expect(text).toContain("Your team's compliance");
    expect(text).toContain(`**${percent}%** in date: ${items.filter((i) => i.compliant).length} of ${items.length} requirements`);
    expect(text).toContain('Fire Safety');
    expect(words(await say(MEGAN, 'what percentage of my team are in date for IG'))).toContain("Your team's compliance: Information Governance and Data Security");
  });

  it('when Megan asks about one person, by first name, possessive or "can … work", then she gets that person’s status and nobody else’s', async () => {
    const patti = words(await say(MEGAN, 'is patti compliant'));
    expect(patti).toContain('No: Patti Fernandez is not cleared to work');
    expect(patti).not.toContain('Megan');
    expect(words(await say(MEGAN, "show me Alex's training"))).toContain('Alex Wilber is not cleared to work');
    expect(words(await say(MEGAN, 'can alex work?'))).toContain('Alex Wilber');
    const fire = words(await say(MEGAN, 'has Lynne done her fire safety'));
    expect(fire).toContain('Lynne Robbins: Fire Safety');
    expect(fire).not.toContain('cleared to work');
  });

  it('when Megan asks about someone outside her team, then the answer reveals nothing, whether or not they exist', async () => {
    const adele = words(await say(MEGAN, 'is Adele Vance compliant?'));
    const nobody = words(await say(MEGAN, 'is Zebedee Quux compliant?'));
    for (const text of [adele, nobody]) {
      expect(text).toContain('I can only answer about people in your team');
      expect(text).not.toMatch(/in date|overdue|cleared/);
    }
    // A button naming someone outside the team is refused the same way.
    expect(words(await press(MEGAN, { verb: 'choose-person', intent: 'person-status', staffId: 'E9000022', text: 'is Adele compliant' }))).toContain('I can only answer about people in your team');
    expect(words(await press(MEGAN, { verb: 'choose-person', intent: 'person-status', staffId: 'E9000024', text: 'is Patti compliant' }))).toContain('Patti Fernandez');
  });

  it('when a name matches two people of the team, then she is asked which one, and each button answers for that person', async () => {
    // Two people called Jordan join Megan's team (nobody else in these tests asks about a Jordan).
    const patti = (await app.services.staff.getPerson('E9000024'))!;
    for (const [id, name] of [['E9000097', 'Jordan Reid'], ['E9000098', 'Jordan Blake']] as const) {
      const person = { ...patti, id, name, email: `${id}@example.com`, aadObjectId: `00000000-0000-0000-0000-00000${id.slice(1)}` };
      await app.services.staff.savePerson(person);
      await app.services.teams.index(person);
    }
    const text = words(await say(MEGAN, 'is jordan compliant'));
    expect(text).toContain('Which one?');
    const card = firstCard(await say(MEGAN, 'is jordan compliant'));
    expect(button(card, 'Jordan Reid').data).toMatchObject({ verb: 'choose-person', intent: 'person-status', staffId: 'E9000097' });
    expect(words(await press(MEGAN, button(card, 'Jordan Blake').data))).toContain('Jordan Blake');
    expect(words(await say(MEGAN, 'is Jordan Reid compliant'))).toContain('Jordan Reid is not cleared to work');
  });

  it('when Megan asks if there is anything for her to approve, then the pending requests come back', async () => {
    expect(words(await say(MEGAN, 'anything for me to approve?'))).toMatch(/Pending requests|Extension request/);
  });
});
