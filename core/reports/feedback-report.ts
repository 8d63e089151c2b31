import type { TopicFeedback } from '../learning/types.js';

export interface FeedbackSummary {
  subjectId: string;
  responses: number;
  relevance: number | null;
  accessibility: number | null;
  effectiveness: number | null;
  /** The latest comments, newest first, without who gave them (for the subject matter expert). */
  comments: { givenAt: string; text: string }[];
}

const mean = (values: number[]) => (values.length ? Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10 : null);

/** Ratings 1–5 averaged per topic, with the latest comments: what the policy asks SMEs to monitor. */
export function feedbackSummary(subjectId: string, feedback: readonly TopicFeedback[], commentLimit = 5): FeedbackSummary {
  return {
    subjectId,
    responses: feedback.length,
    relevance: mean(feedback.map((f) => f.relevance)),
    accessibility: mean(feedback.map((f) => f.accessibility)),
    effectiveness: mean(feedback.map((f) => f.effectiveness)),
    comments: feedback
      .filter((f) => f.comment?.trim())
      .sort((a, b) => b.givenAt.localeCompare(a.givenAt))
      .slice(0, commentLimit)
      .map((f) => ({ givenAt: f.givenAt, text: f.comment!.trim() })),
  };
}
