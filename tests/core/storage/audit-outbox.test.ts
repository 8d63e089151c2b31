import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { verifyChain, type AuditEvent } from '../../../core/audit/audit-chain.js';
import { AuditLogRepository } from '../../../core/storage/audit-log-repository.js';
import { AuditOutbox, FENCE_PREFIX, submitChained } from '../../../core/storage/audit-outbox.js';
import type { TableStore } from '../../../core/storage/table-store.js';
import { systemClock } from '../../../core/time/clock.js';
import { createTestStore } from '../../support/test-store.js';

const event = (n: number): AuditEvent => ({ actorId: 'E1', action: 'extension.approved', target: `L${n}`, summary: `decision ${n}` });
const row = (n: number) => ({ partitionKey: 'p1', rowKey: `r${n}`, value: n });

describe('the audit outbox (Azurite)', () => {
  let store: TableStore;
  let chain: AuditLogRepository;
  let outbox: AuditOutbox;

  beforeEach(async () => {
    store = await createTestStore();
    chain = new AuditLogRepository(store, systemClock);
    outbox = new AuditOutbox(store, chain);
  });

  const staff = () => store.client('staff');

  it('when a change with an event is stored, then the event is chained once and nothing is left pending', async () => {
    await submitChained(outbox, staff(), { table: 'staff', partitionKey: 'p1' }, [['create', row(1)]], [event(1)]);
    const entries = await chain.list();
    expect(entries.map((e) => e.summary)).toEqual(['decision 1']);
    expect(await outbox.pending()).toBe(0);
    expect((await staff().getEntity('p1', 'r1')).value).toBe(1);
  });

  it('when storage refuses the change, then nothing is chained and no intent is left', async () => {
    await staff().createEntity(row(2));
    await expect(submitChained(outbox, staff(), { table: 'staff', partitionKey: 'p1' }, [['create', row(2)]], [event(2)])).rejects.toMatchObject({ statusCode: 409 });
    expect(await chain.list()).toEqual([]);
    expect(await outbox.pending()).toBe(0);
  });

  it('when the process dies after the change and before the chain, then the next sweep chains it, once, however many sweep at once', async () => {
    // Arrange: a writer whose chain append never happens (it "dies" there).
    const dying = new AuditOutbox(store, { appendOnce: () => Promise.reject(new Error('killed')) });
    await submitChained(dying, staff(), { table: 'staff', partitionKey: 'p1' }, [['create', row(3)]], [event(3)]);
    expect(await chain.list()).toEqual([]);
    expect(await outbox.pending()).toBe(1);

    // Act: four instances sweep at the same moment.
    const reports = await Promise.all([1, 2, 3, 4].map(() => new AuditOutbox(store, chain).sweep({ fenceAfterMs: 60_000 }).catch(() => ({ chained: 0, dropped: 0, waiting: 0 }))));

    // Assert
    const entries = await chain.list();
    expect(entries.map((e) => e.summary)).toEqual(['decision 3']);
    expect(verifyChain(entries).ok).toBe(true);
    expect(reports.reduce((n, r) => n + r.chained, 0)).toBeGreaterThanOrEqual(1);
    expect(await outbox.pending()).toBe(0);
  });

  it('when the process dies after the intent and before the change, then the sweep waits, then fences it, and the change can never arrive late', async () => {
    // Arrange: an intent whose change never reached storage.
    let fenceRows: Parameters<Parameters<AuditOutbox['commit']>[2]>[0]['fenceRows'] = [];
    await expect(
      outbox.commit({ table: 'staff', partitionKey: 'p1' }, [event(4)], async (chained) => {
        fenceRows = chained.fenceRows;
        throw new Error('socket hang up'); // not a refusal: it may or may not have committed
      }),
    ).rejects.toThrow('socket hang up');
    expect(await outbox.pending()).toBe(1);

    // Act and assert: too young to judge, then fenced.
    expect(await outbox.sweep({ fenceAfterMs: 60_000 })).toEqual({ chained: 0, dropped: 0, waiting: 1 });
    expect(await outbox.sweep({ fenceAfterMs: 0 })).toEqual({ chained: 0, dropped: 1, waiting: 0 });
    expect(await outbox.pending()).toBe(0);
    expect(await chain.list()).toEqual([]);

    // The late transaction fails as a whole: its fence row exists already.
    await expect(staff().submitTransaction([['create', row(4)], ...fenceRows])).rejects.toMatchObject({ statusCode: 409 });
    await expect(staff().getEntity('p1', 'r4')).rejects.toMatchObject({ statusCode: 404 });
  });

  it('when the same change id is appended twice, then the chain holds it once and still verifies', async () => {
    const id = randomUUID();
    const [a, b] = await Promise.all([chain.appendOnce(id, event(5)), chain.appendOnce(id, event(5))]);
    expect([a.appended, b.appended].sort()).toEqual([false, true]);
    const entries = await chain.list();
    expect(entries).toHaveLength(1);
    expect(verifyChain(entries).ok).toBe(true);
    expect(await chain.chainedAt(id)).toBe(1);
  });

  it('when a change spans more than one transaction, then its fence row goes in the first, with the change itself', async () => {
    const dying = new AuditOutbox(store, { appendOnce: () => Promise.reject(new Error('killed')) });
    const actions = Array.from({ length: 150 }, (_, i) => ['upsert', row(100 + i)] as const);
    await submitChained(dying, staff(), { table: 'staff', partitionKey: 'p1' }, actions.map((a) => [...a]) as never, [event(6)]);
    const fences = [];
    for await (const entity of staff().listEntities({ queryOptions: { filter: `PartitionKey eq 'p1' and RowKey ge '${FENCE_PREFIX}'` } })) fences.push(entity);
    expect(fences).toHaveLength(1);
    expect(await outbox.sweep({ fenceAfterMs: 60_000 })).toMatchObject({ chained: 1 });
  });
});
