import type { AuditEvent } from '../audit/audit-chain.js';
import type { ApplicationSummary, Lifecycle, Outcome, PanelMember } from './model.js';
import type { Person } from '../people/types.js';
import { personRef } from './access.js';
import type { ApplicationRecord } from './application.js';
import { evaluateChecklist } from './checklist.js';
import { applyMemberAction, recordOutcome, schedulePanel, type MemberAction } from './lifecycle.js';
import { readOnlyProblem, resultOf } from './problem.js';
import { summaryOf } from './summary.js';
import { mutate, todayOf, type DecideContext, type WorkspaceDeps } from './workspace-deps.js';

/** Moving the application through its lifecycle; each move is one `application` event and an audit entry. */
async function move(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  decide: (ctx: DecideContext) => Lifecycle,
  audited: (app: ApplicationRecord, summary: ApplicationSummary) => AuditEvent,
): Promise<{ summary: ApplicationSummary; app: ApplicationRecord }> {
  return mutate(deps, person, appId, async (ctx) => {
    const lifecycle = decide(ctx);
    const app: ApplicationRecord = { ...ctx.app, lifecycle };
    const summary = summaryOf({ ...app, seq: ctx.app.seq + 1 }, deps.definitions, todayOf(deps));
    // The move and its audit entry are one change (see core/storage/audit-outbox.ts).
    return { app, events: [{ type: 'application', at: ctx.at, by: personRef(person), application: summary }], chain: [audited(app, summary)], result: { summary, app } };
  });
}

async function memberActionNow(deps: WorkspaceDeps, person: Person, appId: string, action: MemberAction, note?: string): Promise<ApplicationSummary> {
  const { summary, app } = await move(deps, person, appId, ({ app, access, at }) => {
    if (!access.canEdit) throw readOnlyProblem('The practices move their own application; the training hub schedules the panel and records the outcome.');
    return applyMemberAction(app.lifecycle, action, personRef(person), at, evaluateChecklist(app, deps.definitions), note);
  }, (moved, after) => ({ actorId: person.id, action: `workspace.${action === 'submit' ? 'submitted' : action}`, target: appId, summary: `${moved.pcnName}: ${after.lifecycle.stage}` }));
  if (action === 'submit' && deps.notifier) {
    const notifier = deps.notifier;
    deps.background('workspace.submitted-card', () => notifier.submitted(app, personRef(person)));
  }
  return summary;
}

async function scheduleThePanelNow(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  panel: { date: string; time?: string | undefined; location?: string | undefined; members: PanelMember[] },
): Promise<ApplicationSummary> {
  const { summary } = await move(deps, person, appId, ({ app, access, at }) => {
    if (!access.canReview) throw readOnlyProblem('The training hub schedules the panel.');
    return schedulePanel(app.lifecycle, panel, personRef(person), at);
  }, () => ({ actorId: person.id, action: 'workspace.panel-scheduled', target: appId, summary: `panel on ${panel.date} with ${panel.members.length} members` }));
  return summary;
}

async function recordTheOutcomeNow(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  decision: { outcome: Outcome; conditions?: string | undefined; annualReviewDate?: string | undefined },
): Promise<ApplicationSummary> {
  const { summary } = await move(deps, person, appId, ({ app, access, at }) => {
    if (!access.canReview) throw readOnlyProblem('The training hub records the panel\'s outcome.');
    return recordOutcome(app.lifecycle, decision, personRef(person), at);
  }, (_moved, after) => ({ actorId: person.id, action: 'workspace.outcome-recorded', target: appId, summary: decision.outcome, details: { annualReviewDate: after.lifecycle.annualReviewDate ?? null } }));
  return summary;
}

// The use cases: each returns its outcome (a value, or the refusal it stopped with), never throws one.
export const memberAction = (...args: Parameters<typeof memberActionNow>) => resultOf(() => memberActionNow(...args));
export const scheduleThePanel = (...args: Parameters<typeof scheduleThePanelNow>) => resultOf(() => scheduleThePanelNow(...args));
export const recordTheOutcome = (...args: Parameters<typeof recordTheOutcomeNow>) => resultOf(() => recordTheOutcomeNow(...args));
