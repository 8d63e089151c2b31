import { describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import type { PersonSummary, SummaryItem } from '../../../core/learning/person-summary.js';
import { isoWeek, learnerReminders, managerDigests, reminderThreshold } from '../../../core/reminders/plan-reminders.js';
import { DEFAULT_REMINDER_SETTINGS as settings } from '../../../core/reminders/reminder-settings.js';
import { changeNotices, diffCatalogue } from '../../../core/reminders/requirement-changes.js';
import { isWorkingTime, nextWorkingTime } from '../../../core/reminders/working-hours.js';
import { addDays, localDate } from '../../../core/time/local-date.js';

const today = localDate('2026-11-23'); // a Monday
const due = (daysFromToday: number, extra: Partial<SummaryItem> = {}): SummaryItem => ({
  subjectId: 'fire-safety',
  level: 1,
  dueDate: addDays(today, daysFromToday),
  validUntil: daysFromToday >= 0 ? addDays(today, daysFromToday) : undefined,
  exempt: false,
  extended: false,
  ...extra,
});

function person(id: string, items: SummaryItem[], extra: Partial<PersonSummary> = {}): PersonSummary {
  return { staffId: id, name: `Pat ${id}`, staffGroup: 'Nursing', orgUnit: 'Ward 7', category: 'employee', roleIds: ['hca'], managerIds: ['M1'], aadObjectId: `aad-${id}`, absences: [], computedOn: today, items, ...extra };
}

describe('which reminder is due', () => {
  it.each([
    [45, undefined],
    [31, undefined],
    [30, '30'],
    [20, '30'],
    [14, '14'],
    [10, '14'],
    [7, '7'],
    [2, '7'],
    [1, '1'],
    [0, '0'],
    [-1, '0'],
    [-6, '0'],
    [-7, 'overdue-1'],
    [-13, 'overdue-1'],
    [-14, 'overdue-2'],
    [-70, 'overdue-10'],
  ])('when the due date is %i days away, then the reminder is %s', (days, expected) => {
    expect(reminderThreshold(due(days), today, settings, 30)).toBe(expected);
  });

  it('when a requirement is exempt or never expires, then nothing is sent', () => {
    expect(reminderThreshold(due(3, { exempt: true }), today, settings, 30)).toBeUndefined();
    expect(reminderThreshold({ ...due(3), dueDate: null, validUntil: null }, today, settings, 30)).toBeUndefined();
  });

  it('when the planner runs on each of 60 days, then each threshold of a due date is planned exactly once', () => {
    const dueDate = localDate('2027-01-10');
    const ids = new Set<string>();
    const labels: string[] = [];
    for (let d = -40; d <= 20; d++) {
      const day = addDays(dueDate, d);
      for (const job of learnerReminders(person('A', [{ ...due(0), dueDate, validUntil: dueDate }]), day, settings, 30)) {
        if (!ids.has(job.id)) labels.push(job.kind === 'due' ? job.threshold : '');
        ids.add(job.id);
      }
    }
    expect(labels).toEqual(['30', '14', '7', '1', '0', 'overdue-1', 'overdue-2']);
  });

  it('when the person is away, or cannot be reached in Teams, then nothing is planned for them', () => {
    expect(learnerReminders(person('A', [due(3)], { absences: [{ from: addDays(today, -10) }] }), today, settings, 30)).toEqual([]);
    expect(learnerReminders(person('A', [due(3)], { absences: [{ from: addDays(today, -10), to: addDays(today, -1) }] }), today, settings, 30)).toHaveLength(1);
    expect(learnerReminders(person('A', [due(3)], { aadObjectId: undefined }), today, settings, 30)).toEqual([]);
  });

  it('when an extension moves the due date, then the reminders follow the new date (a new id)', () => {
    const [before] = learnerReminders(person('A', [due(3)]), today, settings, 30);
    const [after] = learnerReminders(person('A', [due(50, { extended: true })]), addDays(today, 40), settings, 30);
    expect(before?.id).not.toBe(after?.id);
  });
});

describe("managers' weekly digest", () => {
  const team = [person('A', [due(-10)]), person('B', [due(12, { subjectId: 'ig' })]), person('C', [due(200)]), person('M1', [due(100)], { managerIds: [] })];

  it('when it is the digest day, then each manager gets one card with who is overdue and what falls due', () => {
    const [digest] = managerDigests(team, today, settings, 30, () => 2);
    expect(digest).toMatchObject({ kind: 'digest', staffId: 'M1', week: '2026-W48', pendingRequests: 2, teamSize: 3, overdue: [{ name: 'Pat A', subjects: ['fire-safety'] }], dueSoon: [{ name: 'Pat B', subjectId: 'ig' }] });
  });

  it('when it is another day, then no digest is planned', () => {
    expect(managerDigests(team, addDays(today, 1), settings, 30, () => 0)).toEqual([]);
  });

  it.each([
    ['2026-11-23', '2026-W48'],
    ['2027-01-01', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2024-12-30', '2025-W01'],
  ])('when the date is %s, then the ISO week is %s', (date, week) => {
    expect(isoWeek(localDate(date))).toBe(week);
  });
});

describe('requirement changes', () => {
  it('when a role gains a topic, a level rises and a renewal shortens, then each affected learner and their manager is told once', () => {
    const before = defaultCatalogue();
    const after = defaultCatalogue();
    const hca = after.roles.find((r) => r.id === 'hca')!;
    hca.requirements.push({ subjectId: 'prevent', level: 3 });
    hca.requirements = hca.requirements.filter((r) => !(r.subjectId === 'prevent' && r.level === 1));
    after.topics.find((t) => t.id === 'fire-safety-1')!.renewalMonths = 12;
    const diff = diffCatalogue(before, after);
    expect(diff.get('hca')).toEqual(expect.arrayContaining([{ kind: 'level-raised', subjectId: 'prevent', from: 1, to: 3 }, { kind: 'renewal-shortened', subjectId: 'fire-safety', level: 1, fromMonths: 24, toMonths: 12 }]));
    const jobs = changeNotices([person('A', []), person('M1', [], { managerIds: [], roleIds: ['practice-manager'] })], diff, 'v2');
    // Fire safety renews sooner for every role, so the manager is told about their own learning too.
    expect(jobs.map((j) => [j.staffId, j.kind === 'requirement-change' && !!j.forTeam])).toEqual([['A', false], ['M1', false], ['M1', true]]);
    const team = jobs.find((j) => j.kind === 'requirement-change' && j.forTeam);
    expect(team).toMatchObject({ forTeam: [{ name: 'Pat A', changes: 2 }] });
  });

  it('when nothing changed, then nobody is told', () => {
    expect(changeNotices([person('A', [])], diffCatalogue(defaultCatalogue(), defaultCatalogue()), 'v1')).toEqual([]);
  });
});

describe('working hours in Europe/London', () => {
  const hours = settings.workingHours;
  it.each([
    ['2026-11-23T08:00:00Z', true], // Monday 08:00 GMT
    ['2026-11-23T07:59:00Z', false],
    ['2026-06-22T07:30:00Z', true], // Monday 08:30 BST
    ['2026-06-22T17:30:00Z', false], // 18:30 BST
    ['2026-11-21T12:00:00Z', false], // Saturday
  ])('when it is %s, then working time is %s', (instant, expected) => {
    expect(isWorkingTime(new Date(instant), hours)).toBe(expected);
  });

  it('when a reminder is planned on a Friday evening, then it waits for Monday 08:00, across the clock change', () => {
    expect(nextWorkingTime(new Date('2026-10-23T18:30:00+01:00'), hours).toISOString()).toBe('2026-10-26T08:00:00.000Z');
    expect(nextWorkingTime(new Date('2026-03-27T19:00:00Z'), hours).toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });
});
