import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../../core/learning/catalogue-index.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import { colourOf, matrixRow } from '../../../core/learning/team-matrix.js';
import type { LearningRecord } from '../../../core/learning/types.js';
import type { Person } from '../../../core/people/types.js';
import { localDate } from '../../../core/time/local-date.js';

const today = localDate('2026-11-21');
const catalogue = new CatalogueIndex(defaultCatalogue());
const volunteer: Person = {
  id: 'V1', name: 'Val', staffGroup: 'Volunteers', category: 'volunteer', orgUnit: 'Trust', startDate: localDate('2020-01-01'),
  roles: [{ roleId: 'volunteer', start: localDate('2020-01-01') }], managerIds: [], absences: [],
};
const record = (subjectId: string, level: number, completedOn: string, state: 'verified' | 'pending' = 'verified'): LearningRecord => ({
  id: `${subjectId}-${level}-${completedOn}`, subjectId, level, completedOn: localDate(completedOn), method: 'e-learning', source: { kind: 'esr' },
  verification: state === 'verified' ? { state } : { state: 'pending' }, recordedAt: '2026-01-01T00:00:00Z',
});

describe('the team matrix row', () => {
  it('when each status is coloured, then overdue is red, things to do soon are amber, in date is green, held-not-required is blue', () => {
    expect(['overdue', 'due-soon', 'not-completed', 'extended', 'in-date', 'held-not-required', 'exempt'].map((s) => colourOf(s as never))).toEqual(['red', 'amber', 'amber', 'amber', 'green', 'blue', 'exempt']);
  });

  it('when a volunteer holds valid resuscitation (not required of volunteers), then it is blue at the highest level held; expired or unverified learning is not', () => {
    const { cells } = matrixRow({
      person: volunteer, catalogue, today, extensions: [], exemptions: [],
      records: [record('resuscitation', 1, '2026-03-01'), record('resuscitation', 2, '2026-06-01'), record('moving-handling', 1, '2020-01-01'), record('ipc', 1, '2026-06-01', 'pending'), record('fire-safety', 1, '2026-01-10')],
    });
    expect(cells.find((c) => c.subjectId === 'resuscitation')).toEqual({ subjectId: 'resuscitation', level: 2, status: 'held-not-required', colour: 'blue', dueDate: null, heldUntil: '2027-06-01' });
    expect(cells.some((c) => c.subjectId === 'moving-handling' || c.subjectId === 'ipc')).toBe(false);
    expect(cells.find((c) => c.subjectId === 'fire-safety')).toMatchObject({ status: 'in-date', colour: 'green', heldUntil: '2028-01-10' });
    expect(cells.find((c) => c.subjectId === 'edhr')).toMatchObject({ status: 'overdue', colour: 'red' });
  });
});
