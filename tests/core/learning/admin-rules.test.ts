import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../../core/learning/catalogue-index.js';
import { freeId, roleProblems, slugOf, topicProblems } from '../../../core/learning/catalogue-rules.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import type { PersonSummary } from '../../../core/learning/person-summary.js';
import { proposalProblems, type ProposalContent } from '../../../core/learning/proposals.js';
import { affectedStaff } from '../../../core/learning/summary-refresh.js';
import { personChangeProblems } from '../../../core/learning/update-person.js';
import { localDate } from '../../../core/time/local-date.js';

const catalogue = new CatalogueIndex(defaultCatalogue());
const d = localDate;

describe('rules for administrative changes', () => {
  it('when a topic is edited, then a bad renewal, no method, a script link and a mismatched id are each named', () => {
    const fire = catalogue.topic('fire-safety-1')!;
    expect(topicProblems(fire, catalogue)).toEqual([]);
    expect(topicProblems({ ...fire, renewalMonths: 0, methods: [], link: 'javascript:alert(1)', id: 'fire-safety-2' }, catalogue)).toHaveLength(4);
    expect(topicProblems({ ...fire, renewalMonths: null }, catalogue)).toEqual([]);
  });

  it('when a role asks for a level that does not exist or a subject twice, then it is refused', () => {
    const nurse = catalogue.role('practice-nurse')!;
    expect(roleProblems(nurse, catalogue)).toEqual([]);
    expect(roleProblems({ ...nurse, requirements: [...nurse.requirements, { subjectId: 'fire-safety', level: 2 }] }, catalogue)).toEqual(['Fire Safety has no level 2.', 'Fire Safety is required twice: keep one, at the level needed.']);
  });

  it('when a person change names an unknown role, themselves as manager, or overlapping absences, then each problem is listed', () => {
    const problems = personChangeProblems('E1', {
      roles: [{ roleId: 'astronaut', start: d('2026-01-01') }, { roleId: 'gp', start: d('2026-05-01'), end: d('2026-04-01') }],
      managerIds: ['E1', 'E2', 'E2'],
      absences: [{ kind: 'sickness', from: d('2026-01-01'), to: d('2026-02-01') }, { kind: 'maternity', from: d('2026-01-20') }],
    }, catalogue, new Set(['E2']));
    expect(problems).toEqual([
      'Role 1: “astronaut” is not a role in the requirement matrix.',
      'Role 2: the end date must be on or after the start date.',
      'A line manager is listed twice.',
      'A person cannot be their own line manager.',
      'Absences from 2026-01-01 and 2026-01-20 overlap.',
    ]);
    expect(personChangeProblems('E1', { managerIds: ['E2'], absences: [{ kind: 'sickness', from: d('2026-01-01') }] }, catalogue, new Set(['E2']))).toEqual([]);
  });

  it('when a proposal leaves out what the policy asks for, then every missing part is named', () => {
    const complete: ProposalContent = { title: 'Sepsis', risk: 'Late recognition in incidents', outcomeMeasures: 'Time to antibiotics', audiences: 'Clinical staff, all', staffGroups: ['Nursing'], learningOutcomes: 'Recognise red flags', deliveryMethods: ['e-learning'], renewalMonths: 24, competenceAssessment: 'Scenario assessment', roleIds: ['gp'] };
    expect(proposalProblems(complete, new Set(['gp']))).toEqual([]);
    expect(proposalProblems({ ...complete, title: 'x', risk: '', deliveryMethods: [], renewalMonths: 0, staffGroups: [], roleIds: ['nope'] }, new Set(['gp']))).toHaveLength(6);
  });

  it('when a matrix change is made, then the people affected are those with that subject or role in their summary', () => {
    const summary = (staffId: string, roleIds: string[], subjects: string[]): PersonSummary => ({
      staffId, name: staffId, staffGroup: '', orgUnit: '', category: 'employee', roleIds, managerIds: [], absences: [], computedOn: d('2026-11-21'),
      items: subjects.map((subjectId) => ({ subjectId, level: 1, dueDate: null, validUntil: undefined, exempt: false, extended: false })),
    });
    const all = [summary('A', ['gp'], ['fire-safety']), summary('B', ['porter'], ['ig']), summary('C', ['gp'], ['ig'])];
    expect(affectedStaff(all, { subjectIds: ['fire-safety'] })).toEqual(['A']);
    expect(affectedStaff(all, { roleIds: ['gp'] })).toEqual(['A', 'C']);
    expect(slugOf('Sepsis Recognition (adults)!')).toBe('sepsis-recognition-adults');
    expect(freeId('sepsis', (id) => ['sepsis', 'sepsis-2'].includes(id))).toBe('sepsis-3');
  });
});
