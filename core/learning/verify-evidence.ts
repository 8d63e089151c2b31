import type { Person } from '../people/types.js';
import { todayInLondon } from '../time/clock.js';
import { auditEntry } from './audit.js';
import type { LearningDeps } from './ports.js';
import { refreshSummary } from './refresh-summary.js';
import type { LearningRecord } from './types.js';
import { can } from '../people/authorisation.js';

export interface EvidenceDeps extends LearningDeps {
  queue: { markDone(learnerId: string, recordId: string, state: 'verified' | 'rejected' | 'gone'): Promise<void> };
}

export type EvidenceDecision = { decision: 'verify' } | { decision: 'reject'; reason: string };

export type VerifyEvidenceResult =
  | { kind: 'decided'; record: LearningRecord; learner: Person }
  | { kind: 'already-decided'; record: LearningRecord }
  | { kind: 'forbidden'; reason: 'own-evidence' | 'not-an-administrator' }
  | { kind: 'reason-required' }
  | { kind: 'not-found' };

/** Only certificates brought from elsewhere wait for verification; anything else is not evidence to judge. */
export function isAwaitingVerification(record: LearningRecord): boolean {
  return record.source.kind === 'transferred' && record.verification.state === 'pending';
}

/**
 * Learning and development verify a certificate a learner brought (from then on it counts, like any
 * record) or reject it with a reason (it never counts; the learner is told why). Decided exactly once:
 * the record is changed in the learner's aggregate under its ETag, so a second decision finds it decided.
 */
export async function decideEvidence(deps: EvidenceDeps, actor: Person, ids: { learnerId: string; recordId: string }, input: EvidenceDecision): Promise<VerifyEvidenceResult> {
  if (!can(actor, 'evidence.verify')) return { kind: 'forbidden', reason: 'not-an-administrator' };
  if (actor.id === ids.learnerId) return { kind: 'forbidden', reason: 'own-evidence' };
  const reason = input.decision === 'reject' ? input.reason.trim() : '';
  if (input.decision === 'reject' && reason.length < 3) return { kind: 'reason-required' };

  const today = todayInLondon(deps.clock);
  const now = deps.clock.now().toISOString();
  type Outcome = { kind: 'decided'; record: LearningRecord; learner: Person } | { kind: 'already-decided'; record: LearningRecord } | { kind: 'not-found' };
  const outcome = await deps.staff.change<Outcome>(ids.learnerId, (bundle) => {
    const record = bundle.records.find((r) => r.id === ids.recordId);
    if (!record || record.source.kind !== 'transferred') return { kind: 'keep', result: { kind: 'not-found' } };
    if (!isAwaitingVerification(record)) return { kind: 'keep', result: { kind: 'already-decided', record } };
    const decided: LearningRecord = {
      ...record,
      verification: input.decision === 'verify' ? { state: 'verified', by: actor.id, on: today } : { state: 'rejected', by: actor.id, on: today, reason },
    };
    const audit = auditEntry({
      at: now,
      actorId: actor.id,
      personId: ids.learnerId,
      action: input.decision === 'verify' ? 'evidence.verified' : 'evidence.rejected',
      subjectId: record.subjectId,
      ...(reason ? { why: reason } : {}),
      what: `certificate from ${record.source.employer}, completed ${record.completedOn}`,
    });
    const state = input.decision === 'verify' ? 'verified' : 'rejected';
    return {
      kind: 'write',
      bundle: { ...bundle, records: bundle.records.map((r) => (r.id === record.id ? decided : r)) },
      records: [decided],
      audit: [audit],
      chain: [
        {
          actorId: actor.id,
          action: `evidence.${state}`,
          target: ids.learnerId,
          summary: `${record.subjectId} level ${record.level}, certificate ${state}`,
          details: { recordId: ids.recordId, ...(reason ? { reason } : {}) },
        },
      ],
      result: { kind: 'decided', record: decided, learner: bundle.person },
    };
  });
  if (!outcome || outcome.kind === 'not-found') {
    await deps.queue.markDone(ids.learnerId, ids.recordId, 'gone');
    return { kind: 'not-found' };
  }
  if (outcome.kind === 'already-decided') return outcome;
  const state = input.decision === 'verify' ? 'verified' : 'rejected';
  await Promise.all([refreshSummary(deps, ids.learnerId), deps.queue.markDone(ids.learnerId, ids.recordId, state)]);
  return outcome;
}
