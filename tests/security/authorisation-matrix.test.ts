import { requestExtension } from '../../core/learning/approvals.js';
import type { LocalDate } from '../../core/time/local-date.js';
import { tabClient } from '../support/tab-client.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TRUST } from '../../core/demo/generate-organisation.js';
import { DEMO_APPLICATION_ID } from '../../core/demo/demo-workspace.js';
import type { CatalogueAdminView } from '../../tab/shared/admin-api.js';
import { ALEX, exchange, invoke, invokeActivity, MEGAN, messageActivity } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Who may do what, cell by cell, through the real entry points (the tab's HTTP API and the bot's
 * activities): learner, line manager of the learner, a manager of another team, L&D administrator
 * (also in the MLOG), hub reviewer, and someone of the trust with no part in the PCN.
 */
type Actor = 'learner' | 'manager' | 'otherManager' | 'admin' | 'hubReviewer' | 'outsider';
const ID: Record<Actor, string> = { learner: 'E9000020', manager: 'E9000021', admin: 'E9000022', hubReviewer: 'E9000026', otherManager: '', outsider: '' };

let app: TestApp;
let connector: FakeConnector;
let extensionId: string;

beforeAll(async () => {
  connector = await startFakeConnector();
  app = await startTestApp({ staff: 60 });
  const everyone = await app.services.summaries.listAll();
  const trust = everyone.filter((s) => s.orgUnit.startsWith(DEMO_TRUST) && !s.staffId.startsWith('E90000'));
  const managerIds = new Set(trust.flatMap((s) => s.managerIds));
  ID.otherManager = [...managerIds].find((id) => id !== ID.manager && trust.some((s) => s.staffId === id))!;
  ID.outsider = trust.find((s) => !managerIds.has(s.staffId))!.staffId;
  expect(ID.otherManager).toBeTruthy();
  // Alex asks for an extension through the bot: a real pending request to aim decisions at.
  await exchange(app.server.url, messageActivity(ALEX, "can I have an extension for fire safety until 15 January, I'm on leave", connector.serviceUrl));
  extensionId = (await app.services.staff.getBundle(ID.learner))!.extensions.find((e) => e.state === 'pending')!.id;
});

afterAll(async () => {
  await app?.stop();
  await connector?.close();
});

const call = (actor: Actor, method: string, path: string, body?: unknown) => tabClient(app, ID[actor])<unknown>(method, path, body);

const ACTORS: Actor[] = ['learner', 'manager', 'otherManager', 'admin', 'hubReviewer', 'outsider'];

/** Expected status per actor for reads that need no body. */
const READS: [string, string, Partial<Record<Actor, number>>][] = [
  ['read one\'s own learning', '/api/learning/me', { learner: 200, manager: 200, otherManager: 200, admin: 200, hubReviewer: 200, outsider: 200 }],
  ['read the requirement matrix for editing', '/api/admin/catalogue', { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['search people to administer', '/api/admin/people?q=alex', { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ["read someone else's record (administration)", `/api/admin/people/${ID.learner}`, { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['see the evidence verification queue', '/api/admin/evidence', { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['see the MLOG exemption queue', '/api/admin/exemptions', { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['see ESR imports', '/api/esr/imports', { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['read the audit log', '/api/audit', { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['see compliance reports', '/api/reports/compliance', { learner: 403, manager: 200, otherManager: 200, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['see the annual plan', '/api/reports/annual-plan', { learner: 403, manager: 403, otherManager: 403, admin: 200, hubReviewer: 403, outsider: 403 }],
  ['open the PCN\'s application', `/api/workspaces/${DEMO_APPLICATION_ID}`, { learner: 200, manager: 200, otherManager: 403, admin: 403, hubReviewer: 200, outsider: 403 }],
  ['see every PCN\'s application (hub)', '/api/hub/applications', { learner: 403, manager: 403, otherManager: 403, admin: 403, hubReviewer: 200, outsider: 403 }],
];

describe('authorisation, role by action, through the tab API', () => {
  it.each(READS)('when each role tries to %s, then only the right ones may', async (_what, path, expected) => {
    const got: Partial<Record<Actor, number>> = {};
    for (const actor of ACTORS) got[actor] = (await call(actor, 'GET', path)).status;
    expect(got).toEqual(expected);
  });

  it("when a manager looks at their team, then they see their own people and nobody else's", async () => {
    const mine = (await call('manager', 'GET', '/api/team')).body as { members: { staffId: string }[] };
    const theirs = (await call('otherManager', 'GET', '/api/team')).body as { members: { staffId: string }[] };
    expect(mine.members.map((m) => m.staffId)).toContain(ID.learner);
    expect(theirs.members.map((m) => m.staffId)).not.toContain(ID.learner);
    const learnersTeam = (await call('learner', 'GET', '/api/team')).body as { members: unknown[] };
    expect(learnersTeam.members).toEqual([]);
  });

  it("when someone outside the PCN opens an application that does not exist, then the 403 is identical to one that does", async () => {
    const real = await call('outsider', 'GET', `/api/workspaces/${DEMO_APPLICATION_ID}`);
    const missing = await call('outsider', 'GET', '/api/workspaces/lo-does-not-exist');
    expect(missing).toEqual(real);
  });

  it('when a hub reviewer or an outsider tries to edit the application, then it is refused, and a member may', async () => {
    const field = 'pcn.clinical-director';
    const current = (await call('manager', 'GET', `/api/workspaces/${DEMO_APPLICATION_ID}/fields/${field}`)).body as { version: number };
    for (const actor of ['hubReviewer', 'outsider', 'admin'] as const) {
      expect((await call(actor, 'PUT', `/api/workspaces/${DEMO_APPLICATION_ID}/fields/${field}`, { text: `by ${actor}`, baseVersion: current.version })).status).toBe(403);
    }
    expect((await call('manager', 'PUT', `/api/workspaces/${DEMO_APPLICATION_ID}/fields/${field}`, { text: 'Dr Amira Shah', baseVersion: current.version })).status).toBe(200);
    // The reviewer's part is to comment.
    expect((await call('hubReviewer', 'POST', `/api/workspaces/${DEMO_APPLICATION_ID}/comments`, { sectionId: 'pcn', text: 'Looks right.' })).status).toBe(201);
    expect((await call('outsider', 'POST', `/api/workspaces/${DEMO_APPLICATION_ID}/comments`, { sectionId: 'pcn', text: 'Hello' })).status).toBe(403);
  });

  it('when anyone but an L&D administrator changes the requirement matrix, then it is refused and nothing changes', async () => {
    const view = (await call('admin', 'GET', '/api/admin/catalogue')).body as CatalogueAdminView;
    const role = view.roles.find((r) => r.value.id === 'practice-nurse')!;
    const changed = { value: { ...role.value, requirements: role.value.requirements.filter((r) => r.subjectId !== 'fire-safety') }, etag: role.etag };
    for (const actor of ['learner', 'manager', 'hubReviewer', 'outsider'] as const) {
      expect((await call(actor, 'PUT', '/api/admin/roles/practice-nurse', changed)).status).toBe(403);
    }
    const after = (await call('admin', 'GET', '/api/admin/catalogue')).body as CatalogueAdminView;
    expect(after.roles.find((r) => r.value.id === 'practice-nurse')).toEqual(role);
  });

  it("when the learner decides their own extension, or a manager of another team does, then it is refused and the request stays pending; the learner's manager may", async () => {
    const path = `/api/team/extensions/${ID.learner}/${extensionId}/decision`;
    expect((await call('learner', 'POST', path, { decision: 'approve' })).status).toBe(403);
    expect((await call('otherManager', 'POST', path, { decision: 'approve' })).status).toBe(403);
    expect((await call('hubReviewer', 'POST', path, { decision: 'approve' })).status).toBe(403);
    expect((await app.services.staff.getBundle(ID.learner))!.extensions.find((e) => e.id === extensionId)!.state).toBe('pending');
  });
});

describe('authorisation through the bot', () => {
  it('when the learner presses Approve on a card for their own request, then nothing is decided; when the manager does, it is', async () => {
    // Its own request (the tab's test aims at the one asked for in words, which must stay pending).
    const ig = await requestExtension(app.services.approvals, ID.learner, { subjectId: 'ig', requestedDate: '2027-01-20' as LocalDate, reason: 'course full' });
    if (ig.kind !== 'requested') throw new Error(ig.kind);
    const extensionId = ig.request.id;
    const data = { verb: 'decide-request', kind: 'extension', requestId: extensionId, learnerId: ID.learner, decision: 'approve' };
    await invoke(app.server.url, invokeActivity(ALEX, 'decide-request', data, connector.serviceUrl));
    expect((await app.services.staff.getBundle(ID.learner))!.extensions.find((e) => e.id === extensionId)!.state).toBe('pending');
    const answer = await invoke(app.server.url, invokeActivity(MEGAN, 'decide-request', data, connector.serviceUrl));
    expect(answer.status).toBe(200);
    expect((await app.services.staff.getBundle(ID.learner))!.extensions.find((e) => e.id === extensionId)!.state).toBe('approved');
    // The decision is in the organisation's audit chain as well as the learner's own trail; the refused attempt is not.
    const chained = (await app.services.auditLog.list()).filter((e) => e.action.startsWith('extension.'));
    expect(chained).toEqual([expect.objectContaining({ actorId: ID.manager, action: 'extension.approved', target: ID.learner, details: expect.objectContaining({ requestId: extensionId }) })]);
  });

  it("when a learner asks the bot for their team, then they are told they have none; the manager sees Alex", async () => {
    const learner = JSON.stringify(await exchange(app.server.url, messageActivity(ALEX, 'show my team', connector.serviceUrl)));
    expect(learner).not.toContain('Patti Fernandez');
    const manager = JSON.stringify(await exchange(app.server.url, messageActivity(MEGAN, 'show my team', connector.serviceUrl)));
    expect(manager).toContain('Alex Wilber');
  });
});
