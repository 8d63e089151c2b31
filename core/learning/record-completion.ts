import { createHash } from 'node:crypto';
import { todayInLondon } from '../time/clock.js';
import { addDays, type LocalDate } from '../time/local-date.js';
import type { CatalogueIndex } from './catalogue-index.js';
import { computeCompliance, type ComplianceItem } from './compliance.js';
import type { LearningDeps } from './ports.js';
import { summaryOf } from './person-summary.js';
import type { CompletionMethod, LearningRecord, Topic } from './types.js';

/** Methods a learner may record themselves; e-learning and assessments arrive from the learning platform or ESR. */
export const SELF_RECORDABLE: readonly CompletionMethod[] = ['self-declaration', 'drill', 'session', 'practical-assessment', 'blended'];

export interface RecordCompletionInput {
  subjectId: string;
  level?: number;
  completedOn: LocalDate;
  method: CompletionMethod;
}

export type RecordCompletionResult =
  | { kind: 'recorded'; record: LearningRecord; topic: Topic; item: ComplianceItem | undefined }
  | { kind: 'unknown-subject' }
  | { kind: 'not-found' }
  | { kind: 'method-not-allowed'; topic: Topic; allowed: CompletionMethod[] }
  | { kind: 'future-date'; today: LocalDate }
  | { kind: 'too-old'; earliest: LocalDate };

/** The level a person needs of a subject (from their roles), else the lowest level that exists. */
export function levelFor(catalogue: CatalogueIndex, items: readonly ComplianceItem[], subjectId: string, asked?: number): number | undefined {
  if (asked !== undefined) return catalogue.levelsOf(subjectId).some((t) => t.level === asked) ? asked : undefined;
  return items.find((i) => i.subjectId === subjectId)?.level ?? catalogue.levelsOf(subjectId)[0]?.level;
}

export function selfRecordableMethods(topic: Topic): CompletionMethod[] {
  return topic.methods.filter((m) => SELF_RECORDABLE.includes(m));
}

/**
 * A learner records a completion they did (a fire drill, a face-to-face session, a self-declaration)
 * where the catalogue allows that way for the topic. Recording the same thing twice stores it once.
 */
export async function recordCompletion(deps: LearningDeps, staffId: string, input: RecordCompletionInput): Promise<RecordCompletionResult> {
  const today = todayInLondon(deps.clock);
  if (input.completedOn > today) return { kind: 'future-date', today };
  const earliest = addDays(today, -365 * 5);
  if (input.completedOn < earliest) return { kind: 'too-old', earliest };
  const [bundle, catalogue] = await Promise.all([deps.staff.getBundle(staffId), deps.catalogue.current()]);
  if (!catalogue.subject(input.subjectId)) return { kind: 'unknown-subject' };
  if (!bundle) return { kind: 'not-found' };
  const before = computeCompliance({ ...bundle, catalogue, today, rules: deps.rules });
  const level = levelFor(catalogue, before.items, input.subjectId, input.level);
  const topic = level === undefined ? undefined : catalogue.topicFor(input.subjectId, level);
  if (!topic || level === undefined) return { kind: 'unknown-subject' };
  const allowed = selfRecordableMethods(topic);
  if (!allowed.includes(input.method)) return { kind: 'method-not-allowed', topic, allowed };

  const id = createHash('sha256').update(`${staffId}|${input.subjectId}|${level}|${input.completedOn}|${input.method}`).digest('hex').slice(0, 24);
  const record: LearningRecord = {
    id: `self-${id}`,
    subjectId: input.subjectId,
    level,
    completedOn: input.completedOn,
    method: input.method,
    source: { kind: 'self' },
    verification: { state: 'verified' },
    recordedAt: deps.clock.now().toISOString(),
  };
  await deps.staff.saveRecord(staffId, record);
  const after = computeCompliance({ ...bundle, records: [...bundle.records.filter((r) => r.id !== record.id), record], catalogue, today, rules: deps.rules });
  await deps.summaries.save(summaryOf(bundle.person, after));
  return { kind: 'recorded', record, topic, item: after.items.find((i) => i.subjectId === input.subjectId) };
}
