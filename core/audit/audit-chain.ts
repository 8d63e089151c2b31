import { createHash } from 'node:crypto';

/**
 * The organisation's audit log: sensitive actions (decisions, verifications, imports, matrix changes,
 * exports) in one append-only chain. Each entry carries the hash of the one before, so changing or
 * removing an entry shows: every later hash stops matching.
 */
export interface AuditEvent {
  /** Who did it: a staff id, or `system` for scheduled work. */
  actorId: string;
  /** Dotted verb: `matrix.topic-changed`, `esr.imported`, `evidence.verified`, `report.exported`… */
  action: string;
  /** What it was done to: a staff id, topic id, application id, file name… */
  target?: string;
  /** A few words of what changed (no more personal data than the action needs). */
  summary?: string;
  /** Structured detail, kept as given. */
  details?: Record<string, unknown>;
}

export interface ChainedAuditEntry extends AuditEvent {
  seq: number;
  at: string;
  previousHash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash of an entry: over its sequence, time, previous hash and content, in a fixed order. */
export function entryHash(entry: Omit<ChainedAuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([
    entry.seq,
    entry.at,
    entry.previousHash,
    entry.actorId,
    entry.action,
    entry.target ?? null,
    entry.summary ?? null,
    entry.details ?? null,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

export function chainEntry(event: AuditEvent, seq: number, at: string, previousHash: string): ChainedAuditEntry {
  const base = { ...event, seq, at, previousHash };
  return { ...base, hash: entryHash(base) };
}

export type ChainCheck = { ok: true; entries: number } | { ok: false; brokenAt: number; reason: string };

/** Walks entries in sequence order and reports the first that does not follow from the one before. */
export function verifyChain(entries: readonly ChainedAuditEntry[], startHash = GENESIS_HASH, startSeq = 1): ChainCheck {
  let previous = startHash;
  let expectedSeq = startSeq;
  for (const entry of entries) {
    if (entry.seq !== expectedSeq) return { ok: false, brokenAt: expectedSeq, reason: `entry ${expectedSeq} is missing` };
    if (entry.previousHash !== previous) return { ok: false, brokenAt: entry.seq, reason: `entry ${entry.seq} does not follow entry ${entry.seq - 1}` };
    const { hash, ...rest } = entry;
    if (entryHash(rest) !== hash) return { ok: false, brokenAt: entry.seq, reason: `entry ${entry.seq} was changed after it was written` };
    previous = hash;
    expectedSeq++;
  }
  return { ok: true, entries: entries.length };
}
