import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { refreshSummary } from '../../core/learning/refresh-summary.js';
import type { StaffBundle } from '../../core/learning/ports.js';
import type { TeamView } from '../../tab/shared/learning-api.js';
import { ALEX, invoke, invokeActivity, MEGAN, type TeamsUser } from '../support/activities.js';
import { cardsOf, cardText } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { apiClient, sayHello, waitUntil } from './learning-api-client.js';

const ALEX_ID = 'E9000020';
const MEGAN_ID = 'E9000021';

describe('the manager’s team in the tab', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let seededAlex: StaffBundle;
  let call: ReturnType<typeof apiClient>;
  let otherManagerId: string;
  let otherManager: TeamsUser;
  const team = async (staffId = MEGAN_ID) => (await call<TeamView>(staffId, 'GET', '/api/team')).body;
  const askExtension = async (subjectId: string, requestedDate: string) => {
    const sent = await call(ALEX_ID, 'POST', '/api/learning/me/extensions', { subjectId, requestedDate, reason: 'On annual leave' });
    expect(sent.status).toBe(200);
    return (await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.subjectId === subjectId && e.state === 'pending')!;
  };

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
    call = apiClient(app.server.url);
    const riverside = (await app.services.summaries.listAll()).find((s) => s.orgUnit.endsWith('Riverside Medical Centre') && s.roleIds.includes('practice-manager'))!;
    otherManagerId = riverside.staffId;
    const person = (await app.services.staff.getPerson(otherManagerId))!;
    otherManager = { id: '29:other', name: person.name, aadObjectId: person.aadObjectId! };
    await sayHello(app.server.url, connector.serviceUrl, [ALEX, MEGAN, otherManager]);
    seededAlex = (await app.services.staff.getBundle(ALEX_ID))!;
  });

  // Each test starts from Alex as seeded (records and requests), whatever ran before it.
  beforeEach(async () => {
    await app.services.staff.change(ALEX_ID, (bundle) => ({ kind: 'write', bundle: { ...seededAlex, person: bundle.person }, result: true }));
    await refreshSummary(app.services.learning, ALEX_ID);
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it('when Megan opens her team, then the matrix has her people × their subjects in colours with words, worst first; another manager does not see them', async () => {
    const view = await team();
    const names = view.members.map((m) => m.name);
    expect(names).toEqual(expect.arrayContaining(['Alex Wilber', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins']));
    const alex = view.members.find((m) => m.staffId === ALEX_ID)!;
    expect(alex.cells.find((c) => c.subjectId === 'fire-safety')).toMatchObject({ status: 'overdue', colour: 'red', dueDate: '2026-10-22' });
    expect(alex.cells.find((c) => c.subjectId === 'ig')).toMatchObject({ colour: 'amber' });
    expect(alex.cells.find((c) => c.subjectId === 'edhr')).toMatchObject({ colour: 'green' });
    expect(view.subjects.map((s) => s.id)).toContain('fire-safety');
    expect(view.members[0]!.overdue).toBeGreaterThanOrEqual(view.members.at(-1)!.overdue);
    const elsewhere = await team(otherManagerId);
    expect(elsewhere.members.map((m) => m.staffId)).not.toContain(ALEX_ID);
    expect((await team(ALEX_ID)).members).toEqual([]);
  });

  it('when a team member holds learning no role of theirs requires, then it shows blue', async () => {
    const catalogue = await app.services.catalogue.load();
    catalogue.subjects.push({ id: 'sepsis', name: 'Sepsis Awareness', kind: 'local', aliases: [] });
    catalogue.topics.push({ id: 'sepsis-1', subjectId: 'sepsis', level: 1, levelName: 'Level 1', renewalMonths: 36, methods: ['e-learning'] });
    await app.services.catalogue.replace(catalogue);
    await app.services.staff.saveRecord(ALEX_ID, { id: 'esr-blue-1', subjectId: 'sepsis', level: 1, completedOn: '2026-09-01' as never, method: 'e-learning', source: { kind: 'esr' }, verification: { state: 'verified' }, recordedAt: new Date().toISOString() });
    const view = await team();
    const alex = view.members.find((m) => m.staffId === ALEX_ID)!;
    expect(alex.cells.find((c) => c.subjectId === 'sepsis')).toEqual({ subjectId: 'sepsis', level: 1, status: 'held-not-required', colour: 'blue', dueDate: null, heldUntil: '2029-09-01' });
    expect(view.subjects.map((s) => s.name)).toContain('Sepsis Awareness');
    expect(view.members.find((m) => m.staffId === 'E9000024')!.cells.some((c) => c.subjectId === 'sepsis')).toBe(false);
  });

  it('when the learner or a manager of another team tries to decide an extension in the tab, then it is refused and stays pending', async () => {
    const request = await askExtension('ig', '2027-01-20');
    const path = `/api/team/extensions/${ALEX_ID}/${request.id}/decision`;
    const own = await call(ALEX_ID, 'POST', path, { decision: 'approve' });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('own-request');
    const stranger = await call(otherManagerId, 'POST', path, { decision: 'approve' });
    expect(stranger.status).toBe(403);
    expect((await team(otherManagerId)).pending.map((p) => p.requestId)).not.toContain(request.id);
    const missing = await call(MEGAN_ID, 'POST', `/api/team/extensions/${ALEX_ID}/f0f0f0f0-0000-4000-8000-000000000000/decision`, { decision: 'approve' });
    expect(missing.status).toBe(404);
    const injected = await call(MEGAN_ID, 'POST', `/api/team/extensions/E9000020'%20or%20'1'='1/${request.id}/decision`, { decision: 'approve' });
    expect(injected.status).toBe(400);
    expect((await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.id === request.id)!.state).toBe('pending');
    expect((await team()).pending.map((p) => p.requestId)).toContain(request.id);
  });

  it('when Megan decides in the tab while clicking Approve on the card at the same time, then exactly one decides, the others are told who did, the card is updated and Alex is told', async () => {
    const request = await askExtension('ig', '2027-01-20');
    const updatesBefore = connector.updates.length;
    const messagesBefore = connector.messages.length;
    const data = { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'approve' };
    const path = `/api/team/extensions/${ALEX_ID}/${request.id}/decision`;
    const [tabAnswers, cardAnswers] = await Promise.all([
      Promise.all(Array.from({ length: 8 }, () => call(MEGAN_ID, 'POST', path, { decision: 'approve', comment: 'Enjoy your leave' }))),
      Promise.all(Array.from({ length: 8 }, () => invoke(app.server.url, invokeActivity(MEGAN, 'decide-request', data, connector.serviceUrl)))),
    ]);
    const tabWins = tabAnswers.filter((a) => a.status === 200);
    const cardWins = cardAnswers.filter((a) => cardText(a.body.value).includes('Approved. Alex Wilber will be told.'));
    expect(tabWins.length + cardWins.length).toBe(1);
    for (const loser of tabAnswers.filter((a) => a.status !== 200)) {
      expect(loser.status).toBe(409);
      expect(loser.body.error.message).toMatch(/You already approved this on|Already approved by Megan Bowen on/);
    }
    for (const loser of cardAnswers.filter((a) => !cardText(a.body.value).includes('Approved. Alex Wilber will be told.'))) {
      expect(cardText(loser.body.value)).toMatch(/You already approved this on|Already approved by Megan Bowen/);
    }
    const bundle = (await app.services.staff.getBundle(ALEX_ID))!;
    expect(bundle.extensions.find((e) => e.id === request.id)).toMatchObject({ state: 'approved', decidedBy: MEGAN_ID });
    expect((await app.services.staff.auditTrail(ALEX_ID)).filter((e) => e.action === 'extension.approved' && e.requestId === request.id)).toHaveLength(1);
    await waitUntil(() => connector.updates.length > updatesBefore && connector.messages.slice(messagesBefore).some((m) => m.conversationId === `a:personal-${ALEX.id}`));
    const update = connector.updates.slice(updatesBefore).find((u) => u.conversationId === `a:personal-${MEGAN.id}`)!;
    expect(cardText(cardsOf(update.activity as never)[0])).toContain('Approved by Megan Bowen');
    const notice = connector.messages.slice(messagesBefore).find((m) => m.conversationId === `a:personal-${ALEX.id}`)!;
    expect(cardText(cardsOf(notice.activity as never)[0])).toContain('It is now due on 20 Jan 2027');
    const view = await team();
    expect(view.pending.map((p) => p.requestId)).not.toContain(request.id);
    expect(view.members.find((m) => m.staffId === ALEX_ID)!.cells.find((c) => c.subjectId === 'ig')).toMatchObject({ status: 'extended', dueDate: '2027-01-20' });
  });

  it('when the card decides first, then a later tab decision is told who decided and nothing changes', async () => {
    const request = await askExtension('fire-safety', '2026-12-20');
    const card = await invoke(app.server.url, invokeActivity(MEGAN, 'decide-request', { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'decline' }, connector.serviceUrl));
    expect(cardText(card.body.value)).toContain('Declined. Alex Wilber will be told.');
    const late = await call(MEGAN_ID, 'POST', `/api/team/extensions/${ALEX_ID}/${request.id}/decision`, { decision: 'approve' });
    expect(late.status).toBe(409);
    expect(late.body.error).toMatchObject({ code: 'already-decided', details: { state: 'declined' } });
    expect((await app.services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.id === request.id)!.state).toBe('declined');
  });

  it('when Megan records a did-not-attend for Alex, then it is listed; for someone outside her team or in the future, it is refused', async () => {
    const future = await call(MEGAN_ID, 'POST', '/api/team/dna', { staffId: ALEX_ID, subjectId: 'fire-safety', sessionDate: '2026-12-03', reason: 'off sick' });
    expect(future.status).toBe(422);
    const outsider = await call(otherManagerId, 'POST', '/api/team/dna', { staffId: ALEX_ID, subjectId: 'fire-safety', sessionDate: '2026-11-03', reason: 'off sick' });
    expect(outsider.status).toBe(403);
    const recorded = await call(MEGAN_ID, 'POST', '/api/team/dna', { staffId: ALEX_ID, subjectId: 'fire-safety', sessionDate: '2026-11-03', reason: 'Off sick', plan: 'Rebooked for 1 December' });
    expect(recorded.status).toBe(200);
    const view = await team();
    expect(view.dna).toEqual([expect.objectContaining({ learnerName: 'Alex Wilber', subject: 'Fire Safety', sessionDate: '2026-11-03', reason: 'Off sick', plan: 'Rebooked for 1 December', recordedBy: 'Megan Bowen' })]);
    expect((await team(otherManagerId)).dna.map((d) => d.learnerId)).not.toContain(ALEX_ID);
  });
});
