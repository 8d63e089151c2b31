import { createHash } from 'node:crypto';
import { todayInLondon } from '../time/clock.js';
import type { LocalDate } from '../time/local-date.js';
import { recordExpiry } from './compliance.js';
import type { LearningDeps } from './ports.js';
import type { LearningRecord, Topic } from './types.js';

export interface CertificateInput {
  subjectId: string;
  level: number;
  completedOn: LocalDate;
  employer: string;
  reference?: string;
  fileUrl?: string;
}

export type CertificateResult =
  | { kind: 'pending-verification'; record: LearningRecord; topic: Topic; expiresOn: LocalDate | null }
  | { kind: 'already-expired'; topic: Topic; expiredOn: LocalDate }
  | { kind: 'unknown-topic' }
  | { kind: 'future-date'; today: LocalDate }
  | { kind: 'not-found' };

/**
 * Evidence of learning done for a previous NHS employer (primary care is outside ESR's transfer): it
 * counts once learning and development verify it; until then the learner sees it pending. A
 * certificate that has already expired cannot save anyone repeating the learning, so it is refused.
 */
export async function bringCertificate(deps: LearningDeps, staffId: string, input: CertificateInput): Promise<CertificateResult> {
  const today = todayInLondon(deps.clock);
  if (input.completedOn > today) return { kind: 'future-date', today };
  const catalogue = await deps.catalogue.current();
  const topic = catalogue.levelsOf(input.subjectId).find((t) => t.level === input.level);
  if (!topic) return { kind: 'unknown-topic' };
  const expiresOn = recordExpiry({ completedOn: input.completedOn }, topic.renewalMonths);
  if (expiresOn !== null && expiresOn < today) return { kind: 'already-expired', topic, expiredOn: expiresOn };
  const person = await deps.staff.getPerson(staffId);
  if (!person) return { kind: 'not-found' };

  const employer = input.employer.trim();
  const reference = input.reference?.trim();
  const fingerprint = `${staffId}|${input.subjectId}|${input.level}|${input.completedOn}|${employer.toLowerCase()}|${reference ?? ''}`;
  const record: LearningRecord = {
    id: `cert-${createHash('sha256').update(fingerprint).digest('hex').slice(0, 24)}`,
    subjectId: input.subjectId,
    level: input.level,
    completedOn: input.completedOn,
    method: 'transferred',
    source: { kind: 'transferred', employer, ...(reference ? { reference } : {}), ...(input.fileUrl ? { fileUrl: input.fileUrl } : {}) },
    verification: { state: 'pending' },
    recordedAt: deps.clock.now().toISOString(),
  };
  // Queued first: a queue row whose record never arrived is skipped by the reader; a record never queued would wait unseen.
  await deps.evidence?.enqueue({ learnerId: staffId, recordId: record.id, subjectId: record.subjectId, level: record.level, broughtAt: record.recordedAt });
  await deps.staff.saveRecord(staffId, record);
  return { kind: 'pending-verification', record, topic, expiresOn };
}
