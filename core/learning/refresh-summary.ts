import { summaryOf } from './person-summary.js';
import type { LearningDeps } from './ports.js';
import { whatsDue } from './whats-due.js';

/** Recomputes one person's compact summary row after their learning, roles or requests change. */
export async function refreshSummary(deps: LearningDeps, staffId: string): Promise<void> {
  const result = await whatsDue(deps, staffId);
  if (result.kind !== 'ok') return;
  await deps.summaries.save(summaryOf(result.person, result.compliance));
}
