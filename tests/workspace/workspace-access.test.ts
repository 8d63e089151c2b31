import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkspaceListResponse, WorkspaceView } from '../../tab/shared/workspace-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { DEMO_APPLICATION_ID } from '../../core/demo/demo-workspace.js';
import { ADELE, ALEX, call, createApplication, MEGAN, NESTOR, save, staffOf } from './workspace-client.js';

describe('workspace membership: members read and write, hub reviewers read and comment, everyone else gets the same 403', () => {
  let app: TestApp;
  let url: string;
  let appId: string;
  const KINGSWAY = staffOf('Kingsway Family Practice');

  beforeAll(async () => {
    app = await startTestApp();
    url = app.server.url;
    // Aligned practices: Oakfield and Riverside only; Kingsway is in the PCN but not in this application.
    appId = (
      await createApplication(url, MEGAN, {
        practices: [
          { name: 'Oakfield Surgery', odsCode: 'L81001' },
          { name: 'Riverside Medical Centre', odsCode: 'L81002' },
        ],
      })
    ).id;
    await save(url, MEGAN, appId, 'pcn.footprint', 'Two practices.', 0);
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('when a member of an aligned practice opens the workspace, then they can read and edit it', async () => {
    const view = await call<WorkspaceView>(url, ALEX, 'GET', `/api/workspaces/${appId}`);
    expect(view.status).toBe(200);
    expect(view.body.me).toMatchObject({ role: 'member', canEdit: true, canComment: true, canReview: false });
    expect((await save(url, ALEX, appId, 'pcn.clinical-director', 'Dr Example', 0)).status).toBe(200);
  });

  it('when someone of a practice outside the application, or of the trust, asks, then the 403 is the same for an existing and a made-up application', async () => {
    for (const stranger of [KINGSWAY, ADELE]) {
      const existing = await call(url, stranger, 'GET', `/api/workspaces/${appId}`);
      const missing = await call(url, stranger, 'GET', `/api/workspaces/lo-doesnotexist123`);
      expect(existing.status).toBe(403);
      expect(missing.status).toBe(403);
      expect(existing.body).toEqual(missing.body);
      expect(existing.body).toEqual({ error: { code: 'forbidden', message: 'You do not have access to this workspace.' } });
      for (const [method, path, body] of [
        ['PUT', 'fields/pcn.footprint', { text: 'x', baseVersion: 1 }],
        ['GET', 'fields/pcn.footprint/history', undefined],
        ['POST', 'comments', { sectionId: 'pcn', text: 'hello' }],
        ['GET', 'events', undefined],
        ['GET', 'export.docx', undefined],
        ['POST', 'presence', { clientId: 'c1' }],
      ] as const) {
        const a = await call(url, stranger, method, `/api/workspaces/${appId}/${path}`, body);
        const b = await call(url, stranger, method, `/api/workspaces/lo-doesnotexist123/${path}`, body);
        expect([a.status, b.status, path]).toEqual([403, 403, path]);
        expect(a.body).toEqual(b.body);
      }
    }
    // And the list shows them nothing of it.
    const list = await call<WorkspaceListResponse>(url, KINGSWAY, 'GET', '/api/workspaces');
    expect(list.body.applications.map((a) => a.id)).not.toContain(appId);
    expect(list.body.canCreate).toBe(true);
  });

  it('when a hub reviewer opens it, then they read and comment, request changes, but cannot edit', async () => {
    const view = await call<WorkspaceView>(url, NESTOR, 'GET', `/api/workspaces/${appId}`);
    expect(view.status).toBe(200);
    expect(view.body.me).toMatchObject({ role: 'hub-reviewer', canEdit: false, canComment: true, canReview: true });
    expect(view.body.fields['pcn.footprint']!.text).toBe('Two practices.');
    const edit = await save(url, NESTOR, appId, 'pcn.footprint', 'Changed by the hub', 1);
    expect(edit.status).toBe(403);
    expect((edit.body as any).error.code).toBe('read-only');
    expect((await call(url, NESTOR, 'PATCH', `/api/workspaces/${appId}/sections/pcn`, { status: 'agreed' })).status).toBe(403);
    expect((await call(url, NESTOR, 'POST', `/api/workspaces/${appId}/lifecycle`, { action: 'start-internal-review' })).status).toBe(403);
    expect((await call(url, NESTOR, 'POST', `/api/workspaces/${appId}/comments`, { sectionId: 'pcn', text: 'Please name the practices not aligned.' })).status).toBe(201);
    const changes = await call(url, NESTOR, 'POST', `/api/workspaces/${appId}/sections/pcn/changes-requested`, { note: 'Say why Kingsway is not aligned.' });
    expect(changes.status).toBe(200);
    expect(changes.body).toMatchObject({ status: 'drafting', changesRequested: { by: { staffId: NESTOR }, note: 'Say why Kingsway is not aligned.' } });
    // The PCN sees both in its workspace.
    const seen = (await call<WorkspaceView>(url, MEGAN, 'GET', `/api/workspaces/${appId}`)).body;
    expect(seen.sections.pcn!.changesRequested?.note).toBe('Say why Kingsway is not aligned.');
    expect(seen.comments.map((t) => t.kind).sort()).toEqual(['changes-requested', 'comment']);
    // And the field is untouched.
    expect(seen.fields['pcn.footprint']!.text).toBe('Two practices.');
  });

  it('when a member adds someone from outside the practices, then that person becomes a member, and loses access when removed', async () => {
    expect((await call(url, KINGSWAY, 'GET', `/api/workspaces/${appId}`)).status).toBe(403);
    const added = await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/members`, { staffId: KINGSWAY });
    expect(added.status).toBe(200);
    expect(added.body.members).toContainEqual(expect.objectContaining({ staffId: KINGSWAY, via: 'added' }));
    expect(added.body.members).toContainEqual(expect.objectContaining({ staffId: ALEX, via: 'practice' }));
    expect((await call(url, KINGSWAY, 'GET', `/api/workspaces/${appId}`)).status).toBe(200);
    expect((await call(url, MEGAN, 'DELETE', `/api/workspaces/${appId}/members/${KINGSWAY}`)).status).toBe(200);
    expect((await call(url, KINGSWAY, 'GET', `/api/workspaces/${appId}`)).status).toBe(403);
  });

  it('when someone outside any PCN practice tries to start an application, or leaves out their own practice, then it is refused', async () => {
    expect((await call(url, ADELE, 'POST', '/api/workspaces', { practices: [{ name: 'Oakfield Surgery', odsCode: 'L81001' }] })).status).toBe(403);
    const without = await call(url, KINGSWAY, 'POST', '/api/workspaces', { practices: [{ name: 'Oakfield Surgery', odsCode: 'L81001' }] });
    expect(without.status).toBe(400);
    expect((without.body as any).error.message).toContain('Kingsway Family Practice');
  });

  it('when the demo organisation is seeded, then Severn Vale PCN has its half-written demo application, shared out across the practices', async () => {
    const list = await call<WorkspaceListResponse>(url, KINGSWAY, 'GET', '/api/workspaces');
    const demo = list.body.applications.find((a) => a.id === DEMO_APPLICATION_ID)!;
    expect(demo).toMatchObject({ pcnName: 'Severn Vale PCN', lifecycle: { stage: 'drafting' }, channel: { channelName: 'Learning Organisation' } });
    expect(demo.practices).toHaveLength(5);
    expect(demo.progress.percent).toBeGreaterThan(0);
    expect(demo.progress.percent).toBeLessThan(100);
    const view = (await call<WorkspaceView>(url, MEGAN, 'GET', `/api/workspaces/${DEMO_APPLICATION_ID}`)).body;
    expect(view.fields['supervisors.list']!.text).toContain('Dr Priya Shah');
    expect(view.sections.pcn!.changesRequested?.by.staffId).toBe(NESTOR);
    expect(view.sections['eqf-1']!.owner?.person?.staffId).toBe(ALEX);
    expect(view.resources.length).toBeGreaterThanOrEqual(5);
    expect(view.checklist.find((c) => c.id === 'educational-supervisor')!.done).toBe(true);
    expect(view.checklist.find((c) => c.id === 'agreed')!.done).toBe(false);
    expect((await call(url, ADELE, 'GET', `/api/workspaces/${DEMO_APPLICATION_ID}`)).status).toBe(403);
  });

  it('when the hub overview is asked for, then only hub reviewers get it', async () => {
    expect((await call(url, MEGAN, 'GET', '/api/hub/applications')).status).toBe(403);
    const hub = await call(url, NESTOR, 'GET', '/api/hub/applications');
    expect(hub.status).toBe(200);
    expect(hub.body.applications).toContainEqual(expect.objectContaining({ id: appId, pcnName: 'Severn Vale PCN' }));
  });
});
