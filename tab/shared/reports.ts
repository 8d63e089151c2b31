/** The reports API's contract, shared by the server and the browser (plain types only). */
import type { Figures as ReportFigures, PlanTopicRow as AnnualPlanTopic, TrendPoint } from '../../core/reports/report-shapes.js';
import type { TrendHistoryState } from '../../core/reports/trend-history.js';

// The report's own shapes (core/reports/report-shapes.ts), named here as the API says them.
export type { ReportFigures, AnnualPlanTopic, TrendPoint, TrendHistoryState };


export interface ReportScope {
  kind: 'organisation' | 'team';
  label: string;
}


/** GET /api/reports/compliance?orgDepth=&staffGroup=&orgUnit= */
export interface ComplianceReportResponse {
  scope: ReportScope;
  asOf: string;
  threshold: number;
  people: number;
  overall: ReportFigures;
  bySubject: (ReportFigures & { subjectId: string; subject: string })[];
  byStaffGroup: (ReportFigures & { staffGroup: string })[];
  byOrgUnit: (ReportFigures & { orgUnit: string })[];
  cells: (ReportFigures & { subjectId: string; subject: string; staffGroup: string; orgUnit: string })[];
  filters: { staffGroups: string[]; orgUnits: string[]; orgDepth: number | null };
  /** Organisation scope only: monthly snapshots, oldest first, then this month's live figure. */
  trend: TrendPoint[];
  /** Organisation scope only: the months before snapshots began, being worked out from the records (or done). */
  history: TrendHistoryState | null;
  computedInMs: number;
}

export interface DnaReportResponse {
  scope: ReportScope;
  from: string;
  to: string;
  rows: { staffId: string; name: string; staffGroup: string; orgUnit: string; subjectId: string; subject: string; sessionDate: string; reason: string; plan: string; recordedBy: string; recordedByName: string; recordedAt: string }[];
  bySubject: { subjectId: string; subject: string; count: number }[];
  byOrgUnit: { orgUnit: string; count: number }[];
}

export interface FeedbackReportResponse {
  subjects: { subjectId: string; subject: string; responses: number; relevance: number | null; accessibility: number | null; effectiveness: number | null; comments: { givenAt: string; text: string }[] }[];
}

export interface UnreachableReportResponse {
  scope: ReportScope;
  total: number;
  people: number;
  counts: Record<'no-teams-account' | 'no-conversation' | 'conversation-gone', number>;
  rows: { staffId: string; name: string; staffGroup: string; orgUnit: string; reason: 'no-teams-account' | 'no-conversation' | 'conversation-gone'; reasonText: string; since?: string }[];
  truncated: boolean;
}


/** GET /api/reports/annual-plan?year= */
export interface AnnualPlanResponse {
  year: number;
  label: string;
  organisationName: string;
  headcount: { asOf: string; value: number; basis: string };
  submitterName: string;
  dateSubmitted: string | null;
  national: AnnualPlanTopic[];
  local: AnnualPlanTopic[];
  totals: { staffHoursPerYear: number };
  /** How "staff hours a year" is worked out, in words. */
  formula: string;
  editable: boolean;
}

/** PUT /api/reports/annual-plan/:year */
export interface AnnualPlanUpdate {
  header?: { submitterName: string; dateSubmitted: string | null };
  topics?: { subjectId: string; level: number; nationalContent: 'Y' | 'N'; assessMinutes: number | null; completeMinutes: number | null; improvement: string }[];
}

export const REPORT_EXPORTS = ['compliance', 'dna', 'feedback', 'unreachable', 'annual-plan', 'passport-records'] as const;
export type ReportExport = (typeof REPORT_EXPORTS)[number];
