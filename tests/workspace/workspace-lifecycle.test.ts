import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationSummary, CommentThread, PublishedListResponse, WorkspaceView } from '../../tab/shared/workspace-api.js';
import { BOT, MEGAN as MEGAN_USER, postActivity, TENANT_ID } from '../support/activities.js';
import { cardsOf, cardText, expectValidCard } from '../support/card-validator.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ADELE, ALEX, call, completeApplication, createApplication, MEGAN, NESTOR, save, staffOf } from './workspace-client.js';

const TEAM_ID = '19:severn-vale-general@thread.tacv2';
const CHANNEL_ID = '19:learning-organisation@thread.tacv2';

/** What Teams sends when the app is added to a team: a conversationUpdate in the team's General channel. */
function installedInTeam(serviceUrl: string): Record<string, unknown> {
  return {
    type: 'conversationUpdate',
    id: 'install-1',
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: MEGAN_USER,
    recipient: BOT,
    conversation: { id: TEAM_ID, conversationType: 'channel', isGroup: true, tenantId: TENANT_ID },
    membersAdded: [{ id: BOT.id }],
    channelData: { tenant: { id: TENANT_ID }, team: { id: TEAM_ID, name: 'Severn Vale PCN' }, channel: { id: TEAM_ID }, eventType: 'teamMemberAdded' },
  };
}

describe('workspace lifecycle, comments, sections, panel, export and channel cards (real server, Azurite, fake Bot Connector)', () => {
  let app: TestApp;
  let connector: FakeConnector;
  let url: string;
  const RIVERSIDE = staffOf('Riverside Medical Centre');
  const channelMessages = () => connector.messages.filter((m) => m.conversationId === CHANNEL_ID);
  const waitForChannel = async (count: number) => {
    const deadline = Date.now() + 5000;
    while (channelMessages().length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    return channelMessages();
  };

  const PANEL = [
    { name: 'Dr One', role: 'GP educator' },
    { name: 'Dr Two', role: 'Quality lead' },
    { name: 'Ms Three', role: 'Nursing lead', organisation: 'NHS England' },
  ];
  // Each test arranges its own application at the stage it needs, so the tests run in any order.
  const drafted = async () => (await createApplication(url, MEGAN, { channel: { teamId: TEAM_ID, channelId: CHANNEL_ID, channelName: 'Learning Organisation' } })).id;
  const completed = async () => {
    const id = await drafted();
    await completeApplication(url, id, [MEGAN, ALEX, RIVERSIDE]);
    expect((await call(url, MEGAN, 'POST', `/api/workspaces/${id}/lifecycle`, { action: 'start-internal-review' })).status).toBe(200);
    return id;
  };
  const submitted = async () => {
    const id = await completed();
    expect((await call(url, ALEX, 'POST', `/api/workspaces/${id}/lifecycle`, { action: 'submit' })).status).toBe(200);
    return id;
  };
  const panelled = async () => {
    const id = await submitted();
    expect((await call(url, NESTOR, 'POST', `/api/workspaces/${id}/panel`, { date: '2027-02-10', time: '14:00', members: PANEL })).status).toBe(200);
    return id;
  };

  beforeAll(async () => {
    [app, connector] = await Promise.all([startTestApp(), startFakeConnector()]);
    url = app.server.url;
    expect((await postActivity(url, installedInTeam(connector.serviceUrl))).status).toBeLessThan(300);
  });
  afterAll(async () => {
    await app?.stop();
    await connector?.close();
  });

  it('when the configuration page asks which application a channel shows, then members get it and others learn nothing', async () => {
    const appId = await drafted();
    const linked = await call(url, ALEX, 'GET', `/api/workspaces/by-channel/${encodeURIComponent(CHANNEL_ID)}`);
    expect(linked.body).toMatchObject({ linked: true, application: { id: appId } });
    expect((await call(url, ADELE, 'GET', `/api/workspaces/by-channel/${encodeURIComponent(CHANNEL_ID)}`)).body).toEqual({ linked: false });
    expect((await call(url, ALEX, 'GET', `/api/workspaces/by-channel/${encodeURIComponent('19:other@thread.tacv2')}`)).body).toEqual({ linked: false });
  });

  it('when a section gets an owner and due date and is marked ready for review, then the bot posts a valid card in the linked channel', async () => {
    const appId = await drafted();
    const before = channelMessages().length;
    const patched = await call(url, MEGAN, 'PATCH', `/api/workspaces/${appId}/sections/supervisors`, { owner: { practiceOds: 'L81002', staffId: RIVERSIDE }, dueDate: '2027-01-15' });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ owner: { practiceOds: 'L81002', practiceName: 'Riverside Medical Centre', person: { staffId: RIVERSIDE } }, dueDate: '2027-01-15' });
    // An owner from outside the workspace is refused.
    expect((await call(url, MEGAN, 'PATCH', `/api/workspaces/${appId}/sections/supervisors`, { owner: { staffId: ADELE } })).status).toBe(400);
    const ready = await call(url, RIVERSIDE, 'PATCH', `/api/workspaces/${appId}/sections/supervisors`, { status: 'ready-for-review' });
    expect(ready.body.status).toBe('ready-for-review');
    const post = (await waitForChannel(before + 1))[before];
    expect(post).toBeDefined();
    const [card] = cardsOf(post!.activity as never);
    expectValidCard(card!);
    expect(cardText(card)).toContain('Ready for review: 4 Supervisors');
    expect(cardText(card)).toContain('Riverside Medical Centre');
  });

  it('when someone comments with an @mention, replies, and resolves, then the thread holds it all; mentioning an outsider is refused', async () => {
    const appId = await drafted();
    const created = await call<CommentThread>(url, MEGAN, 'POST', `/api/workspaces/${appId}/comments`, { fieldId: 'supervisors.list', text: '@Alex can you add the ACP supervisor?', mentions: [ALEX] });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ sectionId: 'supervisors', fieldId: 'supervisors.list', kind: 'comment', comments: [{ mentions: [{ staffId: ALEX, name: 'Alex Wilber' }] }] });
    const reply = await call<CommentThread>(url, ALEX, 'POST', `/api/workspaces/${appId}/comments`, { threadId: created.body.id, text: 'Done.' });
    expect(reply.body.comments).toHaveLength(2);
    const resolved = await call<CommentThread>(url, MEGAN, 'POST', `/api/workspaces/${appId}/comments/${created.body.id}/resolve`);
    expect(resolved.body.resolved).toMatchObject({ by: { staffId: MEGAN } });
    const outsider = await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/comments`, { sectionId: 'pcn', text: 'cc', mentions: [ADELE] });
    expect(outsider.status).toBe(400);
    // A hub reviewer can be mentioned.
    expect((await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/comments`, { sectionId: 'pcn', text: 'Nestor?', mentions: [NESTOR] })).status).toBe(201);
    const view = (await call<WorkspaceView>(url, ALEX, 'GET', `/api/workspaces/${appId}`)).body;
    expect(view.comments.find((t) => t.id === created.body.id)!.resolved).toBeDefined();
  });

  it('when the application is submitted before the checklist is complete, then it is refused with what is missing', async () => {
    const appId = await drafted();
    expect((await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/lifecycle`, { action: 'submit' })).body.error.code).toBe('wrong-stage');
    expect((await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/lifecycle`, { action: 'start-internal-review' })).status).toBe(200);
    const early = await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/lifecycle`, { action: 'submit' });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('checklist-incomplete');
    expect(early.body.error.details.missing.length).toBeGreaterThan(5);
  });

  it('when the checklist is complete and the application submitted, then edits stop, the bot posts in the channel and the audit log records it', async () => {
    const appId = await completed();
    const view = (await call<WorkspaceView>(url, MEGAN, 'GET', `/api/workspaces/${appId}`)).body;
    expect(view.checklist.filter((c) => !c.done)).toEqual([]);
    const before = channelMessages().length;
    const submitted = await call<ApplicationSummary>(url, ALEX, 'POST', `/api/workspaces/${appId}/lifecycle`, { action: 'submit' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.lifecycle).toMatchObject({ stage: 'submitted', submittedBy: { staffId: ALEX } });
    const posts = await waitForChannel(before + 1);
    const [card] = cardsOf(posts.at(-1)!.activity as never);
    expectValidCard(card!);
    expect(cardText(card)).toContain('Application submitted to the training hub');
    expect((await app.services.auditLog.list()).some((e) => e.action === 'workspace.submitted' && e.target === appId)).toBe(true);
    const locked = await save(url, MEGAN, appId, 'pcn.footprint', 'late change', 1);
    expect(locked.status).toBe(409);
    expect((locked.body as any).error.code).toBe('wrong-stage');
  });

  it('when the hub schedules a panel, then it needs at least three members, and only hub reviewers may do it', async () => {
    const appId = await submitted();
    const two = PANEL.slice(0, 2);
    expect((await call(url, NESTOR, 'POST', `/api/workspaces/${appId}/panel`, { date: '2027-02-10', members: two })).status).toBe(400);
    const sameName = [...two, { name: 'dr one', role: 'again' }];
    expect((await call(url, NESTOR, 'POST', `/api/workspaces/${appId}/panel`, { date: '2027-02-10', members: sameName })).status).toBe(400);
    const three = PANEL;
    expect((await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/panel`, { date: '2027-02-10', members: three })).status).toBe(403);
    const scheduled = await call<ApplicationSummary>(url, NESTOR, 'POST', `/api/workspaces/${appId}/panel`, { date: '2027-02-10', time: '14:00', members: three });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body.lifecycle).toMatchObject({ stage: 'panel-scheduled', panel: { date: '2027-02-10', members: expect.arrayContaining([expect.objectContaining({ name: 'Ms Three' })]) } });
    expect(scheduled.body.countdown.risk).toBe('on-track');
  });

  it('when the application is exported, then the DOCX opens and holds the checklist, the answers and the panel', async () => {
    const appId = await panelled();
    const response = await fetch(`${url}/api/workspaces/${appId}/export.docx`, { headers: { authorization: `Bearer dev:${NESTOR}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="Severn-Vale-PCN-learning-organisation-2026-11-21\.docx"$/);
    const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
    const xml = await zip.file('word/document.xml')!.async('string');
    const words = xml.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
    expect(words).toContain('Approval checklist');
    expect(words).toContain('complete: ready to submit.');
    expect(words).toContain('At least one educational supervisor, with accreditation');
    expect(words).toContain('Oakfield Surgery');
    expect(words).toContain('L81002');
    expect(words).toContain('Dr Ada Lovelace');
    expect(words).toContain('GP trainer (RCGP)');
    expect(words).toContain('Learning environment and culture');
    expect(words).toContain('Ms Three');
    expect((await app.services.auditLog.list()).some((e) => e.action === 'workspace.exported' && e.actorId === NESTOR && e.target === appId)).toBe(true);
  });

  it('when the outcome is recorded, then it is audited, the annual review is a year after the panel, and the published list shows the Learning Organisation', async () => {
    const appId = await panelled();
    expect((await call(url, NESTOR, 'POST', `/api/workspaces/${appId}/outcome`, { outcome: 'approved-with-conditions' })).status).toBe(400);
    const decided = await call<ApplicationSummary>(url, NESTOR, 'POST', `/api/workspaces/${appId}/outcome`, { outcome: 'approved-with-conditions', conditions: 'Add the ACP supervision rota.' });
    expect(decided.status).toBe(200);
    expect(decided.body.lifecycle).toMatchObject({ stage: 'decided', outcome: { outcome: 'approved-with-conditions' }, annualReviewDate: '2028-02-10' });
    expect(decided.body.countdown.risk).toBe('complete');
    const published = (await call<PublishedListResponse>(url, ADELE, 'GET', '/api/hub/learning-organisations')).body;
    const listed = published.learningOrganisations.find((lo) => lo.applicationId === appId);
    expect(listed).toEqual(expect.objectContaining({ pcnName: 'Severn Vale PCN', outcome: 'approved-with-conditions', annualReviewDate: '2028-02-10' }));
    expect(listed!.practices).toHaveLength(5);
    expect((await app.services.auditLog.list()).some((e) => e.action === 'workspace.outcome-recorded' && e.target === appId && e.summary === 'approved-with-conditions')).toBe(true);
    // An approved application cannot be sent back to drafting.
    expect((await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/lifecycle`, { action: 'return-to-drafting' })).status).toBe(409);
  });

  it('when the hub keeps its resource library, then workspaces see each resource beside its sections; others cannot change it', async () => {
    const appId = await drafted();
    const body = { title: 'Exemplar application (Yate and Frampton PCN)', kind: 'exemplar', url: 'https://example.nhs.uk/exemplar.docx', sectionIds: ['eqf-1', 'supervision'] };
    expect((await call(url, MEGAN, 'POST', '/api/resources', body)).status).toBe(403);
    expect((await call(url, NESTOR, 'POST', '/api/resources', { ...body, sectionIds: ['nope'] })).status).toBe(400);
    const created = await call(url, NESTOR, 'POST', '/api/resources', body);
    expect(created.status).toBe(201);
    const forSupervision = await call(url, MEGAN, 'GET', '/api/resources?sectionId=supervision');
    expect(forSupervision.body.resources.map((r: { id: string }) => r.id)).toContain(created.body.id);
    expect(forSupervision.body.canManage).toBe(false);
    expect((await call(url, MEGAN, 'GET', '/api/resources?sectionId=leads')).body.resources.map((r: { id: string }) => r.id)).not.toContain(created.body.id);
    const view = (await call<WorkspaceView>(url, MEGAN, 'GET', `/api/workspaces/${appId}`)).body;
    expect(view.resources.map((r) => r.title)).toContain('Exemplar application (Yate and Frampton PCN)');
    expect((await call(url, ADELE, 'PUT', `/api/resources/${created.body.id}`, { ...body, title: 'Renamed by L&D' })).status).toBe(200);
    expect((await call(url, NESTOR, 'DELETE', `/api/resources/${created.body.id}`)).status).toBe(200);
    expect((await call(url, NESTOR, 'DELETE', `/api/resources/${created.body.id}`)).status).toBe(404);
  });
});
