import { describe, expect, it } from 'vitest';
import type { ApplicationRecord } from '../../core/workspace/application.js';
import { evaluateChecklist, progressOf } from '../../core/workspace/checklist.js';
import { countdownOf } from '../../core/workspace/countdown.js';
import { WORKSPACE_DEFINITIONS } from '../../core/workspace/definitions.js';
import { factsOf } from '../../core/workspace/field-facts.js';
import { applyMemberAction, initialLifecycle, recordOutcome, schedulePanel } from '../../core/workspace/lifecycle.js';
import { pcnPracticeOf } from '../../core/workspace/access.js';
import { localDate } from '../../core/time/local-date.js';
import { Refused } from '../../core/workspace/problem.js';
import type { StoredEvent } from '../../core/storage/workspace-repository.js';

const by = { staffId: 'E1', name: 'Tester' };
const at = '2026-11-21T12:00:00.000Z';

function application(overrides: Partial<ApplicationRecord> = {}): ApplicationRecord {
  return {
    id: 'lo-1',
    title: 't',
    pcnName: 'Severn Vale PCN',
    practices: [{ name: 'Oakfield Surgery', odsCode: 'L81001' }],
    lifecycle: initialLifecycle(by, at),
    sections: {},
    addedMembers: [],
    facts: {},
    createdAt: '2026-10-01T09:00:00.000Z',
    createdBy: by,
    seq: 1,
    ...overrides,
  };
}

describe('checklist, progress and countdown', () => {
  it('when nothing is written, then every item is missing and progress is 0 %', () => {
    const checklist = evaluateChecklist(application(), WORKSPACE_DEFINITIONS);
    expect(checklist.find((c) => c.id === 'practices')).toMatchObject({ done: false, detail: '1 of at least 2' });
    expect(checklist.filter((c) => c.done)).toEqual([]);
    expect(progressOf(application(), WORKSPACE_DEFINITIONS).percent).toBe(0);
  });

  it('when the supervisors table names only clinical supervisors, then the educational supervisor item is still missing', () => {
    const table = WORKSPACE_DEFINITIONS.sections.find((s) => s.id === 'supervisors')!.fields[0]!;
    const facts = factsOf('Dr A\tGP\tOakfield\tClinical\tnone', table, WORKSPACE_DEFINITIONS.checklist);
    const checklist = evaluateChecklist(application({ facts: { 'supervisors.list': facts } }), WORKSPACE_DEFINITIONS);
    expect(checklist.find((c) => c.id === 'clinical-supervisor')!.done).toBe(true);
    expect(checklist.find((c) => c.id === 'educational-supervisor')!.done).toBe(false);
    const both = factsOf('Dr A\tGP\tOakfield\tEducational and clinical\tGP trainer', table, WORKSPACE_DEFINITIONS.checklist);
    expect(evaluateChecklist(application({ facts: { 'supervisors.list': both } }), WORKSPACE_DEFINITIONS).find((c) => c.id === 'educational-supervisor')!.done).toBe(true);
  });

  it('when the deadline is close and the application is still a draft, then it is behind; once approved, complete', () => {
    const app = application();
    const progress = progressOf(app, WORKSPACE_DEFINITIONS);
    expect(countdownOf(app, progress, localDate('2026-11-21'))).toMatchObject({ deadline: '2028-04-01', daysLeft: 497 });
    expect(countdownOf(app, progress, localDate('2028-02-01')).risk).toBe('behind');
    expect(countdownOf(app, progress, localDate('2028-04-02')).risk).toBe('missed');
    const approved = application({ lifecycle: { ...app.lifecycle, stage: 'decided', outcome: { outcome: 'approved', decidedAt: at, recordedBy: by } } });
    expect(countdownOf(approved, progress, localDate('2028-05-01')).risk).toBe('complete');
  });
});

describe('lifecycle rules', () => {
  const complete = [{ id: 'x', label: 'x', done: true }];
  it('when the application goes drafting → internal review → submitted → panel → outcome, then each step is recorded', () => {
    let lifecycle = initialLifecycle(by, at);
    lifecycle = applyMemberAction(lifecycle, 'start-internal-review', by, at, complete);
    lifecycle = applyMemberAction(lifecycle, 'submit', by, at, complete);
    lifecycle = schedulePanel(lifecycle, { date: '2027-02-10', members: [1, 2, 3].map((i) => ({ name: `Member ${i}`, role: 'r' })) }, by, at);
    lifecycle = recordOutcome(lifecycle, { outcome: 'approved' }, by, at);
    expect(lifecycle.history.map((h) => h.stage)).toEqual(['drafting', 'internal-review', 'submitted', 'panel-scheduled', 'decided']);
    expect(lifecycle.annualReviewDate).toBe('2028-02-10');
  });

  it('when steps come out of order, then they are refused with the stage', () => {
    const drafting = initialLifecycle(by, at);
    expect(() => applyMemberAction(drafting, 'submit', by, at, complete)).toThrow(Refused);
    expect(() => recordOutcome(drafting, { outcome: 'approved' }, by, at)).toThrow(/after a panel/);
    expect(() => schedulePanel(drafting, { date: '2027-01-01', members: [] }, by, at)).toThrow(/submitted/);
  });

  it('when a panel has fewer than three different members, then it is refused', () => {
    const submitted = applyMemberAction(applyMemberAction(initialLifecycle(by, at), 'start-internal-review', by, at, complete), 'submit', by, at, complete);
    expect(() => schedulePanel(submitted, { date: '2027-01-01', members: [{ name: 'A', role: 'r' }, { name: 'B', role: 'r' }, { name: ' a ', role: 'r' }] }, by, at)).toThrow(/at least 3/);
  });
});

describe('membership from organisation units', () => {
  it('when an organisation unit is a PCN practice, then the PCN and practice are read from it; a trust unit is not one', () => {
    expect(pcnPracticeOf('Severn Vale PCN / Oakfield Surgery')).toEqual({ pcnName: 'Severn Vale PCN', practiceName: 'Oakfield Surgery' });
    expect(pcnPracticeOf('Avon Vale NHS Foundation Trust / Ward 3')).toBeUndefined();
    expect(pcnPracticeOf('Avon Vale NHS Foundation Trust / Corporate / Learning and Development')).toBeUndefined();
  });
});

describe('live feed', () => {
  it('when a client subscribes from a seq this instance has not polled yet, then it is caught up from storage, not told to reload', async () => {
    const { LiveFeed } = await import('../../core/workspace/live/live-feed.js');
    let seq = 3;
    const event = (n: number): StoredEvent => ({ type: 'comment', seq: n, at, by, thread: { id: `t${n}`, sectionId: 'pcn', kind: 'comment', comments: [], createdAt: at } });
    const feed = new LiveFeed(
      {
        readSeq: async () => seq,
        readEvents: async (_id, after, upTo) => Array.from({ length: Math.max(0, upTo - after) }, (_, i) => event(after + i + 1)),
        readDseq: async () => 0,
        readDocs: async () => [],
        readPresence: async () => [],
      },
      { pollMs: 10_000 },
    );
    const first: string[] = [];
    const one = await feed.subscribe('lo-1', { seq: 3 }, { send: (e) => first.push(e.type), end: () => undefined });
    // Two more events are committed elsewhere; a second client loaded its view at seq 5 and subscribes before our next poll.
    seq = 5;
    const second: { type: string; seq?: number }[] = [];
    const two = await feed.subscribe('lo-1', { seq: 5 }, { send: (e) => second.push(e as never), end: () => undefined });
    expect(second.map((e) => e.type)).not.toContain('reset');
    expect(second[0]).toEqual({ type: 'hello', seq: 5, dseq: 0 });
    await new Promise((r) => setTimeout(r, 20));
    // The first client, behind, gets the two events; the second has nothing to catch up.
    expect(first).toEqual(['hello', 'presence', 'comment', 'comment']);
    expect(second.filter((e) => e.type === 'comment')).toEqual([]);
    // A seq from the future (storage was reset) does tell the client to reload.
    const third: string[] = [];
    await feed.subscribe('lo-1', { seq: 99 }, { send: (e) => third.push(e.type), end: () => undefined });
    expect(third[0]).toBe('reset');
    one.close();
    two.close();
    await feed.close();
  });
});
