import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogueAdminView, EvidenceItemView, PersonAdminView, ProposalDto, ProposalListView } from '../../tab/shared/admin-api.js';
import type { MyLearningView, TeamView } from '../../tab/shared/learning-api.js';
import { ALEX } from '../support/activities.js';
import { cardsOf, cardText } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE_USER, apiClient, sayHello, waitUntil } from './learning-api-client.js';

const ALEX_ID = 'E9000020';
const MEGAN_ID = 'E9000021';
const ADELE_ID = 'E9000022';
const ISAIAH_ID = 'E9000023';
const PATTI_ID = 'E9000024';

describe('learning and development administration in the tab', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let call: ReturnType<typeof apiClient>;
  let secondAdminId: string;
  const item = async (staffId: string, subjectId: string) => (await call<MyLearningView>(staffId, 'GET', '/api/learning/me')).body.items.find((i) => i.subjectId === subjectId);
  const catalogue = async () => (await call<CatalogueAdminView>(ADELE_ID, 'GET', '/api/admin/catalogue')).body;
  const lastAudit = async () => (await app.services.auditLog.list()).at(-1)!;

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
    call = apiClient(app.server.url);
    await sayHello(app.server.url, connector.serviceUrl, [ALEX, ADELE_USER]);
    // A second administrator and MLOG member, so one can decide what the other brought or proposed.
    const other = (await app.services.summaries.listAll()).find((s) => s.orgUnit.includes('Learning and Development') && s.staffId !== ADELE_ID) ?? (await app.services.summaries.listAll()).find((s) => !s.staffId.startsWith('E90000'))!;
    const person = (await app.services.staff.getPerson(other.staffId))!;
    await app.services.staff.savePerson({ ...person, permissions: ['ld-admin', 'mlog'] });
    await app.services.directory.index({ ...person, permissions: ['ld-admin', 'mlog'] }, person);
    secondAdminId = person.id;
  });

  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it('when someone who is not an administrator tries to read or change the matrix, then it is refused and nothing changes', async () => {
    expect((await call(ALEX_ID, 'GET', '/api/admin/catalogue')).status).toBe(403);
    const fire = (await catalogue()).topics.find((t) => t.value.id === 'fire-safety-1')!;
    const attempt = await call(MEGAN_ID, 'PUT', '/api/admin/topics/fire-safety-1', { value: { ...fire.value, renewalMonths: 120 }, etag: fire.etag });
    expect(attempt.status).toBe(403);
    expect((await catalogue()).topics.find((t) => t.value.id === 'fire-safety-1')).toEqual(fire);
  });

  it('when Adele changes fire safety’s renewal to 3 years, then Alex’s status changes at once, the change is audited, and the summaries are refreshed in the background', async () => {
    expect(await item(ALEX_ID, 'fire-safety')).toMatchObject({ status: 'overdue', dueDate: '2026-10-22' });
    const fire = (await catalogue()).topics.find((t) => t.value.id === 'fire-safety-1')!;
    const bad = await call(ADELE_ID, 'PUT', '/api/admin/topics/fire-safety-1', { value: { ...fire.value, renewalMonths: 0, methods: [], link: 'javascript:alert(1)' }, etag: fire.etag });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.problems).toHaveLength(3);
    const saved = await call(ADELE_ID, 'PUT', '/api/admin/topics/fire-safety-1', { value: { ...fire.value, renewalMonths: 36 }, etag: fire.etag });
    expect(saved.status).toBe(200);
    expect(await item(ALEX_ID, 'fire-safety')).toMatchObject({ status: 'in-date', dueDate: '2027-10-22', compliant: true });
    expect(await lastAudit()).toMatchObject({ actorId: ADELE_ID, action: 'matrix.topic-changed', target: 'fire-safety-1', details: { before: { renewalMonths: 24 }, after: { renewalMonths: 36 } } });

    const stale = await call(ADELE_ID, 'PUT', '/api/admin/topics/fire-safety-1', { value: { ...fire.value, renewalMonths: 12 }, etag: fire.etag });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.current.value.renewalMonths).toBe(36);

    await waitUntil(async () => (await call(ADELE_ID, 'GET', '/api/admin/summary-refresh')).body.job?.state === 'done', 20_000);
    const job = (await call(ADELE_ID, 'GET', '/api/admin/summary-refresh')).body.job;
    expect(job.total).toBeGreaterThan(30);
    expect(job.done).toBe(job.total);
    expect((await app.services.summaries.get(ALEX_ID))!.items.find((i) => i.subjectId === 'fire-safety')).toMatchObject({ dueDate: '2027-10-22', validUntil: '2027-10-22' });

    expect((await call(MEGAN_ID, 'POST', '/api/admin/summary-refresh', {})).status).toBe(403);
    const everyone = await call(ADELE_ID, 'POST', '/api/admin/summary-refresh', {});
    expect(everyone.body.job).toMatchObject({ state: 'running' });
    await waitUntil(async () => (await call(ADELE_ID, 'GET', '/api/admin/summary-refresh')).body.job?.state === 'done', 20_000);
    expect((await call(ADELE_ID, 'GET', '/api/admin/summary-refresh')).body.job.total).toBe((await app.services.summaries.listAll()).length);
  });

  it('when a role’s requirements change, then the people holding it see it at once; a topic a role relies on cannot be removed', async () => {
    const role = (await catalogue()).roles.find((r) => r.value.id === 'practice-nurse')!;
    const bad = await call(ADELE_ID, 'PUT', '/api/admin/roles/practice-nurse', { value: { ...role.value, requirements: [...role.value.requirements, { subjectId: 'fire-safety', level: 7 }] }, etag: role.etag });
    expect(bad.status).toBe(422);
    const without = role.value.requirements.filter((r) => r.subjectId !== 'conflict-resolution');
    expect((await call(ADELE_ID, 'PUT', '/api/admin/roles/practice-nurse', { value: { ...role.value, requirements: without }, etag: role.etag })).status).toBe(200);
    expect(await item(ALEX_ID, 'conflict-resolution')).toBeUndefined();
    const topic = (await catalogue()).topics.find((t) => t.value.id === 'ig-1')!;
    const removal = await call(ADELE_ID, 'DELETE', `/api/admin/topics/ig-1?etag=${encodeURIComponent(topic.etag)}`);
    expect(removal.status).toBe(409);
    expect(removal.body.error.code).toBe('in-use');
  });

  it('when Adele moves Patti to another line manager, then both teams follow at once, and the change is refused for oneself, non-administrators and bad input', async () => {
    const patti = (await call<PersonAdminView>(ADELE_ID, 'GET', `/api/admin/people/${PATTI_ID}`)).body;
    expect(patti.managers).toEqual([{ staffId: MEGAN_ID, name: 'Megan Bowen' }]);
    expect((await call(MEGAN_ID, 'PUT', `/api/admin/people/${PATTI_ID}`, { managerIds: [ISAIAH_ID] })).status).toBe(403);
    expect((await call(ADELE_ID, 'PUT', `/api/admin/people/${ADELE_ID}`, { managerIds: [MEGAN_ID] })).status).toBe(403);
    const invalid = await call(ADELE_ID, 'PUT', `/api/admin/people/${PATTI_ID}`, { managerIds: [PATTI_ID], roles: [{ roleId: 'astronaut', start: '2026-01-01' }] });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.problems).toHaveLength(2);
    const stale = await call(ADELE_ID, 'PUT', `/api/admin/people/${PATTI_ID}`, { managerIds: [ISAIAH_ID], basedOn: { managerIds: ['E0000001'] } });
    expect(stale.status).toBe(409);

    const moved = await call(ADELE_ID, 'PUT', `/api/admin/people/${PATTI_ID}`, { managerIds: [ISAIAH_ID], basedOn: { managerIds: patti.managerIds } });
    expect(moved.status).toBe(200);
    expect((await call<TeamView>(MEGAN_ID, 'GET', '/api/team')).body.members.map((m) => m.staffId)).not.toContain(PATTI_ID);
    expect((await call<TeamView>(ISAIAH_ID, 'GET', '/api/team')).body.members.map((m) => m.staffId)).toEqual([PATTI_ID]);
    expect((await app.services.summaries.get(PATTI_ID))!.managerIds).toEqual([ISAIAH_ID]);
    expect(await lastAudit()).toMatchObject({ action: 'person.updated', target: PATTI_ID, details: { managerIds: { before: [MEGAN_ID], after: [ISAIAH_ID] } } });

    const away = await call(ADELE_ID, 'PUT', `/api/admin/people/${PATTI_ID}`, { absences: [{ from: '2026-11-01', kind: 'sickness' }] });
    expect(away.status).toBe(200);
    expect((await call<TeamView>(ISAIAH_ID, 'GET', '/api/team')).body.members[0]!.away).toBe(true);
  });

  it('when a certificate is verified, then it counts at once and the learner is told; a rejection needs a reason and is told; nobody verifies their own', async () => {
    await call(ALEX_ID, 'POST', '/api/learning/me/certificates', { topicId: 'oliver-mcgowan-2', completedOn: '2026-05-04', employer: 'North Bristol NHS Trust' });
    await call(ALEX_ID, 'POST', '/api/learning/me/certificates', { topicId: 'resuscitation-3', completedOn: '2026-08-04', employer: 'A Locum Agency' });
    await call(ADELE_ID, 'POST', '/api/learning/me/certificates', { topicId: 'edhr-1', completedOn: '2026-08-04', employer: 'Somewhere NHS Trust' });
    expect((await call(MEGAN_ID, 'GET', '/api/admin/evidence')).status).toBe(403);
    const queue = (await call<{ items: EvidenceItemView[] }>(ADELE_ID, 'GET', '/api/admin/evidence')).body.items;
    expect(queue.map((i) => `${i.learnerName}: ${i.topic}`)).toEqual(expect.arrayContaining([expect.stringContaining('Alex Wilber: Oliver McGowan'), 'Alex Wilber: Resuscitation (Level 3 immediate life support)']));
    const ommt = queue.find((i) => i.topic.includes('Oliver'))!;
    expect(ommt).toMatchObject({ employer: 'North Bristol NHS Trust', completedOn: '2026-05-04', expiresOn: '2029-05-04', required: true });
    const own = queue.find((i) => i.learnerId === ADELE_ID)!;
    const ownAttempt = await call(ADELE_ID, 'POST', `/api/admin/evidence/${ADELE_ID}/${own.recordId}`, { decision: 'verify' });
    expect(ownAttempt.status).toBe(403);
    expect(ownAttempt.body.error.code).toBe('own-evidence');
    expect((await call(secondAdminId, 'POST', `/api/admin/evidence/${ADELE_ID}/${own.recordId}`, { decision: 'verify' })).status).toBe(200);

    expect(await item(ALEX_ID, 'oliver-mcgowan')).toMatchObject({ status: 'overdue' });
    const before = connector.messages.length;
    const verified = await Promise.all([1, 2, 3].map(() => call(ADELE_ID, 'POST', `/api/admin/evidence/${ALEX_ID}/${ommt.recordId}`, { decision: 'verify' })));
    expect(verified.map((v) => v.status).sort()).toEqual([200, 409, 409]);
    expect(await item(ALEX_ID, 'oliver-mcgowan')).toMatchObject({ status: 'in-date', dueDate: '2029-05-04', compliant: true });

    const resus = queue.find((i) => i.topic.includes('Resuscitation'))!;
    const noReason = await call(ADELE_ID, 'POST', `/api/admin/evidence/${ALEX_ID}/${resus.recordId}`, { decision: 'reject' });
    expect(noReason.status).toBe(422);
    expect((await call(ADELE_ID, 'POST', `/api/admin/evidence/${ALEX_ID}/${resus.recordId}`, { decision: 'reject', reason: 'Not a recognised ILS provider' })).status).toBe(200);
    const mine = (await call<MyLearningView>(ALEX_ID, 'GET', '/api/learning/me')).body;
    expect(mine.requests.find((r) => r.kind === 'evidence' && r.subject.includes('Resuscitation'))).toMatchObject({ state: 'rejected', comment: 'Not a recognised ILS provider', decidedBy: 'Adele Vance' });
    expect((await call<{ items: EvidenceItemView[] }>(ADELE_ID, 'GET', '/api/admin/evidence')).body.items.filter((i) => i.learnerId === ALEX_ID)).toEqual([]);

    await waitUntil(() => connector.messages.slice(before).filter((m) => m.conversationId === `a:personal-${ALEX.id}`).length >= 2);
    const told = connector.messages.slice(before).filter((m) => m.conversationId === `a:personal-${ALEX.id}`).map((m) => cardText(cardsOf(m.activity as never)[0]));
    expect(told.join('\n')).toContain('Certificate verified');
    expect(told.join('\n')).toContain('Reason: “Not a recognised ILS provider”');
    expect((await app.services.auditLog.list()).filter((e) => e.action.startsWith('evidence.')).map((e) => e.action)).toEqual(['evidence.verified', 'evidence.verified', 'evidence.rejected']);
  });

  it('when Alex asks for an exemption, then it is in the MLOG queue and decided there with the same use case as the card (and the card is updated)', async () => {
    const before = connector.messages.length;
    expect((await call(ALEX_ID, 'POST', '/api/learning/me/exemptions', { subjectId: 'moving-handling', reason: 'I only do telephone triage' })).status).toBe(200);
    await waitUntil(() => connector.messages.slice(before).some((m) => m.conversationId === `a:personal-${ADELE_USER.id}`));
    expect((await call(MEGAN_ID, 'GET', '/api/admin/exemptions')).status).toBe(403);
    const queue = (await call(ADELE_ID, 'GET', '/api/admin/exemptions')).body.items;
    expect(queue).toEqual([expect.objectContaining({ learnerName: 'Alex Wilber', subject: 'Moving and Handling', reason: 'I only do telephone triage', role: 'Practice Nurse' })]);
    const path = `/api/admin/exemptions/${ALEX_ID}/${queue[0].requestId}/decision`;
    expect((await call(ALEX_ID, 'POST', path, { decision: 'approve' })).body.error.code).toBe('own-request');
    const updatesBefore = connector.updates.length;
    expect((await call(ADELE_ID, 'POST', path, { decision: 'approve', comment: 'Agreed for triage-only roles' })).status).toBe(200);
    expect(await item(ALEX_ID, 'moving-handling')).toMatchObject({ status: 'exempt' });
    await waitUntil(() => connector.updates.length > updatesBefore);
    expect(cardText(cardsOf(connector.updates.at(-1)!.activity as never)[0])).toContain('Approved by Adele Vance');
    expect((await call(ADELE_ID, 'GET', '/api/admin/exemptions')).body.items).toEqual([]);
  });

  it('when a subject matter expert proposes a local topic, then the MLOG asks, the proposer answers, and an approval becomes a topic with its requirements; the decision stays on record', async () => {
    const content = {
      title: 'Sepsis Recognition',
      risk: 'Three serious incidents last year where sepsis was recognised late in primary care.',
      outcomeMeasures: 'Time to antibiotics; NEWS2 recorded in 95% of acute presentations.',
      audiences: 'Clinical staff who see acutely unwell patients',
      staffGroups: ['Nursing and Midwifery Registered', 'Medical and Dental'],
      learningOutcomes: 'Recognise red flags, score NEWS2, escalate using SBAR.',
      deliveryMethods: ['e-learning', 'session'],
      renewalMonths: 24,
      competenceAssessment: 'Scenario-based assessment at the end of the session.',
      roleIds: ['practice-nurse'],
    };
    const incomplete = await call(ISAIAH_ID, 'POST', '/api/proposals', { ...content, risk: 'bad', staffGroups: [], roleIds: ['astronaut'] });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.details.problems).toHaveLength(3);
    const created = await call<ProposalDto>(ISAIAH_ID, 'POST', '/api/proposals', content);
    expect(created.status).toBe(200);
    const id = created.body.id;
    expect((await call<ProposalListView>(MEGAN_ID, 'GET', '/api/proposals')).body.proposals).toEqual([]);
    expect((await call(MEGAN_ID, 'GET', `/api/proposals/${id}`)).status).toBe(404);
    expect((await call(MEGAN_ID, 'POST', `/api/proposals/${id}/messages`, { text: 'me too' })).status).toBe(404);

    expect((await call<ProposalDto>(ADELE_ID, 'POST', `/api/proposals/${id}/messages`, { text: 'Which incidents? Please share the reference numbers.' })).body.state).toBe('questions');
    expect((await call<ProposalDto>(ISAIAH_ID, 'POST', `/api/proposals/${id}/messages`, { text: 'DATIX 1234, 1301 and 1377.' })).body.state).toBe('submitted');
    expect((await call(ISAIAH_ID, 'POST', `/api/proposals/${id}/decision`, { decision: 'approve', comment: 'I think so' })).status).toBe(403);
    expect((await call(ADELE_ID, 'POST', `/api/proposals/${id}/decision`, { decision: 'approve', comment: '' })).status).toBe(422);

    const approved = await call<ProposalDto>(ADELE_ID, 'POST', `/api/proposals/${id}/decision`, { decision: 'approve', comment: 'Approved by the MLOG on 20 November', roleIds: ['practice-nurse', 'hca'] });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ state: 'approved', applied: true, decision: { byName: 'Adele Vance', subjectId: 'sepsis-recognition', topicId: 'sepsis-recognition-1', roleIds: ['practice-nurse', 'hca'] } });
    const cat = await catalogue();
    expect(cat.subjects.find((s) => s.value.id === 'sepsis-recognition')!.value).toMatchObject({ name: 'Sepsis Recognition', kind: 'local' });
    expect(cat.topics.find((t) => t.value.id === 'sepsis-recognition-1')!.value).toMatchObject({ renewalMonths: 24, methods: ['e-learning', 'session'] });
    expect(cat.roles.find((r) => r.value.id === 'hca')!.value.requirements).toContainEqual({ subjectId: 'sepsis-recognition', level: 1, since: '2026-11-21' });
    expect(await item(ALEX_ID, 'sepsis-recognition')).toMatchObject({ status: 'not-completed', dueDate: '2027-02-13' });
    expect(await item(PATTI_ID, 'sepsis-recognition')).toBeDefined();
    const late = await call(secondAdminId, 'POST', `/api/proposals/${id}/decision`, { decision: 'decline', comment: 'Not convinced' });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toBe('Already approved by Adele Vance.');

    // Two MLOG members deciding another proposal at once: exactly one decision.
    const other = await call<ProposalDto>(ISAIAH_ID, 'POST', '/api/proposals', { ...content, title: 'Medical Gases Safety', roleIds: [] });
    const race = await Promise.all([
      call<ProposalDto>(ADELE_ID, 'POST', `/api/proposals/${other.body.id}/decision`, { decision: 'decline', comment: 'Covered by fire safety' }),
      call<ProposalDto>(secondAdminId, 'POST', `/api/proposals/${other.body.id}/decision`, { decision: 'approve', comment: 'Worth it' }),
    ]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 409]);

    const onRecord = (await call<ProposalDto>(ISAIAH_ID, 'GET', `/api/proposals/${id}`)).body;
    expect(onRecord.thread.map((m) => m.side)).toEqual(['mlog', 'proposer']);
    expect(onRecord.decision).toBeDefined();
    expect((await app.services.auditLog.list()).some((e) => e.action === 'proposal.approved' && e.target === id)).toBe(true);

    const adeles = await call<ProposalDto>(ADELE_ID, 'POST', '/api/proposals', { ...content, title: 'Lone Working Safety', roleIds: [] });
    expect((await call(ADELE_ID, 'POST', `/api/proposals/${adeles.body.id}/decision`, { decision: 'approve', comment: 'Mine' })).body.error.code).toBe('own-proposal');
  });
});

describe('the impact of a matrix change, over the API', () => {
  it('when an administrator asks what a shorter renewal would do, then the counts come back and nothing is written; anyone else is refused', async () => {
    const app = await startTestApp();
    try {
      const ask = (as: string, body: unknown) => fetch(`${app.server.url}/api/admin/impact`, { method: 'POST', headers: { authorization: `Bearer dev:${as}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const before = await app.services.catalogueRows.list();
      const fire = before.topics.find((t) => t.value.id === 'fire-safety-1')!;
      const answer = await ask('E9000022', { topics: [{ ...fire.value, renewalMonths: 3 }] });
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as { impact: { checked: number; becomeOverdue: number }; sentence: string; changesDueDates: boolean };
      expect(body.impact.checked).toBeGreaterThan(0);
      expect(body.impact.becomeOverdue).toBeGreaterThan(0);
      expect(body.changesDueDates).toBe(true);
      expect(body.sentence).toMatch(/become overdue/);
      const after = await app.services.catalogueRows.list();
      expect(after.topics.find((t) => t.value.id === 'fire-safety-1')).toEqual(fire);
      expect((await ask('E9000021', { topics: [{ ...fire.value, renewalMonths: 3 }] })).status).toBe(403);
    } finally {
      await app.stop();
    }
  });
});
