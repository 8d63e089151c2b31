import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { DEFAULT_COMPLIANCE_RULES } from '../../core/learning/compliance.js';
import type { LearningRecord } from '../../core/learning/types.js';
import type { Person } from '../../core/people/types.js';
import { complianceOn, MonthlyComplianceTally, pastMonthStarts } from '../../core/reports/monthly-compliance.js';
import { localDate } from '../../core/time/local-date.js';
import { SMALL_CATALOGUE } from './small-organisation.js';

const catalogue = new CatalogueIndex(structuredClone(SMALL_CATALOGUE));
const rules = DEFAULT_COMPLIANCE_RULES;

const nurse = (id: string, startDate = '2015-01-01'): Person => ({ id, name: id, staffGroup: 'Nursing', category: 'employee', orgUnit: 'Trust / Ward 1', startDate: localDate(startDate), roles: [{ roleId: 'nurse', start: localDate(startDate) }], managerIds: [], absences: [] });
const done = (subjectId: string, completedOn: string): LearningRecord => ({ id: `${subjectId}-${completedOn}`, subjectId, level: 1, completedOn: localDate(completedOn), method: 'e-learning', source: { kind: 'esr' }, verification: { state: 'verified' }, recordedAt: '2026-11-20T09:00:00Z' });

// Fire (24 months) done 15 Dec 2024; IG (12 months) done 1 Jun 2025, again 10 Aug 2026; sepsis never, until the MLOG exempted it on 15 Sep 2026.
const nia = {
  person: nurse('N1'),
  records: [done('fire-safety', '2024-12-15'), done('ig', '2025-06-01'), done('ig', '2026-08-10')],
  extensions: [],
  exemptions: [{ id: 'x1', subjectId: 'sepsis', reason: 'Not patient-facing', state: 'approved' as const, requestedAt: '2026-09-01T09:00:00Z', decidedBy: 'G1', decidedAt: '2026-09-15T10:00:00Z' }],
};

const held = (day: string) => {
  const result = complianceOn(nia, catalogue, localDate(day), rules);
  return Object.fromEntries(result.items.map((i) => [i.subjectId, i.status === 'exempt' ? 'exempt' : i.compliant]));
};

describe('compliance on a past day, from the records held now', () => {
  it('when asked for past first-of-months, then only what had been completed or decided by each day counts', () => {
    expect(held('2026-05-01')).toEqual({ 'fire-safety': true, ig: true, sepsis: false });
    // IG expired on 1 Jun 2026; the renewal of 10 Aug 2026 had not happened on 1 Aug.
    expect(held('2026-08-01')).toEqual({ 'fire-safety': true, ig: false, sepsis: false });
    expect(held('2026-09-01')).toEqual({ 'fire-safety': true, ig: true, sepsis: false });
    // The exemption was decided on 15 Sep: it counts from October.
    expect(held('2026-10-01')).toEqual({ 'fire-safety': true, ig: true, sepsis: 'exempt' });
  });

  it('when the months before today are listed, then they are the first of each of the previous months, oldest first', () => {
    expect(pastMonthStarts(localDate('2026-11-21'), 3)).toEqual(['2026-08-01', '2026-09-01', '2026-10-01']);
    expect(pastMonthStarts(localDate('2026-01-31'), 2)).toEqual(['2025-11-01', '2025-12-01']);
  });

  it('when people are tallied, then each month has the organisation figures of that day, someone not yet started left out', () => {
    const tally = new MonthlyComplianceTally([localDate('2026-08-01'), localDate('2026-10-01')], catalogue, rules);
    tally.add(nia);
    tally.add({ person: nurse('N9', '2026-09-01'), records: [done('fire-safety', '2026-09-02')], extensions: [], exemptions: [] });
    const [august, october] = tally.figures();
    expect(august).toMatchObject({ month: '2026-08', on: '2026-08-01', people: 1, required: 3, compliant: 1, percent: 33.3, bySubject: { 'fire-safety': 100, ig: 0, sepsis: 0 } });
    // October: Nia 2 of 2 (sepsis exempt), the new starter 1 of 3 (fire done; IG and sepsis still within 12 weeks, not held).
    expect(october).toMatchObject({ month: '2026-10', people: 2, required: 5, compliant: 3, percent: 60, byStaffGroup: { Nursing: 60 } });
  });
});
