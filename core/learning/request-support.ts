import { randomUUID } from 'node:crypto';
import type { LearningDeps } from './ports.js';
import type { SupportKind, SupportRequest } from './types.js';

export type SupportResult = { kind: 'recorded'; request: SupportRequest; managerIds: string[] } | { kind: 'not-found' };

/**
 * "I need help to complete this" / "I need a reasonable adjustment": recorded on the learner's
 * record, and the managers to tell are returned (the policy: managers give protected time and adjustments).
 */
export async function requestSupport(
  deps: Pick<LearningDeps, 'staff' | 'clock'>,
  staffId: string,
  input: { kind: SupportKind; subjectId?: string; detail: string },
): Promise<SupportResult> {
  const person = await deps.staff.getPerson(staffId);
  if (!person) return { kind: 'not-found' };
  const request: SupportRequest = {
    id: randomUUID(),
    kind: input.kind,
    ...(input.subjectId ? { subjectId: input.subjectId } : {}),
    detail: input.detail.trim(),
    requestedAt: deps.clock.now().toISOString(),
    state: 'open',
    notifiedManagerIds: person.managerIds,
  };
  await deps.staff.saveSupportRequest(staffId, request);
  return { kind: 'recorded', request, managerIds: person.managerIds };
}
