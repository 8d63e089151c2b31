import type { DeadlineRisk, Outcome, SectionStatus, Stage } from '../../../shared/workspace-api';

type BadgeColor = 'informative' | 'success' | 'warning' | 'danger' | 'important' | 'subtle' | 'brand' | 'severe';

export const STATUS_LABEL: Record<SectionStatus, string> = {
  'not-started': 'Not started',
  drafting: 'Drafting',
  'ready-for-review': 'Ready for review',
  agreed: 'Agreed',
};
export const STATUS_COLOR: Record<SectionStatus, BadgeColor> = {
  'not-started': 'subtle',
  drafting: 'informative',
  'ready-for-review': 'warning',
  agreed: 'success',
};

export const STAGE_LABEL: Record<Stage, string> = {
  drafting: 'Drafting',
  'internal-review': 'Internal review',
  submitted: 'Submitted to the training hub',
  'panel-scheduled': 'Panel scheduled',
  decided: 'Panel outcome recorded',
};

export const OUTCOME_LABEL: Record<Outcome, string> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  'not-yet-approved': 'Not yet approved',
};
export const OUTCOME_COLOR: Record<Outcome, BadgeColor> = {
  approved: 'success',
  'approved-with-conditions': 'warning',
  'not-yet-approved': 'danger',
};

export const RISK_LABEL: Record<DeadlineRisk, string> = {
  complete: 'Complete',
  'on-track': 'On track',
  'at-risk': 'At risk',
  behind: 'Behind',
  missed: 'Deadline missed',
};
export const RISK_COLOR: Record<DeadlineRisk, BadgeColor> = {
  complete: 'success',
  'on-track': 'informative',
  'at-risk': 'warning',
  behind: 'severe',
  missed: 'danger',
};

export function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((p) => p[0]!.toUpperCase())
    .join('');
}
