import type { LocalDate } from '../time/local-date.js';

/** What the MLOG decides for a topic in the annual plan (the facts are computed, never stored). */
export interface PlanJudgement {
  nationalContent: 'Y' | 'N';
  assessMinutes: number | null;
  completeMinutes: number | null;
  improvement: string;
  updatedBy: string;
  updatedAt: string;
}

export interface PlanHeader {
  submitterName: string;
  dateSubmitted: LocalDate | null;
  updatedBy: string;
  updatedAt: string;
}

/** The key of a topic's judgement in a year's plan. */
export const planTopicKey = (subjectId: string, level: number) => `topic|${subjectId}|${level}`;
