import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PresenceResponse, WorkspaceEvent } from '../../tab/shared/workspace-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ALEX, call, createApplication, MEGAN, openStream, save, staffOf } from './workspace-client.js';

type FieldEvent = Extract<WorkspaceEvent, { type: 'field' }>;
const isField = (fieldId: string, text?: string) => (e: WorkspaceEvent) => e.type === 'field' && e.field.fieldId === fieldId && (text === undefined || e.field.text === text);

describe('live workspace: server-sent events through storage, across two server instances', () => {
  let a: TestApp;
  let b: TestApp;
  let appId: string;
  const RIVERSIDE = staffOf('Riverside Medical Centre');

  beforeAll(async () => {
    a = await startTestApp();
    // A second instance on the same storage (same table prefix): nothing shared but the tables.
    b = await startTestApp({ seed: false, env: { TABLE_PREFIX: a.config.storage.tablePrefix } });
    appId = (await createApplication(a.server.url)).id;
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('when one person saves on instance A, then another open tab on instance B gets the change in under a second (p95 of 20)', async () => {
    const stream = await openStream(b.server.url, ALEX, appId);
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.type === 'hello');
    const delays: number[] = [];
    let version = 0;
    for (let i = 0; i < 20; i++) {
      const text = `Edit number ${i} from instance A`;
      const started = performance.now();
      const saved = await save(a.server.url, MEGAN, appId, 'learners.capacity', text, version);
      version = saved.body.field.version;
      const event = await stream.waitFor(isField('learners.capacity', text), 3000);
      delays.push(event.receivedAt - started);
    }
    stream.close();
    delays.sort((x, y) => x - y);
    const p95 = delays[Math.ceil(0.95 * delays.length) - 1]!;
    expect(p95).toBeLessThan(1000);
  });

  it('when a tab reconnects with Last-Event-ID, then it gets exactly the events it missed, in order', async () => {
    const first = await openStream(b.server.url, ALEX, appId);
    const seen = (await first.waitFor((e) => e.type === 'hello')) as Extract<WorkspaceEvent, { type: 'hello' }>;
    first.close();
    let version = (await call(a.server.url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/pcn.footprint`)).body.version as number;
    for (const text of ['one', 'two', 'three']) version = (await save(a.server.url, MEGAN, appId, 'pcn.footprint', text, version)).body.field.version;
    const resumed = await openStream(b.server.url, ALEX, appId, { 'Last-Event-ID': `${seen.seq}.${seen.dseq}` });
    await resumed.waitFor(isField('pcn.footprint', 'three'));
    const fieldEvents = resumed.events.filter((e) => e.type === 'field') as unknown as (FieldEvent & { id: string })[];
    expect(fieldEvents.map((e) => e.field.text)).toEqual(['one', 'two', 'three']);
    expect(fieldEvents.map((e) => Number(e.id.split('.')[0]))).toEqual(fieldEvents.map((e) => e.seq));
    const seqs = resumed.events.filter((e): e is typeof e & { seq: number } => 'seq' in e && e.type !== 'hello').map((e) => e.seq);
    expect(seqs).toEqual([...seqs].sort((x, y) => x - y));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(Math.min(...seqs)).toBe(seen.seq + 1);
    resumed.close();
  });

  it('when two people save the same field at once, a comment and a section change happen on A, then B streams them all, and the field holds both saves merged', async () => {
    const stream = await openStream(b.server.url, ALEX, appId);
    await stream.waitFor((e) => e.type === 'hello');
    await save(a.server.url, MEGAN, appId, 'contract.leave', 'Leave is booked with the manager.');
    await Promise.all([save(a.server.url, MEGAN, appId, 'contract.leave', 'Leave is booked with the rota lead.'), save(b.server.url, RIVERSIDE, appId, 'contract.leave', 'Leave is booked with the manager. Study leave too.')]);
    await stream.waitFor((e) => e.type === 'doc' && e.fieldId === 'contract.leave' && e.by.staffId === RIVERSIDE);
    const merged = (await call(a.server.url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/contract.leave`)).body.text as string;
    expect(merged).toContain('rota lead');
    expect(merged).toContain('Study leave too');
    await call(a.server.url, MEGAN, 'POST', `/api/workspaces/${appId}/comments`, { sectionId: 'contract', text: 'Check the leave policy' });
    await stream.waitFor((e) => e.type === 'comment' && e.thread.comments[0]!.text === 'Check the leave policy');
    await call(a.server.url, MEGAN, 'PATCH', `/api/workspaces/${appId}/sections/contract`, { dueDate: '2027-03-01' });
    await stream.waitFor((e) => e.type === 'section' && e.section.sectionId === 'contract' && e.section.dueDate === '2027-03-01');
    stream.close();
  });

  it('when someone opens a section on A, then B shows them present, and not after they leave', async () => {
    const stream = await openStream(b.server.url, MEGAN, appId);
    await stream.waitFor((e) => e.type === 'hello');
    const beat = await call<PresenceResponse>(a.server.url, ALEX, 'POST', `/api/workspaces/${appId}/presence`, { clientId: 'tab-1', sectionId: 'supervision', fieldId: 'supervision.clinical', mode: 'editing' });
    expect(beat.status).toBe(200);
    expect(beat.body.heartbeatSeconds).toBeGreaterThan(0);
    expect(beat.body.presence).toContainEqual(expect.objectContaining({ clientId: 'tab-1', person: { staffId: ALEX, name: 'Alex Wilber' }, sectionId: 'supervision', mode: 'editing' }));
    await stream.waitFor((e) => e.type === 'presence' && e.presence.some((p) => p.person.staffId === ALEX && p.fieldId === 'supervision.clinical'), 3000);
    await call(a.server.url, ALEX, 'DELETE', `/api/workspaces/${appId}/presence/tab-1`);
    const left = stream.events.length;
    await stream.waitFor((e) => e.type === 'presence' && !e.presence.some((p) => p.person.staffId === ALEX) && stream.events.indexOf(e as never) >= left, 3000);
    stream.close();
  });

  it('when the instance stops, then its open streams end and the stop completes', async () => {
    const c = await startTestApp({ seed: false, env: { TABLE_PREFIX: a.config.storage.tablePrefix } });
    const response = await fetch(`${c.server.url}/api/workspaces/${appId}/events`, { headers: { authorization: `Bearer dev:${ALEX}` } });
    const reader = response.body!.getReader();
    await reader.read();
    const started = performance.now();
    await c.stop();
    expect(performance.now() - started).toBeLessThan(3000);
    // The stream ends (done), rather than hanging.
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
  });
});
