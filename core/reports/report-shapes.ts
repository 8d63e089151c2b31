/**
 * The shapes reports are made of: plain types with no imports, so the tab's contract
 * (tab/shared/reports.ts) names them for the browser instead of declaring them again.
 */

/** Counts for one group of requirements; exempt ones are counted apart and left out of the percentage. */
export interface Figures {
  required: number;
  compliant: number;
  overdue: number;
  dueSoon: number;
  exempt: number;
  percent: number;
  belowThreshold: boolean;
}

/** One topic of the annual plan: facts computed from the matrix and the people, judgements stored. */
export interface PlanTopicRow {
  subjectId: string;
  level: number;
  topic: string;
  kind: 'national' | 'local';
  /** Facts, computed from the requirement matrix and the people. */
  headcountRequired: number;
  renewalMonths: number | null;
  renewal: string;
  /** Judgements, stored (defaults until someone decides). */
  nationalContent: 'Y' | 'N';
  assessMinutes: number | null;
  completeMinutes: number | null;
  improvement: string;
  updatedBy?: string;
  updatedAt?: string;
  /** Computed from both: headcount × (time to assess + time to complete), spread over the renewal period. */
  staffHoursPerYear: number | null;
}

/** One month of the organisation's compliance trend. */
export interface TrendPoint {
  month: string;
  takenOn: string;
  percent: number;
  people: number;
  bySubject: Record<string, number>;
  /** The live figure for the current month, not a stored snapshot. */
  live?: boolean;
  /** How the month's figure was got: a snapshot taken that month, worked out afterwards from the stored records and history, or today's. */
  basis: 'snapshot' | 'records' | 'live';
}
