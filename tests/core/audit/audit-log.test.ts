import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../../core/audit/audit-chain.js';
import { AuditLogRepository } from '../../../core/storage/audit-log-repository.js';
import { systemClock } from '../../../core/time/clock.js';
import { createTestStore } from '../../support/test-store.js';

describe('the audit chain on Azurite', () => {
  it('when several writers append at once, then every entry is kept, in one unbroken chain', async () => {
    const store = await createTestStore();
    const writers = [new AuditLogRepository(store, systemClock), new AuditLogRepository(store, systemClock)];
    await Promise.all(
      Array.from({ length: 30 }, (_, i) => writers[i % 2]!.append({ actorId: `E${i}`, action: 'matrix.topic-changed', target: `topic-${i}` })),
    );
    const entries = await writers[0]!.list();
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(entries.map((e) => e.target)).size).toBe(30);
    expect(verifyChain(entries)).toEqual({ ok: true, entries: 30 });
    expect((await writers[1]!.head()).hash).toBe(entries.at(-1)!.hash);
  });

  it('when an entry is changed or removed after it was written, then verification says which', async () => {
    const store = await createTestStore();
    const log = new AuditLogRepository(store, systemClock);
    for (let i = 0; i < 5; i++) await log.append({ actorId: 'E1', action: 'evidence.verified', target: `E${i}`, summary: 'verified' });
    const entries = await log.list();
    const changed = entries.map((e) => (e.seq === 3 ? { ...e, summary: 'rejected' } : e));
    expect(verifyChain(changed)).toMatchObject({ ok: false, brokenAt: 3, reason: expect.stringMatching(/changed/) });
    const removed = entries.filter((e) => e.seq !== 2);
    expect(verifyChain(removed)).toMatchObject({ ok: false, brokenAt: 2, reason: expect.stringMatching(/missing/) });
    const rehashed = entries.map((e) => (e.seq === 4 ? { ...e, previousHash: 'f'.repeat(64) } : e));
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, brokenAt: 4 });
  });
});
