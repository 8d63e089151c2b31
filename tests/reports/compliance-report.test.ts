import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../core/learning/catalogue-index.js';
import { computeCompliance, DEFAULT_COMPLIANCE_RULES } from '../../core/learning/compliance.js';
import { summaryOf } from '../../core/learning/person-summary.js';
import { annualPlan } from '../../core/reports/annual-plan.js';
import { complianceReport, cutOrgUnit } from '../../core/reports/compliance-report.js';
import { toCsv } from '../../core/reports/export-table.js';
import { inert } from '../../core/reports/safe-cells.js';
import { localDate } from '../../core/time/local-date.js';
import { smallOrganisation } from './small-organisation.js';

const today = localDate('2026-11-21');
const organisation = smallOrganisation();
const index = new CatalogueIndex(organisation.catalogue);
const summaries = organisation.people.map(({ person, records }) =>
  summaryOf(person, computeCompliance({ person, catalogue: index, records, extensions: [], exemptions: [], today, rules: DEFAULT_COMPLIANCE_RULES })),
);
const options = { threshold: 80, dueSoonDays: 30 };

describe('the compliance report from summary rows', () => {
  it('when the small organisation is reported, then the figures are the hand-computed ones and those under 80 % are flagged', () => {
    const report = complianceReport(summaries, today, options);
    expect(report.people).toBe(7);
    expect(report.overall).toMatchObject({ required: 18, compliant: 14, percent: 77.7, belowThreshold: true });
    expect(report.bySubject.map((s) => [s.subjectId, s.compliant, s.required, s.percent, s.belowThreshold])).toEqual([
      ['fire-safety', 6, 7, 85.7, false],
      ['ig', 5, 7, 71.4, true],
      ['sepsis', 3, 4, 75, true],
    ]);
    expect(report.bySubject.find((s) => s.subjectId === 'ig')!.overdue).toBe(2);
    expect(report.byStaffGroup.map((g) => [g.staffGroup, g.compliant, g.required, g.percent])).toEqual([
      ['Admin', 5, 6, 83.3],
      ['Nursing', 9, 12, 75],
    ]);
    expect(report.cells.find((c) => c.subjectId === 'ig' && c.staffGroup === 'Admin' && c.orgUnit === 'Trust / Ward 2')).toMatchObject({ required: 1, compliant: 0, percent: 0, belowThreshold: true });
  });

  it('when the threshold is lower, or the day later, then the flags and figures follow', () => {
    expect(complianceReport(summaries, today, { ...options, threshold: 70 }).bySubject.every((s) => !s.belowThreshold)).toBe(true);
    // A year on, everything done in early 2026 with a 12-month renewal has expired too.
    const later = complianceReport(summaries, localDate('2027-11-21'), options);
    expect(later.bySubject.find((s) => s.subjectId === 'ig')!.compliant).toBe(0);
  });

  it('when filtered by staff group or organisation unit, or units cut to a depth, then only those people count', () => {
    expect(complianceReport(summaries, today, { ...options, staffGroup: 'Nursing' }).overall).toMatchObject({ required: 12, compliant: 9 });
    expect(complianceReport(summaries, today, { ...options, orgUnit: 'Trust / Ward 2' }).people).toBe(2);
    expect(complianceReport(summaries, today, { ...options, orgDepth: 1 }).byOrgUnit.map((u) => u.orgUnit)).toEqual(['Trust']);
    expect(cutOrgUnit('A / B / C', 2)).toBe('A / B');
  });
});

describe('exports', () => {
  it('when a cell starts with =, +, -, @, tab or carriage return, then it is made inert; numbers stay numbers', () => {
    expect(['=1+2', '+44', '-3', '@SUM(A1)', '\tx', '\rx', 'safe', 'O\'Brien'].map(inert)).toEqual(["'=1+2", "'+44", "'-3", "'@SUM(A1)", "'\tx", "'\rx", 'safe', "O'Brien"]);
    expect(inert(-3)).toBe(-3);
    const csv = toCsv([{ title: 't', columns: [{ header: 'a' }, { header: 'b' }], rows: [['=cmd', 5]] }]).toString('utf8');
    expect(csv).toBe('\uFEFFa,b\r\n"\'=cmd",5\r\n');
  });
});

describe('the annual plan', () => {
  it('when computed, then each topic has the headcount the matrix and people require, its renewal, and judgements default until made', () => {
    const plan = annualPlan({
      year: 2027,
      organisationName: 'Trust',
      catalogue: index,
      summaries,
      judgements: new Map([['topic|ig|1', { nationalContent: 'Y', assessMinutes: null, completeMinutes: 60, improvement: 'Fewer data breaches', updatedBy: 'A1', updatedAt: 'x' }]]),
      header: undefined,
      headcount: { asOf: localDate('2027-03-01'), value: 7, basis: 'forecast' },
    });
    expect(plan.label).toBe('2027/28');
    expect(plan.national.map((t) => [t.subjectId, t.headcountRequired, t.renewal, t.nationalContent, t.staffHoursPerYear])).toEqual([
      ['fire-safety', 7, 'Every 2 years', 'Y', null],
      ['ig', 7, 'Every year', 'Y', 7],
    ]);
    expect(plan.local.map((t) => [t.subjectId, t.headcountRequired, t.renewal, t.nationalContent])).toEqual([['sepsis', 4, 'Every 3 years', 'N']]);
    expect(plan.totals.staffHoursPerYear).toBe(7);
  });
});
