import { describe, expect, it } from 'vitest';
import { decideRequest, requestExemption, requestExtension } from '../../../core/learning/approvals.js';
import { decisionAnswer } from '../../../core/learning/answers/decision-answer.js';
import { requestAnswer } from '../../../core/learning/answers/request-answer.js';
import { computeCompliance } from '../../../core/learning/compliance.js';
import { addDays, addMonths } from '../../../core/time/local-date.js';
import { fakeLearning } from '../../support/fakes/fake-learning.js';

const ALEX = 'E9000020';
const MEGAN = 'E9000021';
const ADELE = 'E9000022';

/** Alex's current due date for a subject, as compliance computes it. */
async function dueDateOf(world: ReturnType<typeof fakeLearning>, subjectId: string) {
  const bundle = (await world.staff.getBundle(ALEX))!;
  const catalogue = await world.deps.catalogue.current();
  return computeCompliance({ ...bundle, catalogue, today: world.today, rules: world.deps.rules }).items.find((i) => i.subjectId === subjectId)!.dueDate!;
}

describe('asking for an extension (use case, in-memory ports)', () => {
  it('when Alex asks for two weeks more on fire safety with a reason, then the request is stored pending, Megan has it waiting, and nothing is chained yet', async () => {
    // Arrange
    const world = fakeLearning();
    const due = await dueDateOf(world, 'fire-safety');

    // Act
    const outcome = await requestExtension(world.deps, ALEX, { subjectId: 'fire-safety', requestedDate: addDays(due, 14), reason: 'on annual leave' });

    // Assert
    expect(outcome.kind).toBe('requested');
    const stored = (await world.staff.getBundle(ALEX))!.extensions;
    expect(stored).toEqual([expect.objectContaining({ subjectId: 'fire-safety', state: 'pending', currentDueDate: due, requestedDate: addDays(due, 14), approverIds: [MEGAN] })]);
    expect(world.inbox.waiting.get(MEGAN)).toEqual([{ kind: 'extension', requestId: stored[0]!.id, learnerId: ALEX }]);
    expect(world.staff.audit.map((a) => a.action)).toEqual(['extension.requested']);
    expect(world.staff.chain).toEqual([]);
  });

  it('when the date asked for is past the policy limit, then the rule is named, with the latest date allowed, and nothing is written', async () => {
    // Arrange
    const world = fakeLearning();
    const due = await dueDateOf(world, 'fire-safety');

    // Act
    const outcome = await requestExtension(world.deps, ALEX, { subjectId: 'fire-safety', requestedDate: addMonths(due, 4), reason: 'on leave' });

    // Assert
    expect(outcome).toMatchObject({ kind: 'too-late', latest: addMonths(due, 3), maxMonths: 3 });
    const answer = requestAnswer('extension', outcome, 'Fire Safety', 'L&D');
    expect(answer).toMatchObject({ ok: false, problem: 'invalid', code: 'too-late' });
    expect(answer.lines.join(' ')).toContain('at most 3 months past the current due date');
    expect(world.staff.writes).toBe(0);
  });

  it('when Alex asks twice for the same topic, then the second is refused while the first is open', async () => {
    const world = fakeLearning();
    const due = await dueDateOf(world, 'fire-safety');
    await requestExtension(world.deps, ALEX, { subjectId: 'fire-safety', requestedDate: addDays(due, 10), reason: 'on leave' });

    const again = await requestExtension(world.deps, ALEX, { subjectId: 'fire-safety', requestedDate: addDays(due, 20), reason: 'still on leave' });

    expect(again.kind).toBe('already-open');
    expect((await world.staff.getBundle(ALEX))!.extensions).toHaveLength(1);
  });
});

describe('deciding a request (use case, in-memory ports)', () => {
  async function pendingExtension() {
    const world = fakeLearning();
    const due = await dueDateOf(world, 'fire-safety');
    const outcome = await requestExtension(world.deps, ALEX, { subjectId: 'fire-safety', requestedDate: addDays(due, 14), reason: 'on leave' });
    if (outcome.kind !== 'requested') throw new Error(outcome.kind);
    return { world, request: outcome.request };
  }

  it('when Megan approves, then it is decided once, her inbox is cleared and the decision is chained with the change', async () => {
    // Arrange
    const { world, request } = await pendingExtension();

    // Act
    const outcome = await decideRequest(world.deps, 'extension', { learnerId: ALEX, requestId: request.id }, MEGAN, 'approve', 'enjoy your leave');

    // Assert
    expect(outcome).toMatchObject({ kind: 'decided', request: { state: 'approved', decidedBy: MEGAN, comment: 'enjoy your leave' } });
    expect(world.inbox.waiting.get(MEGAN)).toEqual([]);
    expect(world.staff.chain).toEqual([expect.objectContaining({ action: 'extension.approved', actorId: MEGAN, target: ALEX, details: { requestId: request.id, subjectId: 'fire-safety' } })]);
    expect(decisionAnswer(outcome).lines).toEqual([`Approved. Alex Wilber will be told.`]);
  });

  it('when Megan clicks again after deciding, then she is told she already did, and nothing more is written or chained', async () => {
    const { world, request } = await pendingExtension();
    await decideRequest(world.deps, 'extension', { learnerId: ALEX, requestId: request.id }, MEGAN, 'approve');
    const writes = world.staff.writes;

    const again = await decideRequest(world.deps, 'extension', { learnerId: ALEX, requestId: request.id }, MEGAN, 'decline');

    expect(again).toMatchObject({ kind: 'already-decided', byYou: true });
    expect(decisionAnswer(again)).toMatchObject({ ok: false, problem: 'conflict', code: 'already-decided' });
    expect(world.staff.writes).toBe(writes);
    expect(world.staff.chain).toHaveLength(1);
  });

  it('when Alex tries to decide his own request, or someone who is not his manager does, then it is refused and nothing changes', async () => {
    const { world, request } = await pendingExtension();

    const own = await decideRequest(world.deps, 'extension', { learnerId: ALEX, requestId: request.id }, ALEX, 'approve');
    const stranger = await decideRequest(world.deps, 'extension', { learnerId: ALEX, requestId: request.id }, ADELE, 'approve');

    expect(own).toEqual({ kind: 'forbidden', reason: 'own-request' });
    expect(stranger).toEqual({ kind: 'forbidden', reason: 'not-an-approver' });
    expect((await world.staff.getBundle(ALEX))!.extensions[0]!.state).toBe('pending');
    expect(world.staff.chain).toEqual([]);
  });
});

describe('asking for an exemption (use case, in-memory ports)', () => {
  it('when Alex says moving and handling is not relevant to his role, then the MLOG has it waiting and the answer says it is not guaranteed', async () => {
    const world = fakeLearning();

    const outcome = await requestExemption(world.deps, ALEX, { subjectId: 'moving-handling', reason: 'I never move patients in my role' });

    expect(outcome.kind).toBe('requested');
    expect(world.inbox.waiting.get(ADELE)?.map((w) => w.kind)).toEqual(['exemption']);
    expect(requestAnswer('exemption', outcome, 'Moving and Handling', 'L&D').lines.join(' ')).toContain('An exemption is not guaranteed');
  });
});
