import type { GeneratedOrganisation } from '../../core/demo/generate-organisation.js';
import type { Catalogue, LearningRecord } from '../../core/learning/types.js';
import type { Person } from '../../core/people/types.js';
import { localDate } from '../../core/time/local-date.js';

/**
 * A small organisation whose figures are worked out by hand (as of 2026-11-21, 80 % threshold):
 *
 * | person | group | unit | fire (24 m) | IG (12 m) | sepsis (local, 36 m) |
 * |---|---|---|---|---|---|
 * | A1 admin (ld-admin) | Admin | Trust / Corporate | ✓ | ✓ | – |
 * | G1 (mlog) | Admin | Trust / Corporate | ✓ | ✓ | – |
 * | C1 | Admin | Trust / Ward 2 | ✓ | ✗ expired | – |
 * | M1 manager of N1–N3 | Nursing | Trust / Ward 1 | ✓ | ✗ expired | ✓ |
 * | N1 | Nursing | Trust / Ward 1 | ✓ | ✓ | ✓ |
 * | N2 | Nursing | Trust / Ward 1 | ✗ expired | ✓ | ✗ never |
 * | N3 | Nursing | Trust / Ward 2 | ✓ | ✓ | ✓ |
 *
 * fire 6/7 = 85.7 %; IG 5/7 = 71.4 % (below); sepsis 3/4 = 75 % (below); overall 14/18 = 77.7 % (below).
 * Nursing 9/12 = 75 %; Admin 5/6 = 83.3 %. M1's team (N1–N3): fire 2/3 = 66.6 %, IG 3/3, sepsis 2/3; 7/9 = 77.7 %.
 */
export const SMALL_CATALOGUE: Catalogue = {
  subjects: [
    { id: 'fire-safety', name: 'Fire Safety', kind: 'national', aliases: ['fire'] },
    { id: 'ig', name: 'Information Governance and Data Security', kind: 'national', aliases: ['ig'] },
    { id: 'sepsis', name: 'Sepsis Awareness', kind: 'local', aliases: ['sepsis'] },
  ],
  topics: [
    { id: 'fire-safety-1', subjectId: 'fire-safety', level: 1, levelName: 'Level 1', renewalMonths: 24, methods: ['e-learning'] },
    { id: 'ig-1', subjectId: 'ig', level: 1, levelName: 'Level 1', renewalMonths: 12, methods: ['e-learning'] },
    { id: 'sepsis-1', subjectId: 'sepsis', level: 1, levelName: 'Level 1', renewalMonths: 36, methods: ['session'] },
  ],
  roles: [
    { id: 'nurse', name: 'Nurse', staffGroup: 'Nursing', requirements: [{ subjectId: 'fire-safety', level: 1 }, { subjectId: 'ig', level: 1 }, { subjectId: 'sepsis', level: 1 }] },
    { id: 'clerk', name: 'Clerk', staffGroup: 'Admin', requirements: [{ subjectId: 'fire-safety', level: 1 }, { subjectId: 'ig', level: 1 }] },
  ],
};

const START = localDate('2015-01-01');

function person(id: string, name: string, roleId: string, staffGroup: string, orgUnit: string, extra: Partial<Person> = {}): Person {
  return { id, name, staffGroup, category: 'employee', orgUnit, startDate: START, roles: [{ roleId, start: START }], managerIds: [], absences: [], ...extra };
}

function done(staffId: string, subjectId: string, completedOn: string): LearningRecord {
  return { id: `r-${staffId}-${subjectId}`, subjectId, level: 1, completedOn: localDate(completedOn), method: 'e-learning', source: { kind: 'esr' }, verification: { state: 'verified' }, recordedAt: `${completedOn}T12:00:00Z` };
}

const aad = (n: number) => `20000000-0000-4000-8000-00000000000${n}`;

export function smallOrganisation(): GeneratedOrganisation {
  const m = ['M1'];
  return {
    catalogue: structuredClone(SMALL_CATALOGUE),
    people: [
      { person: person('A1', 'Ada Admin', 'clerk', 'Admin', 'Trust / Corporate', { permissions: ['ld-admin'], aadObjectId: aad(1) }), records: [done('A1', 'fire-safety', '2026-01-01'), done('A1', 'ig', '2026-06-01')] },
      { person: person('G1', 'Gil Mlog', 'clerk', 'Admin', 'Trust / Corporate', { permissions: ['mlog'] }), records: [done('G1', 'fire-safety', '2026-01-01'), done('G1', 'ig', '2026-02-01')] },
      { person: person('C1', '=1+2 Clerk', 'clerk', 'Admin', 'Trust / Ward 2'), records: [done('C1', 'fire-safety', '2026-01-01'), done('C1', 'ig', '2025-01-01')] },
      { person: person('M1', 'Mia Manager', 'nurse', 'Nursing', 'Trust / Ward 1', { aadObjectId: aad(2) }), records: [done('M1', 'fire-safety', '2025-06-01'), done('M1', 'ig', '2025-06-01'), done('M1', 'sepsis', '2025-01-01')] },
      { person: person('N1', 'Nia Nurse', 'nurse', 'Nursing', 'Trust / Ward 1', { managerIds: m, aadObjectId: aad(3) }), records: [done('N1', 'fire-safety', '2026-03-01'), done('N1', 'ig', '2026-03-01'), done('N1', 'sepsis', '2025-01-01')] },
      { person: person('N2', 'Ned Nurse', 'nurse', 'Nursing', 'Trust / Ward 1', { managerIds: m, aadObjectId: aad(4) }), records: [done('N2', 'fire-safety', '2024-01-01'), done('N2', 'ig', '2026-03-01')] },
      { person: person('N3', 'Nora Nurse', 'nurse', 'Nursing', 'Trust / Ward 2', { managerIds: m }), records: [done('N3', 'fire-safety', '2026-03-01'), done('N3', 'ig', '2026-03-01'), done('N3', 'sepsis', '2025-01-01')] },
    ],
  };
}

export const AAD = { A1: aad(1), M1: aad(2), N1: aad(3), N2: aad(4) };
