import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
const as = (staffId: string) => ({ authorization: `Bearer dev:${staffId}` });

beforeAll(async () => {
  app = await startTestApp();
  for (const [i, action] of ['matrix.topic-changed', 'evidence.verified', 'esr.imported'].entries()) {
    await app.services.auditLog.append({ actorId: 'E9000022', action, target: `t${i}`, summary: i === 1 ? '=HYPERLINK("http://evil")' : 'ok' });
  }
});

afterAll(async () => {
  await app?.stop();
});

describe('the audit log in the tab API', () => {
  it('when an L&D administrator lists it, then entries come newest first and the chain checks out', async () => {
    const response = await fetch(`${app.server.url}/api/audit`, { headers: as('E9000022') });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { head: number; chain: { ok: boolean }; entries: { seq: number; action: string }[] };
    expect(body.chain).toEqual({ ok: true, entries: body.head });
    expect(body.entries[0]!.seq).toBe(body.head);
    expect(body.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['matrix.topic-changed', 'evidence.verified', 'esr.imported']));
  });

  it('when a learner or a line manager asks, then the answer is 403', async () => {
    for (const staffId of ['E9000020', 'E9000021']) {
      expect((await fetch(`${app.server.url}/api/audit`, { headers: as(staffId) })).status).toBe(403);
      expect((await fetch(`${app.server.url}/api/audit/export`, { headers: as(staffId) })).status).toBe(403);
    }
  });

  it('when it is exported, then the CSV holds every entry, formulas are inert, and the export is itself audited', async () => {
    const response = await fetch(`${app.server.url}/api/audit/export`, { headers: as('E9000022') });
    expect(response.headers.get('content-disposition')).toContain('audit-log.csv');
    const text = await response.text();
    expect(text).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const list = (await (await fetch(`${app.server.url}/api/audit`, { headers: as('E9000022') })).json()) as { entries: { action: string; actorId: string }[] };
    expect(list.entries[0]).toMatchObject({ action: 'audit.exported', actorId: 'E9000022' });
  });

  it('when someone edits a stored entry behind the application, then the listing reports where the chain breaks', async () => {
    const table = app.services.store.client('auditlog');
    const row = await table.getEntity<{ data: string }>('chain', '000000000002');
    const entry = JSON.parse(row.data) as { summary: string };
    entry.summary = 'rejected';
    await table.updateEntity({ partitionKey: 'chain', rowKey: '000000000002', data: JSON.stringify(entry) }, 'Replace');
    try {
      const body = (await (await fetch(`${app.server.url}/api/audit`, { headers: as('E9000022') })).json()) as { chain: { ok: boolean; brokenAt?: number } };
      expect(body.chain).toMatchObject({ ok: false, brokenAt: 2 });
    } finally {
      // The entry as it was, for the tests that expect an intact chain, in whatever order they run.
      await table.updateEntity({ partitionKey: 'chain', rowKey: '000000000002', data: row.data }, 'Replace');
    }
  });
});
