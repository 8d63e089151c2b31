import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../../core/learning/catalogue-index.js';
import {
  computeCompliance,
  DEFAULT_COMPLIANCE_RULES,
  STATUS_ORDER,
  summarise,
  type ComplianceInput,
  type ComplianceItem,
  type ComplianceResult,
} from '../../../core/learning/compliance.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import {
  decodeSummaryItems,
  encodeSummaryItems,
  summaryOf,
  summaryStatusOn,
  type SummaryItem,
} from '../../../core/learning/person-summary.js';
import type { ExemptionRequest, ExtensionRequest, LearningRecord, RequestState } from '../../../core/learning/types.js';
import { ABSENCE_KINDS, type Absence, type Person, type RoleAssignment } from '../../../core/people/types.js';
import { addDays, daysBetween, localDate, type LocalDate } from '../../../core/time/local-date.js';

const RUNS = { numRuns: 300 };

const catalogue = defaultCatalogue();
const index = new CatalogueIndex(catalogue);
const ROLE_IDS = catalogue.roles.map((r) => r.id);
const SUBJECT_IDS = catalogue.subjects.map((s) => s.id);
const TOPICS = catalogue.topics.map((t) => ({ subjectId: t.subjectId, level: t.level }));

// ---------------------------------------------------------------------------------------------
// Arbitraries
// ---------------------------------------------------------------------------------------------

const FIRST = localDate('2018-01-01');
const SPAN = daysBetween(FIRST, localDate('2028-12-31'));

/** A day in 2018–2028. */
const dateArb: fc.Arbitrary<LocalDate> = fc.integer({ min: 0, max: SPAN }).map((n) => addDays(FIRST, n));

/** A day around `today`: mostly before it (so most roles are current and most absences have begun), sometimes after. */
const around = (today: LocalDate, daysBefore: number, daysAfter: number): fc.Arbitrary<LocalDate> =>
  fc.oneof(
    { weight: 4, arbitrary: fc.integer({ min: 0, max: daysBefore }).map((n) => addDays(today, -n)) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: daysAfter }).map((n) => addDays(today, n)) },
  );

const roleAssignmentArb = (today: LocalDate): fc.Arbitrary<RoleAssignment> =>
  fc
    .tuple(fc.constantFrom(...ROLE_IDS), around(today, 3000, 400), fc.option(fc.integer({ min: 0, max: 2000 }), { nil: undefined, freq: 2 }))
    .map(([roleId, start, length]) => ({ roleId, start, ...(length === undefined ? {} : { end: addDays(start, length) }) }));

const absenceArb = (today: LocalDate): fc.Arbitrary<Absence> =>
  fc
    .tuple(fc.constantFrom(...ABSENCE_KINDS), around(today, 1000, 200), fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }))
    .map(([kind, from, length]) => ({ kind, from, ...(length === undefined ? {} : { to: addDays(from, length) }) }));

/** A person seen on `today`: 1–3 role assignments over the default matrix, a start date, 0–2 absences. */
const personArb = (today: LocalDate): fc.Arbitrary<Person> =>
  fc
    .record({
      startDate: around(today, 3000, 200),
      roles: fc.array(roleAssignmentArb(today), { minLength: 1, maxLength: 3 }),
      absences: fc.array(absenceArb(today), { maxLength: 2 }),
    })
    .map(({ startDate, roles, absences }) => ({
      id: 'person-1',
      name: 'Pat Property',
      staffGroup: 'Additional Clinical Services',
      category: 'employee' as const,
      orgUnit: 'practice-a',
      startDate,
      roles,
      managerIds: ['manager-1'],
      absences,
    }));

/** ESR sometimes states its own expiry (a date, or null = never); otherwise the catalogue decides. */
const expiresOnArb: fc.Arbitrary<LocalDate | null | undefined> = fc.oneof(
  { weight: 6, arbitrary: fc.constant(undefined) },
  { weight: 2, arbitrary: dateArb },
  { weight: 1, arbitrary: fc.constant(null) },
);

function recordArb(verifiedWeight = 3): fc.Arbitrary<Omit<LearningRecord, 'id'>> {
  return fc
    .record({
      topic: fc.constantFrom(...TOPICS),
      completedOn: dateArb,
      verified: fc.oneof({ weight: verifiedWeight, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      expiresOn: expiresOnArb,
    })
    .map(({ topic, completedOn, verified, expiresOn }) => ({
      subjectId: topic.subjectId,
      level: topic.level,
      completedOn,
      method: verified ? ('e-learning' as const) : ('transferred' as const),
      source: verified ? { kind: 'esr' as const } : { kind: 'transferred' as const, employer: 'Elsewhere NHS Trust' },
      verification: verified ? { state: 'verified' as const } : { state: 'pending' as const },
      ...(expiresOn === undefined ? {} : { expiresOn }),
      recordedAt: '2026-01-01T00:00:00.000Z',
    }));
}

const recordsArb: fc.Arbitrary<LearningRecord[]> = fc
  .array(recordArb(), { maxLength: 10 })
  .map((list) => list.map((r, i) => ({ ...r, id: `record-${i}` })));

const requestStateArb = (approvedWeight: number): fc.Arbitrary<RequestState> =>
  fc.oneof(
    { weight: approvedWeight, arbitrary: fc.constant('approved' as const) },
    { weight: 1, arbitrary: fc.constantFrom('pending' as const, 'declined' as const, 'withdrawn' as const) },
  );

function extensionArb(state: fc.Arbitrary<RequestState>): fc.Arbitrary<Omit<ExtensionRequest, 'id'>> {
  return fc.record({ subjectId: fc.constantFrom(...SUBJECT_IDS), currentDueDate: dateArb, requestedDate: dateArb, state }).map((e) => ({
    ...e,
    reason: 'Needs more time',
    requestedAt: '2026-01-01T09:00:00.000Z',
  }));
}

const extensionsArb: fc.Arbitrary<ExtensionRequest[]> = fc
  .array(extensionArb(requestStateArb(2)), { maxLength: 3 })
  .map((list) => list.map((e, i) => ({ ...e, id: `extension-${i}` })));

const exemptionsArb: fc.Arbitrary<ExemptionRequest[]> = fc
  .array(fc.record({ subjectId: fc.constantFrom(...SUBJECT_IDS), state: requestStateArb(1) }), { maxLength: 2 })
  .map((list) =>
    list.map((e, i) => ({ ...e, id: `exemption-${i}`, reason: 'Not relevant', requestedAt: '2026-01-01T09:00:00.000Z' })),
  );

const inputArb: fc.Arbitrary<ComplianceInput> = dateArb.chain((today) =>
  fc
    .record({ person: personArb(today), records: recordsArb, extensions: extensionsArb, exemptions: exemptionsArb })
    .map((parts) => ({ ...parts, today, catalogue: index })),
);

// ---------------------------------------------------------------------------------------------
// Helpers
// ---------------------------------------------------------------------------------------------

/** null (never due) counts as later than any date. */
function dueNotEarlier(before: LocalDate | null, after: LocalDate | null): boolean {
  if (after === null) return true;
  if (before === null) return false;
  return after >= before;
}

function bySubject(result: ComplianceResult): Map<string, ComplianceItem> {
  return new Map(result.items.map((i) => [i.subjectId, i]));
}

function isCurrent(role: RoleAssignment, today: LocalDate): boolean {
  return role.start <= today && (role.end === undefined || role.end >= today);
}

function describeChange(before: ComplianceItem, after: ComplianceItem): string {
  return `${before.subjectId}: ${before.status} ${before.dueDate} ${before.compliant} -> ${after.status} ${after.dueDate} ${after.compliant}`;
}

// ---------------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------------

describe('computeCompliance properties', () => {
  it('(a) when a completion record is added, then no item gets worse: due date never earlier, never loses compliance, never turns overdue', () => {
    fc.assert(
      fc.property(inputArb, recordArb(5), (input, extra) => {
        const before = computeCompliance(input);
        const after = computeCompliance({ ...input, records: [...input.records, { ...extra, id: 'record-extra' }] });
        const afterBySubject = bySubject(after);
        expect(after.items).toHaveLength(before.items.length);
        for (const item of before.items) {
          const next = afterBySubject.get(item.subjectId);
          expect(next).toBeDefined();
          const change = describeChange(item, next!);
          expect(dueNotEarlier(item.dueDate, next!.dueDate), change).toBe(true);
          if (item.compliant) expect(next!.compliant, change).toBe(true);
          if (item.status !== 'overdue') expect(next!.status, change).not.toBe('overdue');
        }
        expect(after.summary.compliant).toBeGreaterThanOrEqual(before.summary.compliant);
        expect(after.summary.overdue).toBeLessThanOrEqual(before.summary.overdue);
      }),
      RUNS,
    );
  });

  it('(b) when an approved extension is added, then no due date moves earlier and nothing turns overdue', () => {
    fc.assert(
      fc.property(inputArb, extensionArb(fc.constant('approved')), (input, extra) => {
        const before = computeCompliance(input);
        const after = computeCompliance({ ...input, extensions: [...input.extensions, { ...extra, id: 'extension-extra' }] });
        const afterBySubject = bySubject(after);
        expect(after.items).toHaveLength(before.items.length);
        for (const item of before.items) {
          const next = afterBySubject.get(item.subjectId)!;
          const change = describeChange(item, next);
          expect(dueNotEarlier(item.dueDate, next.dueDate), change).toBe(true);
          expect(next.compliant, change).toBe(item.compliant);
          if (item.status !== 'overdue') expect(next.status, change).not.toBe('overdue');
          if (item.subjectId !== extra.subjectId) expect(next).toEqual(item);
        }
      }),
      RUNS,
    );
  });

  it('(c) when roles are combined, then each required subject appears once, at the highest level its current roles ask for, listing those roles', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { items } = computeCompliance(input);
        const expected = new Map<string, { level: number; roleIds: Set<string> }>();
        for (const assignment of input.person.roles) {
          if (!isCurrent(assignment, input.today)) continue;
          for (const ref of index.role(assignment.roleId)!.requirements) {
            const entry = expected.get(ref.subjectId) ?? { level: 0, roleIds: new Set<string>() };
            entry.level = Math.max(entry.level, ref.level);
            entry.roleIds.add(assignment.roleId);
            expected.set(ref.subjectId, entry);
          }
        }
        const subjects = items.map((i) => i.subjectId);
        expect(new Set(subjects).size).toBe(subjects.length);
        expect([...subjects].sort()).toEqual([...expected.keys()].sort());
        for (const item of items) {
          const want = expected.get(item.subjectId)!;
          expect(item.level, item.subjectId).toBe(want.level);
          expect([...item.roleIds].sort(), item.subjectId).toEqual([...want.roleIds].sort());
          if (item.record) {
            expect(item.record.subjectId).toBe(item.subjectId);
            expect(item.record.level).toBeGreaterThanOrEqual(item.level);
            expect(item.record.verification.state).toBe('verified');
          }
        }
      }),
      RUNS,
    );
  });

  it('(d) when computed twice, then the results are equal and the inputs are left untouched', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const snapshot = structuredClone({
          person: input.person,
          records: input.records,
          extensions: input.extensions,
          exemptions: input.exemptions,
          today: input.today,
          catalogue: input.catalogue.catalogue,
        });
        const first = computeCompliance(input);
        const second = computeCompliance(input);
        const fromCopy = computeCompliance({ ...structuredClone({ ...input, catalogue: undefined }), catalogue: input.catalogue });
        expect(second).toEqual(first);
        expect(fromCopy).toEqual(first);
        expect({
          person: input.person,
          records: input.records,
          extensions: input.extensions,
          exemptions: input.exemptions,
          today: input.today,
          catalogue: input.catalogue.catalogue,
        }).toEqual(snapshot);
        // Mutating one result must not leak into the next.
        first.items.forEach((i) => i.roleIds.push('tampered'));
        expect(computeCompliance(input)).toEqual(second);
      }),
      RUNS,
    );
  });

  it('(e) when summarised, then the counts are consistent with the items', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { items, summary } = computeCompliance(input);
        const exempt = items.filter((i) => i.status === 'exempt').length;
        expect(summary.exempt).toBe(exempt);
        expect(summary.required).toBe(items.length - exempt);
        expect(summary.compliant).toBeGreaterThanOrEqual(0);
        expect(summary.compliant).toBeLessThanOrEqual(summary.required);
        expect(summary.overdue + summary.dueSoon).toBeLessThanOrEqual(summary.required);
        expect(summary.overdue).toBe(items.filter((i) => i.status === 'overdue').length);
        expect(summary.dueSoon).toBe(items.filter((i) => i.status === 'due-soon').length);
        expect(summary.percent).toBeGreaterThanOrEqual(0);
        expect(summary.percent).toBeLessThanOrEqual(100);
        expect(summary.percent === 100).toBe(summary.compliant === summary.required);
        if (summary.required > 0) {
          expect(summary.percent).toBeLessThanOrEqual((summary.compliant * 100) / summary.required);
          expect(summary.percent).toBeGreaterThan((summary.compliant * 100) / summary.required - 0.1);
        }
        // "Next due" is the next date still ahead: overdue items are counted as overdue instead.
        const dues = items.filter((i) => i.status !== 'exempt' && i.status !== 'overdue' && i.dueDate !== null).map((i) => i.dueDate!);
        expect(summary.nextDueDate).toBe(dues.length === 0 ? null : [...dues].sort()[0]);
        expect(summarise(items)).toEqual(summary);
      }),
      RUNS,
    );
  });

  it('(f) when any summary item list is encoded, then decoding gives it back', () => {
    const summaryItemArb: fc.Arbitrary<SummaryItem> = fc.record({
      subjectId: fc.oneof(fc.constantFrom(...SUBJECT_IDS), fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,20}$/)),
      level: fc.integer({ min: 0, max: 9 }),
      dueDate: fc.option(dateArb, { nil: null }),
      validUntil: fc.oneof(dateArb, fc.constant(null), fc.constant(undefined)),
      exempt: fc.boolean(),
      extended: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(summaryItemArb, { maxLength: 15 }), (items) => {
        const encoded = encodeSummaryItems(items);
        expect(decodeSummaryItems(encoded)).toEqual(items);
        expect(encodeSummaryItems(decodeSummaryItems(encoded))).toBe(encoded);
      }),
      RUNS,
    );
  });

  it('(f) when a computed summary is encoded, then decoding gives its items back', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const summary = summaryOf(input.person, computeCompliance(input));
        expect(decodeSummaryItems(encodeSummaryItems(summary.items))).toEqual(summary.items);
      }),
      RUNS,
    );
  });

  it('(g) when an item has a status, then it agrees with its due date, validity and the rules', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const { items } = computeCompliance(input);
        const dueSoonDays = DEFAULT_COMPLIANCE_RULES.dueSoonDays;
        for (const item of items) {
          const label = `${item.subjectId} ${item.status} ${item.dueDate}`;
          if (item.status === 'exempt') {
            expect(item.exemption, label).toBeDefined();
            expect(item.dueDate, label).toBeNull();
            continue;
          }
          const validHeld = item.record !== undefined && (item.recordExpiresOn === null || item.recordExpiresOn! >= input.today);
          expect(item.compliant, label).toBe(validHeld);
          if (item.dueDate === null) {
            expect(item.status, label).toBe('in-date');
            expect(item.recordExpiresOn, label).toBeNull();
            continue;
          }
          const daysLeft = daysBetween(input.today, item.dueDate);
          expect(item.status === 'overdue', label).toBe(daysLeft < 0);
          if (item.status === 'due-soon') expect(daysLeft, label).toBeLessThanOrEqual(dueSoonDays);
          if (item.status === 'in-date' || item.status === 'not-completed') expect(daysLeft, label).toBeGreaterThan(dueSoonDays);
          if (item.status === 'extended') expect(item.extension?.agreedDate, label).toBe(item.dueDate);
          if (item.status === 'not-completed') expect(item.compliant, label).toBe(false);
          if (item.status === 'in-date') expect(item.compliant, label).toBe(true);
          // Nothing is due before the expiry of the learning held.
          if (item.recordExpiresOn) expect(item.dueDate >= item.recordExpiresOn, label).toBe(true);
        }
        const ranks = items.map((i) => STATUS_ORDER.indexOf(i.status));
        expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      }),
      RUNS,
    );
  });

  it('(h) when the compact summary is read on the day it was computed, then it gives each item’s own status', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = computeCompliance(input);
        const summary = summaryOf(input.person, result);
        summary.items.forEach((item, i) => {
          const original = result.items[i]!;
          expect(summaryStatusOn(item, input.today, DEFAULT_COMPLIANCE_RULES.dueSoonDays)).toEqual({
            status: original.status,
            compliant: original.compliant,
          });
        });
      }),
      RUNS,
    );
  });

  it('(h) when nothing about the person changes, then the summary read on a later day agrees with recomputing on that day', () => {
    // Roles that stay current and absences with known ends: the only things that depend on the day.
    const stableArb = fc
      .tuple(inputArb, fc.integer({ min: 0, max: 1500 }))
      .map(([input, laterBy]) => {
        const today = input.today;
        const person: Person = {
          ...input.person,
          roles: input.person.roles.map((r) => ({ roleId: r.roleId, start: r.start <= today ? r.start : today })),
          absences: input.person.absences.map((a) => ({ ...a, to: a.to ?? addDays(a.from, 90) })),
        };
        return { input: { ...input, person }, later: addDays(today, laterBy) };
      });
    fc.assert(
      fc.property(stableArb, ({ input, later }) => {
        const summary = summaryOf(input.person, computeCompliance(input));
        const recomputed = bySubject(computeCompliance({ ...input, today: later }));
        for (const item of summary.items) {
          const fresh = recomputed.get(item.subjectId)!;
          expect(summaryStatusOn(item, later, DEFAULT_COMPLIANCE_RULES.dueSoonDays), item.subjectId).toEqual({
            status: fresh.status,
            compliant: fresh.compliant,
          });
        }
      }),
      RUNS,
    );
  });
});
