import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { DEFAULT_COMPLIANCE_RULES } from '../../core/learning/compliance.js';
import type { LearningRecord } from '../../core/learning/types.js';
import type { Person } from '../../core/people/types.js';
import { catalogueAfter, changeImpact, describeImpact } from '../../core/reports/change-impact.js';
import { localDate } from '../../core/time/local-date.js';
import { SMALL_CATALOGUE } from './small-organisation.js';

const before = new CatalogueIndex(structuredClone(SMALL_CATALOGUE));
const today = localDate('2026-11-21');
const nurse = (id: string): Person => ({ id, name: id, staffGroup: 'Nursing', category: 'employee', orgUnit: 'Ward', startDate: localDate('2015-01-01'), roles: [{ roleId: 'nurse', start: localDate('2015-01-01') }], managerIds: [], absences: [] });
const done = (subjectId: string, completedOn: string): LearningRecord => ({ id: `${subjectId}-${completedOn}`, subjectId, level: 1, completedOn: localDate(completedOn), method: 'e-learning', source: { kind: 'esr' }, verification: { state: 'verified' }, recordedAt: '2026-01-01T00:00:00Z' });
const person = (id: string, sepsisOn: string) => ({ person: nurse(id), records: [done('fire-safety', '2026-01-01'), done('ig', '2026-06-01'), done('sepsis', sepsisOn)], extensions: [], exemptions: [] });

describe('the impact of a matrix change, before it is made', () => {
  it('when sepsis renewal is shortened from 36 to 24 months, then those it makes overdue or due soon are counted, and nothing else moves', () => {
    // Sepsis done 1 Jan 2024 (36 m: due 1 Jan 2027; 24 m: 1 Jan 2026 → overdue), 10 Dec 2024 (→ due 10 Dec 2026: due soon), 1 Jun 2026 (→ 1 Jun 2028: later but still in date).
    const people = [person('A', '2024-01-01'), person('B', '2024-12-10'), person('C', '2026-06-01')];
    const sepsis = before.catalogue.topics.find((t) => t.id === 'sepsis-1')!;
    const after = catalogueAfter(before, { topics: [{ ...sepsis, renewalMonths: 24 }] });
    const impact = changeImpact(people, before, after, today, DEFAULT_COMPLIANCE_RULES);
    expect(impact).toEqual({ checked: 3, affected: 3, becomeOverdue: 1, becomeDueSoon: 1, noLongerOverdue: 0, dueEarlier: 3, dueLater: 0, newlyRequired: 0, noLongerRequired: 0 });
    expect(describeImpact(impact)).toBe('1 person becomes overdue, 1 due soon, 3 people due earlier (of 3 people checked).');
  });

  it('when a role stops requiring a subject, then its people are counted as no longer required; an unchanged matrix changes nobody', () => {
    const people = [person('A', '2024-01-01')];
    const role = before.role('nurse')!;
    const after = catalogueAfter(before, { roles: [{ ...role, requirements: role.requirements.filter((r) => r.subjectId !== 'sepsis') }] });
    expect(changeImpact(people, before, after, today, DEFAULT_COMPLIANCE_RULES)).toMatchObject({ affected: 1, noLongerRequired: 1, becomeOverdue: 0 });
    const same = changeImpact(people, before, catalogueAfter(before, {}), today, DEFAULT_COMPLIANCE_RULES);
    expect(same.affected).toBe(0);
    expect(describeImpact(same)).toBe("Nobody's due dates change (1 person checked).");
  });
});
