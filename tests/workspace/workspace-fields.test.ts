import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditConflictDetails, FieldHistoryResponse, WorkspaceView } from '../../tab/shared/workspace-api.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { ALEX, call, createApplication, field, MEGAN, save, staffOf } from './workspace-client.js';

describe('workspace fields: saves, merges, conflicts, history and restore (real server, Azurite)', () => {
  let app: TestApp;
  let url: string;
  let appId: string;
  const RIVERSIDE = staffOf('Riverside Medical Centre');

  beforeAll(async () => {
    app = await startTestApp();
    url = app.server.url;
    appId = (await createApplication(url)).id;
  });
  afterAll(async () => {
    await app?.stop();
  });

  it('when nobody else changed a field, then the save is the next revision and the load shows it', async () => {
    const first = await save(url, MEGAN, appId, 'pcn.footprint', 'Five practices share one training rota.', 0);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ outcome: 'saved', field: { version: 1, text: 'Five practices share one training rota.', updatedBy: { staffId: MEGAN } } });
    expect(first.headers.get('server-timing')).toMatch(/^app;dur=\d/);
    const view = (await call<WorkspaceView>(url, ALEX, 'GET', `/api/workspaces/${appId}`)).body;
    expect(view.fields['pcn.footprint']).toMatchObject({ version: 1, text: 'Five practices share one training rota.' });
    // Writing into a section that had not started moves it to drafting.
    expect(view.sections.pcn!.status).toBe('drafting');
  });

  it('when the same text is saved again, then nothing new is written', async () => {
    const again = await save(url, MEGAN, appId, 'pcn.footprint', 'Five practices share one training rota.', 1);
    expect(again.body).toMatchObject({ outcome: 'unchanged', field: { version: 1 } });
  });

  it('when two members change different parts of a field from the same version, then both changes survive (merged)', async () => {
    const base = 'Induction starts on day one.\nEach learner meets the practice manager.\nTeaching is on Wednesdays.';
    const v = (await save(url, MEGAN, appId, 'induction.programme', base, 0)).body.field.version;
    const mine = base.replace('day one', 'the first Monday');
    const theirs = base.replace('Wednesdays', 'Wednesday afternoons');
    expect((await save(url, MEGAN, appId, 'induction.programme', mine, v)).body.outcome).toBe('saved');
    const merged = await save(url, RIVERSIDE, appId, 'induction.programme', theirs, v);
    expect(merged.status).toBe(200);
    expect(merged.body.outcome).toBe('merged');
    expect(merged.body.field.text).toBe('Induction starts on the first Monday.\nEach learner meets the practice manager.\nTeaching is on Wednesday afternoons.');
    expect(merged.body.revision).toMatchObject({ kind: 'merge', baseVersion: v, version: v + 2 });
  });

  it('when two members change the same words, then the second gets 409 with base, mine and theirs, and the attempt is kept in the history', async () => {
    const v = (await save(url, MEGAN, appId, 'contract.leave', 'Annual leave is booked with the practice manager.', 0)).body.field.version;
    await save(url, MEGAN, appId, 'contract.leave', 'Annual leave is booked with the rota lead.', v);
    const clash = await save(url, RIVERSIDE, appId, 'contract.leave', 'Annual leave is booked with the educational supervisor.', v);
    expect(clash.status).toBe(409);
    const error = (clash.body as unknown as { error: { code: string; details: EditConflictDetails } }).error;
    expect(error.code).toBe('edit-conflict');
    expect(error.details.base).toEqual({ version: v, text: 'Annual leave is booked with the practice manager.' });
    expect(error.details.mine.text).toBe('Annual leave is booked with the educational supervisor.');
    expect(error.details.theirs).toMatchObject({ version: v + 1, text: 'Annual leave is booked with the rota lead.', by: { staffId: MEGAN } });
    expect(error.details.current.version).toBe(v + 1);
    // Nothing was silently dropped: the field is unchanged, and the attempt is in the history.
    expect((await field(url, MEGAN, appId, 'contract.leave')).text).toBe('Annual leave is booked with the rota lead.');
    const history = (await call<FieldHistoryResponse>(url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/contract.leave/history`)).body;
    expect(history.entries.map((e) => e.kind)).toEqual(['conflict', 'edit', 'edit']);
    expect(history.entries[0]).toMatchObject({ id: error.details.conflictId, text: 'Annual leave is booked with the educational supervisor.', version: v + 1, baseVersion: v, by: { staffId: RIVERSIDE } });

    // The editor resolves it by combining both; the conflict is then marked resolved by that revision.
    const resolved = await call(url, RIVERSIDE, 'PUT', `/api/workspaces/${appId}/fields/contract.leave`, {
      text: 'Annual leave is booked with the rota lead and the educational supervisor.',
      baseVersion: error.details.current.version,
      resolvesConflict: error.details.conflictId,
    });
    expect(resolved.status).toBe(200);
    const after = (await call<FieldHistoryResponse>(url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/contract.leave/history`)).body;
    expect(after.entries[0]).toMatchObject({ kind: 'edit', resolves: error.details.conflictId });
    expect(after.entries.find((e) => e.id === error.details.conflictId)).toMatchObject({ resolvedBy: after.entries[0]!.id });
  });

  it('when an old revision is restored, then it becomes a new revision and the audit log records it', async () => {
    const history = (await call<FieldHistoryResponse>(url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/contract.leave/history`)).body;
    const oldest = history.entries.at(-1)!;
    const head = (await field(url, MEGAN, appId, 'contract.leave')).version;
    const restored = await call(url, ALEX, 'POST', `/api/workspaces/${appId}/fields/contract.leave/restore`, { version: oldest.version });
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ outcome: 'saved', field: { version: head + 1, text: oldest.text }, revision: { kind: 'restore', restoredFrom: `r${oldest.version}` } });
    const audit = await app.services.auditLog.list();
    expect(audit.some((e) => e.action === 'workspace.field-restored' && e.actorId === ALEX && e.target === appId)).toBe(true);
  });

  it('when a conflicting attempt is restored, then its text becomes the field and the conflict is marked resolved', async () => {
    const history = (await call<FieldHistoryResponse>(url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/contract.leave/history`)).body;
    const conflict = history.entries.find((e) => e.kind === 'conflict')!;
    const restored = await call(url, MEGAN, 'POST', `/api/workspaces/${appId}/fields/contract.leave/restore`, { conflictId: conflict.id });
    expect(restored.body).toMatchObject({ field: { text: conflict.text }, revision: { restoredFrom: conflict.id } });
  });

  it('when a field of 200,000 characters is saved, then it is read back whole, with its history, and a merge on it works', async () => {
    const long = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i}: supervision and induction evidence ${'x'.repeat(20)}.`).join('\n');
    expect(long.length).toBeGreaterThanOrEqual(200_000);
    const saved = await save(url, MEGAN, appId, 'eqf-1.prompt-1', long, 0);
    expect(saved.status).toBe(200);
    const read = await field(url, ALEX, appId, 'eqf-1.prompt-1');
    expect(read.text.length).toBe(long.length);
    expect(read.text).toBe(long);
    // Two edits far apart in the long text merge.
    const mine = long.replace('Paragraph 10:', 'Paragraph ten:');
    const theirs = long.replace('Paragraph 3990:', 'Paragraph 3,990:');
    await save(url, MEGAN, appId, 'eqf-1.prompt-1', mine, 1);
    const merged = await save(url, RIVERSIDE, appId, 'eqf-1.prompt-1', theirs, 1);
    expect(merged.body.outcome).toBe('merged');
    const final = await field(url, ALEX, appId, 'eqf-1.prompt-1');
    expect(final.text).toContain('Paragraph ten:');
    expect(final.text).toContain('Paragraph 3,990:');
    expect(final.text.length).toBe(long.length + 2);
    const history = (await call<FieldHistoryResponse>(url, MEGAN, 'GET', `/api/workspaces/${appId}/fields/eqf-1.prompt-1/history?limit=5`)).body;
    expect(history.entries.at(-1)!.text).toBe(long);
  });

  it('when a field is over the limit or unknown, or the base version is from the future, then the answer says so and nothing changes', async () => {
    expect((await save(url, MEGAN, appId, 'pcn.footprint', 'y'.repeat(300_001), 1)).status).toBe(400);
    expect((await save(url, MEGAN, appId, 'pcn.no-such-field', 'text', 0)).status).toBe(404);
    const future = await save(url, MEGAN, appId, 'pcn.footprint', 'text', 99);
    expect(future.status).toBe(409);
    expect((future.body as any).error.code).toBe('unknown-base');
    expect((await field(url, MEGAN, appId, 'pcn.footprint')).text).toBe('Five practices share one training rota.');
  });
});
