import type { ChecklistItemResult, Lifecycle, Outcome, PanelMember, PersonRef, Stage } from './model.js';
import { MIN_PANEL_MEMBERS } from './model.js';
import { addMonths, type LocalDate } from '../time/local-date.js';
import { badRequestProblem, checklistProblem, wrongStageProblem } from './problem.js';

/**
 * drafting → internal review → submitted → panel scheduled → decided (approved / approved with
 * conditions / not yet approved) → annual review. The practices move their own application up to
 * submission; the training hub schedules the panel and records its outcome. "Not yet approved"
 * lets the practices return to drafting and submit again.
 */
export const STAGE_LABELS: Record<Stage, string> = {
  drafting: 'Drafting',
  'internal-review': 'Internal review',
  submitted: 'Submitted to the training hub',
  'panel-scheduled': 'Panel scheduled',
  decided: 'Panel outcome recorded',
};

export const OUTCOME_LABELS: Record<Outcome, string> = {
  approved: 'Approved',
  'approved-with-conditions': 'Approved with conditions',
  'not-yet-approved': 'Not yet approved',
};

/** While the hub holds the submitted application, its text does not move under the panel. */
export function fieldsEditable(lifecycle: Lifecycle): boolean {
  return lifecycle.stage !== 'submitted' && lifecycle.stage !== 'panel-scheduled';
}

export function initialLifecycle(by: PersonRef, at: string): Lifecycle {
  return { stage: 'drafting', history: [{ stage: 'drafting', at, by }] };
}

const moved = (lifecycle: Lifecycle, stage: Stage, by: PersonRef, at: string, note?: string): Lifecycle => ({
  ...lifecycle,
  stage,
  history: [...lifecycle.history, { stage, at, by, ...(note ? { note } : {}) }],
});

export type MemberAction = 'start-internal-review' | 'return-to-drafting' | 'submit';

export function applyMemberAction(lifecycle: Lifecycle, action: MemberAction, by: PersonRef, at: string, checklist: readonly ChecklistItemResult[], note?: string): Lifecycle {
  const { stage } = lifecycle;
  switch (action) {
    case 'start-internal-review':
      if (stage !== 'drafting') throw wrongStageProblem(`Internal review starts from drafting; the application is at "${STAGE_LABELS[stage]}".`, stage);
      return { ...moved(lifecycle, 'internal-review', by, at, note), internalReviewAt: at };
    case 'return-to-drafting': {
      const allowed = stage === 'internal-review' || stage === 'submitted' || (stage === 'decided' && lifecycle.outcome?.outcome === 'not-yet-approved');
      if (!allowed) throw wrongStageProblem(`The application cannot go back to drafting from "${STAGE_LABELS[stage]}".`, stage);
      const next = moved(lifecycle, 'drafting', by, at, note);
      // Withdrawing a submission also withdraws the submission details; a resubmission starts afresh.
      const { submittedAt: _s, submittedBy: _b, ...rest } = next;
      return stage === 'submitted' ? rest : next;
    }
    case 'submit': {
      if (stage !== 'internal-review') throw wrongStageProblem(`Submit after the internal review; the application is at "${STAGE_LABELS[stage]}".`, stage);
      const missing = checklist.filter((c) => !c.done);
      if (missing.length > 0) {
        throw checklistProblem(missing);
      }
      const { panel: _p, outcome: _o, annualReviewDate: _a, ...rest } = moved(lifecycle, 'submitted', by, at, note);
      return { ...rest, submittedAt: at, submittedBy: by };
    }
  }
}

export function schedulePanel(
  lifecycle: Lifecycle,
  panel: { date: string; time?: string | undefined; location?: string | undefined; members: PanelMember[] },
  by: PersonRef,
  at: string,
): Lifecycle {
  if (lifecycle.stage !== 'submitted' && lifecycle.stage !== 'panel-scheduled') {
    throw wrongStageProblem(`A panel is scheduled for a submitted application; this one is at "${STAGE_LABELS[lifecycle.stage]}".`, lifecycle.stage);
  }
  const members = panel.members.filter((m) => m.name.trim() !== '');
  const distinct = new Set(members.map((m) => m.name.trim().toLowerCase())).size;
  if (distinct < MIN_PANEL_MEMBERS) {
    throw badRequestProblem(`A panel needs at least ${MIN_PANEL_MEMBERS} different members; ${distinct} given.`, { min: MIN_PANEL_MEMBERS, given: distinct });
  }
  const scheduled = {
    date: panel.date,
    ...(panel.time ? { time: panel.time } : {}),
    ...(panel.location ? { location: panel.location } : {}),
    members: members.map((m) => ({ name: m.name.trim(), role: m.role.trim(), ...(m.organisation ? { organisation: m.organisation } : {}) })),
    scheduledBy: by,
    scheduledAt: at,
  };
  const note = lifecycle.stage === 'panel-scheduled' ? `Panel moved to ${panel.date}` : `Panel on ${panel.date}`;
  return { ...moved(lifecycle, 'panel-scheduled', by, at, note), panel: scheduled };
}

export function recordOutcome(
  lifecycle: Lifecycle,
  decision: { outcome: Outcome; conditions?: string | undefined; annualReviewDate?: string | undefined },
  by: PersonRef,
  at: string,
): Lifecycle {
  if (lifecycle.stage !== 'panel-scheduled' || !lifecycle.panel) {
    throw wrongStageProblem(`The outcome is recorded after a panel has been scheduled; the application is at "${STAGE_LABELS[lifecycle.stage]}".`, lifecycle.stage);
  }
  if (decision.outcome === 'approved-with-conditions' && !decision.conditions?.trim()) {
    throw badRequestProblem('Say what the conditions are.');
  }
  const approved = decision.outcome !== 'not-yet-approved';
  const annualReviewDate = approved ? (decision.annualReviewDate ?? addMonths(lifecycle.panel.date as LocalDate, 12)) : undefined;
  return {
    ...moved(lifecycle, 'decided', by, at, OUTCOME_LABELS[decision.outcome]),
    outcome: { outcome: decision.outcome, ...(decision.conditions?.trim() ? { conditions: decision.conditions.trim() } : {}), decidedAt: at, recordedBy: by },
    ...(annualReviewDate ? { annualReviewDate } : {}),
  };
}
