import { randomUUID } from 'node:crypto';
import type { LearningDeps } from './ports.js';
import type { LearningConcern, TopicFeedback } from './types.js';

export interface FeedbackInput {
  subjectId: string;
  relevance: number;
  accessibility: number;
  effectiveness: number;
  comment?: string;
}

/** A learner's one-tap rating of a topic, kept per subject for its subject matter expert. */
export async function giveFeedback(deps: Pick<LearningDeps, 'feedback' | 'catalogue' | 'clock'>, staffId: string, input: FeedbackInput): Promise<{ kind: 'saved'; feedback: TopicFeedback } | { kind: 'unknown-subject' }> {
  const catalogue = await deps.catalogue.current();
  if (!catalogue.subject(input.subjectId)) return { kind: 'unknown-subject' };
  const comment = input.comment?.trim();
  const feedback: TopicFeedback = {
    id: randomUUID(),
    subjectId: input.subjectId,
    staffId,
    relevance: input.relevance,
    accessibility: input.accessibility,
    effectiveness: input.effectiveness,
    ...(comment ? { comment } : {}),
    givenAt: deps.clock.now().toISOString(),
  };
  await deps.feedback.save(feedback);
  return { kind: 'saved', feedback };
}

/** The policy's freedom to speak up: a concern that learning misses a real risk, recorded for the subject matter expert. */
export async function raiseConcern(deps: Pick<LearningDeps, 'concerns' | 'clock'>, staffId: string, input: { subjectId?: string; text: string }): Promise<LearningConcern> {
  const concern: LearningConcern = {
    id: randomUUID(),
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
    staffId,
    text: input.text.trim(),
    raisedAt: deps.clock.now().toISOString(),
    state: 'open',
  };
  await deps.concerns.save(concern);
  return concern;
}
