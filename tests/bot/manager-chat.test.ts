import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALEX, exchange, MEGAN, messageActivity, submitActivity, type ReplyActivity, type TeamsUser } from '../support/activities.js';
import { cardsOf, cardText, expectValidCard } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const ALEX_ID = 'E9000020';

function words(replies: ReplyActivity[]): string {
  return replies
    .flatMap((r) => cardsOf(r))
    .map((c) => (expectValidCard(c), cardText(c)))
    .join('\n---\n');
}

describe('the line manager in chat: team, overdue, pending requests, did not attend, cleared to work', () => {
  let app: TestApp;
  let connector: FakeConnector;
  const say = (user: TeamsUser, text: string) => exchange(app.server.url, messageActivity(user, text, connector.serviceUrl));
  const press = (user: TeamsUser, value: Record<string, unknown>) => exchange(app.server.url, submitActivity(user, value, connector.serviceUrl));

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp({ staff: 250 }), startFakeConnector()]);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it("when Megan asks for her team, then each person's compliance and overdue items come worst first, 20 a page", async () => {
    const replies = await say(MEGAN, 'how is my team doing?');
    const card = cardsOf(replies[0]!)[0]!;
    expectValidCard(card);
    const text = cardText(card);
    expect(text).toContain('Your team');
    expect(text).toMatch(/Page 1 of 2/);
    expect(text).toContain('**Alex Wilber** · ');
    expect(text).toMatch(/Overdue: [^\n]*Fire Safety/);
    const team = await app.services.teams.listTeam('E9000021');
    expect(team.length).toBeGreaterThan(20);
    // Worst first: the first person shown has at least as many overdue items as anyone after.
    const overdueCounts = [...text.matchAll(/Overdue: ([^\n]*)/g)].map((m) => m[1]!.split('; ').length);
    expect(overdueCounts).toEqual([...overdueCounts].sort((a, b) => b - a));
    const next = words(await press(MEGAN, { verb: 'team-page', page: 2, filter: 'all' }));
    expect(next).toContain('Page 2 of 2');
  });

  it('when Megan asks who is overdue, then only people with something overdue are listed', async () => {
    const text = words(await say(MEGAN, 'who is overdue?'));
    expect(text).toContain('Who is overdue');
    const people = [...text.matchAll(/\*\*([^*]+)\*\* · /g)].map((m) => m[1]);
    const overdueLines = [...text.matchAll(/Overdue: /g)];
    expect(people.length).toBe(overdueLines.length);
    expect(people).toContain('Alex Wilber');
  });

  it('when a learner with no team asks for their team, then they are told so', async () => {
    expect(words(await say(ALEX, 'my team'))).toContain('You have nobody in your team on record');
  });

  it("when Megan asks for pending requests, then she gets the approval card of Alex's open request", async () => {
    expect(words(await say(MEGAN, 'pending requests'))).toContain('Nothing is waiting for your decision');
    await say(ALEX, "can I have an extension for fire safety until 10 January because I'm on nights");
    const text = words(await say(MEGAN, 'pending requests'));
    expect(text).toContain('Extension request: Alex Wilber');
    expect(text).toContain('Approve');
  });

  it('when Megan asks whether people are cleared to work, then she gets yes or no with what is missing, and only for her team', async () => {
    const no = words(await say(MEGAN, 'is Alex Wilber cleared to work?'));
    expect(no).toContain('No: Alex Wilber is not cleared to work');
    expect(no).toContain('Fire Safety: **overdue** · due 22 Oct 2026');
    const typo = words(await say(MEGAN, 'is lynne robins cleared to work'));
    expect(typo).toContain('Lynne Robbins');

    const team = await app.services.teams.listTeam('E9000021');
    const summaries = await app.services.summaries.listAll();
    const compliantMember = team.find((m) => {
      const s = summaries.find((x) => x.staffId === m.staffId);
      return s && s.items.length > 0 && s.items.every((i) => i.validUntil === null || (i.validUntil !== undefined && i.validUntil >= '2026-11-21'));
    });
    expect(compliantMember).toBeDefined();
    expect(words(await say(MEGAN, `is ${compliantMember!.name} cleared to work?`))).toMatch(/Yes: .* is cleared to work|Several people in your team match/);

    const outside = words(await say(MEGAN, 'is Adele Vance cleared to work?'));
    expect(outside).toContain('I can only answer about people in your team');
    expect(outside).not.toContain('in date');
  });

  it('when Megan says someone did not attend, then the form comes back filled in and the record is stored on submit', async () => {
    const form = await say(MEGAN, 'Alex Wilber did not attend fire safety on 3/11, off sick');
    const card = cardsOf(form[0]!)[0]!;
    expectValidCard(card);
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'staffId', value: ALEX_ID }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'subjectId', value: 'fire-safety' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'sessionDate', value: '2026-11-03' }));
    expect(card.body).toContainEqual(expect.objectContaining({ id: 'reason', value: 'off sick' }));

    const text = words(await press(MEGAN, { verb: 'dna-submit', staffId: ALEX_ID, subjectId: 'fire-safety', sessionDate: '2026-11-03', reason: 'off sick', plan: 'Rebooked for 1 December' }));
    expect(text).toContain('Did not attend: recorded');
    const bundle = (await app.services.staff.getBundle(ALEX_ID))!;
    expect(bundle.dnaRecords).toEqual([expect.objectContaining({ subjectId: 'fire-safety', sessionDate: '2026-11-03', reason: 'off sick', plan: 'Rebooked for 1 December', recordedBy: 'E9000021' })]);
    expect((await app.services.staff.auditTrail(ALEX_ID)).some((e) => e.action === 'dna.recorded' && e.actorId === 'E9000021')).toBe(true);
  });

  it('when someone records a DNA for a person outside their team, then it is refused and nothing is stored', async () => {
    const text = words(await press(ALEX, { verb: 'dna-submit', staffId: 'E9000025', subjectId: 'fire-safety', sessionDate: '2026-11-03', reason: 'made up' }));
    expect(text).toContain('You can only record non-attendance for people in your team');
    expect((await app.services.staff.getBundle('E9000025'))!.dnaRecords).toEqual([]);
  });
});
