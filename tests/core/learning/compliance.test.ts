import { describe, expect, it } from 'vitest';
import { CatalogueIndex } from '../../../core/learning/catalogue-index.js';
import {
  computeCompliance,
  DEFAULT_COMPLIANCE_RULES,
  STATUS_ORDER,
  summarise,
  type ComplianceItem,
  type ComplianceRules,
  type ComplianceStatus,
} from '../../../core/learning/compliance.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import { organisationReport } from '../../../core/learning/organisation-report.js';
import {
  decodeSummaryItems,
  encodeSummaryItems,
  summaryOf,
  summaryStatusOn,
  type PersonSummary,
  type SummaryItem,
} from '../../../core/learning/person-summary.js';
import type {
  Catalogue,
  ExemptionRequest,
  ExtensionRequest,
  LearningRecord,
  RequestState,
  VerificationState,
} from '../../../core/learning/types.js';
import type { Absence, Person, RoleAssignment } from '../../../core/people/types.js';
import { localDate } from '../../../core/time/local-date.js';

const d = localDate;

// ---------------------------------------------------------------------------------------------
// Builders
// ---------------------------------------------------------------------------------------------

/** The real CSTF subjects and topics, with small single-purpose roles so each scenario reads alone. */
function scenarioCatalogue(): Catalogue {
  const base = defaultCatalogue();
  return {
    subjects: base.subjects,
    topics: base.topics,
    roles: [
      { id: 'ig-only', name: 'IG only', requirements: [{ subjectId: 'ig', level: 1 }] },
      { id: 'ig-from-sep', name: 'IG newly required', requirements: [{ subjectId: 'ig', level: 1, since: d('2026-09-01') }] },
      { id: 'ig-from-2020', name: 'IG since 2020', requirements: [{ subjectId: 'ig', level: 1, since: d('2020-01-01') }] },
      { id: 'sg-1', name: 'Safeguarding adults L1', requirements: [{ subjectId: 'safeguarding-adults', level: 1 }] },
      { id: 'sg-1b', name: 'Another L1 safeguarding role', requirements: [{ subjectId: 'safeguarding-adults', level: 1 }] },
      { id: 'sg-2', name: 'Safeguarding adults L2', requirements: [{ subjectId: 'safeguarding-adults', level: 2 }] },
      { id: 'sg-3', name: 'Safeguarding adults L3', requirements: [{ subjectId: 'safeguarding-adults', level: 3 }] },
      { id: 'local-forever', name: 'Never-expiring local topic', requirements: [{ subjectId: 'local-induction', level: 1 }] },
    ],
  };
}

const localInductionCatalogue = (): Catalogue => {
  const c = scenarioCatalogue();
  c.subjects.push({ id: 'local-induction', name: 'Local induction', kind: 'local', aliases: [] });
  c.topics.push({ id: 'local-induction-1', subjectId: 'local-induction', level: 1, levelName: 'Level 1', renewalMonths: null, methods: ['session'] });
  return c;
};

const scenarioIndex = new CatalogueIndex(localInductionCatalogue());
const defaultIndex = new CatalogueIndex(defaultCatalogue());

const LONG_AGO = d('2015-01-01');

function makePerson(overrides: Partial<Person> = {}): Person {
  return {
    id: 'person-1',
    name: 'Alex Example',
    staffGroup: 'Administrative and Clerical',
    category: 'employee',
    orgUnit: 'practice-a',
    startDate: LONG_AGO,
    roles: [{ roleId: 'ig-only', start: LONG_AGO }],
    managerIds: ['manager-1'],
    absences: [],
    ...overrides,
  };
}

let sequence = 0;

function makeRecord(
  subjectId: string,
  level: number,
  completedOn: string,
  extra: Partial<LearningRecord> = {},
): LearningRecord {
  sequence++;
  return {
    id: `record-${sequence}`,
    subjectId,
    level,
    completedOn: d(completedOn),
    method: 'e-learning',
    source: { kind: 'esr' },
    verification: { state: 'verified' },
    recordedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  };
}

function transferred(subjectId: string, level: number, completedOn: string, verification: VerificationState): LearningRecord {
  return makeRecord(subjectId, level, completedOn, {
    method: 'transferred',
    source: { kind: 'transferred', employer: 'Previous NHS Trust' },
    verification,
  });
}

function makeExtension(id: string, subjectId: string, requestedDate: string, state: RequestState = 'approved'): ExtensionRequest {
  return {
    id,
    subjectId,
    currentDueDate: d('2026-10-01'),
    requestedDate: d(requestedDate),
    reason: 'Could not attend the session',
    state,
    requestedAt: '2026-09-01T09:00:00.000Z',
  };
}

function makeExemption(id: string, subjectId: string, state: RequestState = 'approved'): ExemptionRequest {
  return { id, subjectId, reason: 'Not relevant to the role', state, requestedAt: '2026-09-01T09:00:00.000Z' };
}

function roles(...list: [roleId: string, start: string, end?: string][]): RoleAssignment[] {
  return list.map(([roleId, start, end]) => ({ roleId, start: d(start), ...(end ? { end: d(end) } : {}) }));
}

function absence(kind: Absence['kind'], from: string, to?: string): Absence {
  return { kind, from: d(from), ...(to ? { to: d(to) } : {}) };
}

// ---------------------------------------------------------------------------------------------
// Table-driven scenarios: one requirement, one expected item
// ---------------------------------------------------------------------------------------------

interface Scenario {
  name: string;
  /** Defaults to the long-standing IG-only person. */
  person?: Partial<Person>;
  records?: LearningRecord[];
  extensions?: ExtensionRequest[];
  exemptions?: ExemptionRequest[];
  rules?: Partial<ComplianceRules>;
  today: string;
  subjectId?: string;
  expected: {
    status: ComplianceStatus;
    dueDate: string | null;
    compliant: boolean;
    level?: number;
    recordId?: string | null;
    recordExpiresOn?: string | null;
    extension?: { requestId: string; agreedDate: string } | null;
    exemption?: { requestId: string } | null;
    absence?: { kind: string; returnDate?: string } | null;
  };
}

function itemFor(scenario: Scenario): ComplianceItem {
  const result = computeCompliance({
    person: makePerson(scenario.person),
    catalogue: scenarioIndex,
    records: scenario.records ?? [],
    extensions: scenario.extensions ?? [],
    exemptions: scenario.exemptions ?? [],
    today: d(scenario.today),
    rules: { ...DEFAULT_COMPLIANCE_RULES, ...scenario.rules },
  });
  const subjectId = scenario.subjectId ?? 'ig';
  const matching = result.items.filter((i) => i.subjectId === subjectId);
  expect(matching).toHaveLength(1);
  return matching[0]!;
}

function checkScenario(scenario: Scenario): void {
  const item = itemFor(scenario);
  const { expected } = scenario;
  expect(item.status).toBe(expected.status);
  expect(item.dueDate).toBe(expected.dueDate);
  expect(item.compliant).toBe(expected.compliant);
  if (expected.level !== undefined) expect(item.level).toBe(expected.level);
  if (expected.recordId !== undefined) expect(item.record?.id ?? null).toBe(expected.recordId);
  if (expected.recordExpiresOn !== undefined) expect(item.recordExpiresOn).toBe(expected.recordExpiresOn);
  if (expected.extension !== undefined) expect(item.extension ?? null).toEqual(expected.extension);
  if (expected.exemption !== undefined) expect(item.exemption ?? null).toEqual(expected.exemption);
  if (expected.absence !== undefined) expect(item.absence ?? null).toEqual(expected.absence);
}

describe('computeCompliance: renewal, due soon and overdue', () => {
  const igMarch = makeRecord('ig', 1, '2026-03-01');
  const scenarios: Scenario[] = [
    {
      name: 'when IG was completed 9 months ago, then it is in date until its 12-month renewal',
      records: [igMarch],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2027-03-01', compliant: true, recordId: igMarch.id, recordExpiresOn: '2027-03-01' },
    },
    {
      name: 'when the renewal is 19 days away, then it is due soon and still compliant',
      records: [makeRecord('ig', 1, '2025-12-10')],
      today: '2026-11-21',
      expected: { status: 'due-soon', dueDate: '2026-12-10', compliant: true },
    },
    {
      name: 'when the renewal is exactly 30 days away, then it is due soon (the window is inclusive)',
      records: [makeRecord('ig', 1, '2025-12-21')],
      today: '2026-11-21',
      expected: { status: 'due-soon', dueDate: '2026-12-21', compliant: true },
    },
    {
      name: 'when the renewal is 31 days away, then it is still in date',
      records: [makeRecord('ig', 1, '2025-12-22')],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2026-12-22', compliant: true },
    },
    {
      name: 'when the organisation sets a 14-day due-soon window, then 19 days away is in date',
      records: [makeRecord('ig', 1, '2025-12-10')],
      rules: { dueSoonDays: 14 },
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2026-12-10', compliant: true },
    },
    {
      name: 'when the organisation sets a 60-day due-soon window, then 50 days away is due soon',
      records: [makeRecord('ig', 1, '2026-01-10')],
      rules: { dueSoonDays: 60 },
      today: '2026-11-21',
      expected: { status: 'due-soon', dueDate: '2027-01-10', compliant: true },
    },
    {
      name: 'when today is the expiry date, then it is due soon and still compliant',
      records: [makeRecord('ig', 1, '2025-11-21')],
      today: '2026-11-21',
      expected: { status: 'due-soon', dueDate: '2026-11-21', compliant: true },
    },
    {
      name: 'when today is the day after expiry, then it is overdue and not compliant',
      records: [makeRecord('ig', 1, '2025-11-21')],
      today: '2026-11-22',
      expected: { status: 'overdue', dueDate: '2026-11-21', compliant: false },
    },
    {
      name: 'when the learning expired weeks ago, then it is overdue from its expiry date, keeping the record',
      records: [makeRecord('ig', 1, '2025-10-01', { id: 'old-ig' })],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2026-10-01', compliant: false, recordId: 'old-ig', recordExpiresOn: '2026-10-01' },
    },
    {
      name: 'when a long-standing member of staff has never completed it, then it is overdue from the end of their induction window',
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2015-03-26', compliant: false, recordId: null },
    },
    {
      name: 'when several records are held, then the one valid the longest satisfies the requirement',
      records: [makeRecord('ig', 1, '2025-06-01'), makeRecord('ig', 1, '2026-04-01', { id: 'newest' }), makeRecord('ig', 1, '2024-06-01')],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2027-04-01', compliant: true, recordId: 'newest' },
    },
    {
      name: 'when a never-expiring topic was completed, then it is in date with no due date',
      person: { roles: roles(['local-forever', '2015-01-01']) },
      subjectId: 'local-induction',
      records: [makeRecord('local-induction', 1, '2015-02-01')],
      today: '2040-01-01',
      expected: { status: 'in-date', dueDate: null, compliant: true, recordExpiresOn: null },
    },
  ];
  it.each(scenarios)('$name', checkScenario);
});

describe('computeCompliance: new starters', () => {
  const newStarter: Partial<Person> = { startDate: d('2026-09-01'), roles: roles(['ig-only', '2026-09-01']) };
  const scenarios: Scenario[] = [
    {
      name: 'when a new starter has not completed it yet, then it is not completed and due 12 weeks after starting',
      person: newStarter,
      today: '2026-09-10',
      expected: { status: 'not-completed', dueDate: '2026-11-24', compliant: false, recordId: null },
    },
    {
      name: 'when a new starter is within 30 days of the end of the induction window, then it is due soon',
      person: newStarter,
      today: '2026-10-26',
      expected: { status: 'due-soon', dueDate: '2026-11-24', compliant: false },
    },
    {
      name: 'when today is the last day of the induction window, then it is due soon, not overdue',
      person: newStarter,
      today: '2026-11-24',
      expected: { status: 'due-soon', dueDate: '2026-11-24', compliant: false },
    },
    {
      name: 'when the induction window has passed without completion, then it is overdue',
      person: newStarter,
      today: '2026-11-25',
      expected: { status: 'overdue', dueDate: '2026-11-24', compliant: false },
    },
    {
      name: 'when the organisation allows 4 weeks for induction, then it is due 28 days after starting',
      person: newStarter,
      rules: { newStarterWeeks: 4 },
      today: '2026-09-10',
      expected: { status: 'due-soon', dueDate: '2026-09-29', compliant: false },
    },
    {
      name: 'when a new starter completes it during induction, then it is in date until the renewal',
      person: newStarter,
      records: [makeRecord('ig', 1, '2026-09-15')],
      today: '2026-09-20',
      expected: { status: 'in-date', dueDate: '2027-09-15', compliant: true },
    },
    {
      name: 'when a new starter brings learning that expires during induction, then it is due at the end of the induction window',
      person: newStarter,
      records: [transferred('ig', 1, '2025-10-01', { state: 'verified', by: 'ld-1' })],
      today: '2026-09-10',
      expected: { status: 'in-date', dueDate: '2026-11-24', compliant: true, recordExpiresOn: '2026-10-01' },
    },
    {
      name: 'when that brought learning has expired but the induction window is still open, then it is not completed (not overdue)',
      person: newStarter,
      records: [transferred('ig', 1, '2025-10-01', { state: 'verified', by: 'ld-1' })],
      today: '2026-10-02',
      expected: { status: 'not-completed', dueDate: '2026-11-24', compliant: false },
    },
    {
      name: 'when someone starts on the spring clock-change Sunday, then the induction due date is exactly 84 days later',
      person: { startDate: d('2026-03-29'), roles: roles(['ig-only', '2026-03-29']) },
      today: '2026-03-29',
      expected: { status: 'not-completed', dueDate: '2026-06-21', compliant: false },
    },
  ];
  it.each(scenarios)('$name', checkScenario);
});

describe('computeCompliance: levels', () => {
  const scenarios: Scenario[] = [
    {
      name: 'when an L1 requirement is met by an L3 safeguarding completion, then it is in date',
      person: { roles: roles(['sg-1', '2015-01-01']) },
      subjectId: 'safeguarding-adults',
      records: [makeRecord('safeguarding-adults', 3, '2025-01-01', { id: 'sg-l3' })],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2028-01-01', compliant: true, level: 1, recordId: 'sg-l3' },
    },
    {
      name: 'when an L2 requirement is met by an L3 safeguarding completion, then it is in date',
      person: { roles: roles(['sg-2', '2015-01-01']) },
      subjectId: 'safeguarding-adults',
      records: [makeRecord('safeguarding-adults', 3, '2025-01-01', { id: 'sg-l3' })],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2028-01-01', compliant: true, level: 2, recordId: 'sg-l3' },
    },
    {
      name: 'when an L3 requirement has only L1 and L2 completions, then they do not count and it is overdue',
      person: { roles: roles(['sg-3', '2015-01-01']) },
      subjectId: 'safeguarding-adults',
      records: [makeRecord('safeguarding-adults', 1, '2026-01-01'), makeRecord('safeguarding-adults', 2, '2026-02-01')],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2015-03-26', compliant: false, level: 3, recordId: null },
    },
    {
      name: 'when an L3 requirement has an L3 completion, then it is in date',
      person: { roles: roles(['sg-3', '2015-01-01']) },
      subjectId: 'safeguarding-adults',
      records: [makeRecord('safeguarding-adults', 1, '2026-01-01'), makeRecord('safeguarding-adults', 3, '2024-06-01', { id: 'sg-l3' })],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2027-06-01', compliant: true, level: 3, recordId: 'sg-l3' },
    },
    {
      name: 'when someone keeps their L1 role and gains an L3 role, then the L3 requirement gets a fresh induction window',
      person: { startDate: d('2020-01-01'), roles: roles(['sg-1', '2020-01-01'], ['sg-3', '2026-10-01']) },
      subjectId: 'safeguarding-adults',
      records: [makeRecord('safeguarding-adults', 1, '2025-06-01')],
      today: '2026-10-02',
      expected: { status: 'not-completed', dueDate: '2026-12-24', compliant: false, level: 3, recordId: null },
    },
    {
      name: 'when someone swaps their L1 role for an L3 role, then the L3 requirement gets the same induction window',
      person: { startDate: d('2020-01-01'), roles: roles(['sg-1', '2020-01-01', '2026-09-30'], ['sg-3', '2026-10-01']) },
      subjectId: 'safeguarding-adults',
      records: [makeRecord('safeguarding-adults', 1, '2025-06-01')],
      today: '2026-10-02',
      expected: { status: 'not-completed', dueDate: '2026-12-24', compliant: false, level: 3, recordId: null },
    },
    {
      name: 'when a second role asks for the same level, then the earlier start still applies (no new induction window)',
      person: { startDate: d('2020-01-01'), roles: roles(['sg-1', '2020-01-01'], ['sg-1b', '2026-10-01']) },
      subjectId: 'safeguarding-adults',
      today: '2026-10-02',
      expected: { status: 'overdue', dueDate: '2020-03-25', compliant: false, level: 1 },
    },
  ];
  it.each(scenarios)('$name', checkScenario);
});

describe('computeCompliance: extensions', () => {
  // IG completed 2025-10-01 expires 2026-10-01; on 2026-10-15 it is overdue without an extension.
  const expired = [makeRecord('ig', 1, '2025-10-01')];
  const scenarios: Scenario[] = [
    {
      name: 'when an approved extension moves the due date later, then the item is extended to the agreed date',
      records: expired,
      extensions: [makeExtension('ext-1', 'ig', '2026-12-31')],
      today: '2026-10-15',
      expected: { status: 'extended', dueDate: '2026-12-31', compliant: false, extension: { requestId: 'ext-1', agreedDate: '2026-12-31' } },
    },
    {
      name: 'when the agreed date is within the due-soon window, then it still reads extended',
      records: expired,
      extensions: [makeExtension('ext-1', 'ig', '2026-10-31')],
      today: '2026-10-15',
      expected: { status: 'extended', dueDate: '2026-10-31', compliant: false },
    },
    {
      name: 'when today is the agreed date, then it is still extended',
      records: expired,
      extensions: [makeExtension('ext-1', 'ig', '2026-12-31')],
      today: '2026-12-31',
      expected: { status: 'extended', dueDate: '2026-12-31', compliant: false },
    },
    {
      name: 'when the agreed date has passed, then it is overdue from the agreed date',
      records: expired,
      extensions: [makeExtension('ext-1', 'ig', '2026-12-31')],
      today: '2027-01-01',
      expected: { status: 'overdue', dueDate: '2026-12-31', compliant: false },
    },
    {
      name: 'when the extension is only pending, then it has no effect',
      records: expired,
      extensions: [makeExtension('ext-1', 'ig', '2026-12-31', 'pending')],
      today: '2026-10-15',
      expected: { status: 'overdue', dueDate: '2026-10-01', compliant: false, extension: null },
    },
    {
      name: 'when the extension was declined, then it has no effect',
      records: expired,
      extensions: [makeExtension('ext-1', 'ig', '2026-12-31', 'declined')],
      today: '2026-10-15',
      expected: { status: 'overdue', dueDate: '2026-10-01', compliant: false, extension: null },
    },
    {
      name: 'when the extension was withdrawn, then it has no effect',
      records: expired,
      extensions: [makeExtension('ext-1', 'ig', '2026-12-31', 'withdrawn')],
      today: '2026-10-15',
      expected: { status: 'overdue', dueDate: '2026-10-01', compliant: false, extension: null },
    },
    {
      name: 'when an approved extension is earlier than the due date, then it is ignored',
      records: [makeRecord('ig', 1, '2026-03-01')],
      extensions: [makeExtension('ext-1', 'ig', '2027-01-01')],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2027-03-01', compliant: true, extension: null },
    },
    {
      name: 'when an approved extension is for another subject, then it is ignored',
      records: expired,
      extensions: [makeExtension('ext-1', 'fire-safety', '2026-12-31')],
      today: '2026-10-15',
      expected: { status: 'overdue', dueDate: '2026-10-01', compliant: false, extension: null },
    },
    {
      name: 'when two extensions were approved, then the later agreed date applies',
      records: expired,
      extensions: [makeExtension('ext-2', 'ig', '2027-01-31'), makeExtension('ext-1', 'ig', '2026-12-31')],
      today: '2026-10-15',
      expected: { status: 'extended', dueDate: '2027-01-31', compliant: false, extension: { requestId: 'ext-2', agreedDate: '2027-01-31' } },
    },
    {
      name: 'when a new starter is granted an extension past the induction window, then it is extended',
      person: { startDate: d('2026-09-01'), roles: roles(['ig-only', '2026-09-01']) },
      extensions: [makeExtension('ext-1', 'ig', '2027-01-15')],
      today: '2026-11-25',
      expected: { status: 'extended', dueDate: '2027-01-15', compliant: false },
    },
  ];
  it.each(scenarios)('$name', checkScenario);
});

describe('computeCompliance: exemptions and evidence', () => {
  const scenarios: Scenario[] = [
    {
      name: 'when the MLOG approved an exemption, then the item is exempt with no due date',
      exemptions: [makeExemption('exm-1', 'ig')],
      today: '2026-11-21',
      expected: { status: 'exempt', dueDate: null, compliant: true, exemption: { requestId: 'exm-1' } },
    },
    {
      name: 'when the exemption is only pending, then it has no effect',
      exemptions: [makeExemption('exm-1', 'ig', 'pending')],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2015-03-26', compliant: false, exemption: null },
    },
    {
      name: 'when the exemption was declined, then it has no effect',
      records: [makeRecord('ig', 1, '2026-03-01')],
      exemptions: [makeExemption('exm-1', 'ig', 'declined')],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2027-03-01', compliant: true, exemption: null },
    },
    {
      name: 'when transferred evidence is awaiting verification, then it does not count',
      records: [transferred('ig', 1, '2026-06-01', { state: 'pending' })],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2015-03-26', compliant: false, recordId: null },
    },
    {
      name: 'when transferred evidence was rejected, then it does not count',
      records: [transferred('ig', 1, '2026-06-01', { state: 'rejected', by: 'ld-1', on: d('2026-06-10'), reason: 'Illegible' })],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2015-03-26', compliant: false, recordId: null },
    },
    {
      name: 'when transferred evidence has been verified, then it counts until it expires',
      records: [transferred('ig', 1, '2026-06-01', { state: 'verified', by: 'ld-1', on: d('2026-06-10') })],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2027-06-01', compliant: true },
    },
    {
      name: 'when an older verified record and a newer pending one are held, then only the verified one counts',
      records: [makeRecord('ig', 1, '2025-12-01', { id: 'verified' }), transferred('ig', 1, '2026-06-01', { state: 'pending' })],
      today: '2026-11-21',
      expected: { status: 'due-soon', dueDate: '2026-12-01', compliant: true, recordId: 'verified' },
    },
    {
      name: 'when ESR states its own expiry, then that date is used instead of the catalogue renewal',
      records: [makeRecord('ig', 1, '2026-01-01', { expiresOn: d('2027-01-15') })],
      today: '2026-11-21',
      expected: { status: 'in-date', dueDate: '2027-01-15', compliant: true, recordExpiresOn: '2027-01-15' },
    },
    {
      name: 'when ESR states an expiry earlier than the catalogue renewal, then the ESR expiry still applies',
      records: [makeRecord('ig', 1, '2026-01-01', { expiresOn: d('2026-06-01') })],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2026-06-01', compliant: false, recordExpiresOn: '2026-06-01' },
    },
    {
      name: 'when ESR states the expiry as null, then the learning never expires',
      records: [makeRecord('ig', 1, '2020-01-01', { expiresOn: null })],
      today: '2035-06-01',
      expected: { status: 'in-date', dueDate: null, compliant: true, recordExpiresOn: null },
    },
  ];
  it.each(scenarios)('$name', checkScenario);
});

describe('computeCompliance: absence', () => {
  // IG completed 2025-06-15 expires 2026-06-15, in the middle of a sickness absence 2026-06-01 → 2026-07-31.
  const sickSummer = absence('sickness', '2026-06-01', '2026-07-31');
  const scenarios: Scenario[] = [
    {
      name: 'when learning expires during a finished absence, then it is due 28 days after the return date',
      person: { absences: [sickSummer] },
      records: [makeRecord('ig', 1, '2025-06-15')],
      today: '2026-08-10',
      expected: { status: 'due-soon', dueDate: '2026-08-29', compliant: false, absence: { kind: 'sickness', returnDate: '2026-08-01' } },
    },
    {
      name: 'when the grace period after the return has passed, then it is overdue from the end of the grace period',
      person: { absences: [sickSummer] },
      records: [makeRecord('ig', 1, '2025-06-15')],
      today: '2026-08-30',
      expected: { status: 'overdue', dueDate: '2026-08-29', compliant: false },
    },
    {
      name: 'when the organisation allows 14 days after return, then it is due 14 days after the return date',
      person: { absences: [sickSummer] },
      records: [makeRecord('ig', 1, '2025-06-15')],
      rules: { returnFromAbsenceDays: 14 },
      today: '2026-08-10',
      expected: { status: 'due-soon', dueDate: '2026-08-15', compliant: false },
    },
    {
      name: 'when learning expires in the days just after the return, then it also gets the full grace period',
      person: { absences: [sickSummer] },
      records: [makeRecord('ig', 1, '2025-08-05')],
      today: '2026-08-03',
      expected: { status: 'due-soon', dueDate: '2026-08-29', compliant: true, absence: { kind: 'sickness', returnDate: '2026-08-01' } },
    },
    {
      name: 'when learning expires after the grace period, then the absence makes no difference',
      person: { absences: [sickSummer] },
      records: [makeRecord('ig', 1, '2025-09-15')],
      today: '2026-08-10',
      expected: { status: 'in-date', dueDate: '2026-09-15', compliant: true, absence: null },
    },
    {
      name: 'when learning expired before the absence started, then it stays overdue',
      person: { absences: [sickSummer] },
      records: [makeRecord('ig', 1, '2025-05-01')],
      today: '2026-08-10',
      expected: { status: 'overdue', dueDate: '2026-05-01', compliant: false, absence: null },
    },
    {
      name: 'when someone is still away with no end date, then expired learning never falls overdue',
      person: { absences: [absence('maternity', '2026-05-01')] },
      records: [makeRecord('ig', 1, '2025-06-15')],
      today: '2026-11-21',
      expected: { status: 'due-soon', dueDate: '2026-12-19', compliant: false, absence: { kind: 'maternity' } },
    },
    {
      name: 'when someone has been away with no end date for years, then it is still not overdue',
      person: { absences: [absence('career-break', '2026-05-01')] },
      records: [makeRecord('ig', 1, '2025-06-15')],
      today: '2030-01-01',
      expected: { status: 'due-soon', dueDate: '2030-01-29', compliant: false, absence: { kind: 'career-break' } },
    },
    {
      name: 'when an open-ended absence started after the learning expired, then it stays overdue',
      person: { absences: [absence('maternity', '2026-05-01')] },
      records: [makeRecord('ig', 1, '2025-04-01')],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2026-04-01', compliant: false, absence: null },
    },
    {
      name: 'when an open-ended absence has not started yet, then it has no effect',
      person: { absences: [absence('maternity', '2026-12-01')] },
      records: [makeRecord('ig', 1, '2025-10-01')],
      today: '2026-11-21',
      expected: { status: 'overdue', dueDate: '2026-10-01', compliant: false, absence: null },
    },
    {
      name: 'when an extension falls inside an absence, then the absence grace replaces it and the status is not extended',
      person: { absences: [sickSummer] },
      records: [makeRecord('ig', 1, '2025-05-01')],
      extensions: [makeExtension('ext-1', 'ig', '2026-06-15')],
      today: '2026-08-10',
      expected: { status: 'due-soon', dueDate: '2026-08-29', compliant: false, extension: null, absence: { kind: 'sickness', returnDate: '2026-08-01' } },
    },
  ];
  it.each(scenarios)('$name', checkScenario);
});

describe('computeCompliance: newly added requirements', () => {
  const scenarios: Scenario[] = [
    {
      name: 'when a requirement was added to the role after the person started, then the induction window runs from that date',
      person: { roles: roles(['ig-from-sep', '2015-01-01']) },
      today: '2026-10-01',
      expected: { status: 'not-completed', dueDate: '2026-11-24', compliant: false },
    },
    {
      name: 'when the induction window of a newly added requirement has passed, then it is overdue',
      person: { roles: roles(['ig-from-sep', '2015-01-01']) },
      today: '2026-11-25',
      expected: { status: 'overdue', dueDate: '2026-11-24', compliant: false },
    },
    {
      name: 'when the requirement was added before the person started, then the window runs from their start',
      person: { startDate: d('2026-10-01'), roles: roles(['ig-from-2020', '2026-10-01']) },
      today: '2026-10-05',
      expected: { status: 'not-completed', dueDate: '2026-12-24', compliant: false },
    },
    {
      name: 'when a newly added requirement is already met, then it is in date on the record',
      person: { roles: roles(['ig-from-sep', '2015-01-01']) },
      records: [makeRecord('ig', 1, '2026-08-01')],
      today: '2026-10-01',
      expected: { status: 'in-date', dueDate: '2027-08-01', compliant: true },
    },
  ];
  it.each(scenarios)('$name', checkScenario);

  it('when a national requirement began after the person started (Oliver McGowan, statutory from 1 July 2022), then the shipped matrix counts the window from then', () => {
    const nurse = makePerson({ startDate: d('2018-12-13'), roles: [{ roleId: 'practice-nurse', start: d('2018-12-13') }] });
    const result = computeCompliance({ person: nurse, catalogue: defaultIndex, records: [], extensions: [], exemptions: [], today: d('2026-11-21') });
    expect(result.items.find((i) => i.subjectId === 'oliver-mcgowan')).toMatchObject({ status: 'overdue', dueDate: '2022-09-23' });
    // Requirements without a known start still count from the person's start.
    expect(result.items.find((i) => i.subjectId === 'fire-safety')).toMatchObject({ status: 'overdue', dueDate: '2019-03-07' });
  });

  it('when someone started after the requirement began, then their own start counts, as for any requirement', () => {
    const starter = makePerson({ startDate: d('2026-10-01'), roles: [{ roleId: 'hca', start: d('2026-10-01') }] });
    const result = computeCompliance({ person: starter, catalogue: defaultIndex, records: [], extensions: [], exemptions: [], today: d('2026-11-21') });
    expect(result.items.find((i) => i.subjectId === 'oliver-mcgowan')).toMatchObject({ status: 'not-completed', dueDate: '2026-12-24' });
  });
});

describe('computeCompliance: calendar edge cases', () => {
  const leap = makeRecord('ig', 1, '2024-02-29');
  const spring = makeRecord('ig', 1, '2025-03-30');
  const autumn = makeRecord('ig', 1, '2025-10-26');
  const scenarios: Scenario[] = [
    {
      name: 'when learning completed on 29 February is renewed yearly, then it is due on 28 February',
      records: [leap],
      today: '2025-02-01',
      expected: { status: 'due-soon', dueDate: '2025-02-28', compliant: true, recordExpiresOn: '2025-02-28' },
    },
    {
      name: 'when today is 28 February after a 29 February completion, then it is still compliant',
      records: [leap],
      today: '2025-02-28',
      expected: { status: 'due-soon', dueDate: '2025-02-28', compliant: true },
    },
    {
      name: 'when today is 1 March after a 29 February completion, then it is overdue',
      records: [leap],
      today: '2025-03-01',
      expected: { status: 'overdue', dueDate: '2025-02-28', compliant: false },
    },
    {
      name: 'when completed on the spring clock-change day, then it is due on the same date next year',
      records: [spring],
      today: '2026-01-01',
      expected: { status: 'in-date', dueDate: '2026-03-30', compliant: true },
    },
    {
      name: 'when today is the due date just after the spring clock change, then it is due soon, not overdue',
      records: [spring],
      today: '2026-03-30',
      expected: { status: 'due-soon', dueDate: '2026-03-30', compliant: true },
    },
    {
      name: 'when today is the day after that due date, then it is overdue',
      records: [spring],
      today: '2026-03-31',
      expected: { status: 'overdue', dueDate: '2026-03-30', compliant: false },
    },
    {
      name: 'when exactly 30 days remain across the spring clock change, then it is due soon',
      records: [spring],
      today: '2026-02-28',
      expected: { status: 'due-soon', dueDate: '2026-03-30', compliant: true },
    },
    {
      name: 'when 31 days remain across the spring clock change, then it is in date',
      records: [spring],
      today: '2026-02-27',
      expected: { status: 'in-date', dueDate: '2026-03-30', compliant: true },
    },
    {
      name: 'when today is the autumn clock-change Sunday, the day before the due date, then it is due soon',
      records: [autumn],
      today: '2026-10-25',
      expected: { status: 'due-soon', dueDate: '2026-10-26', compliant: true },
    },
    {
      name: 'when exactly 30 days remain across the autumn clock change, then it is due soon',
      records: [autumn],
      today: '2026-09-26',
      expected: { status: 'due-soon', dueDate: '2026-10-26', compliant: true },
    },
    {
      name: 'when 31 days remain across the autumn clock change, then it is in date',
      records: [autumn],
      today: '2026-09-25',
      expected: { status: 'in-date', dueDate: '2026-10-26', compliant: true },
    },
    {
      name: 'when today is the day after the due date following the autumn clock change, then it is overdue',
      records: [autumn],
      today: '2026-10-27',
      expected: { status: 'overdue', dueDate: '2026-10-26', compliant: false },
    },
  ];
  it.each(scenarios)('$name', checkScenario);
});

// ---------------------------------------------------------------------------------------------
// Roles: which requirements apply and at which level
// ---------------------------------------------------------------------------------------------

describe('computeCompliance: roles', () => {
  interface RoleScenario {
    name: string;
    roles: RoleAssignment[];
    today: string;
    /** subjectId → [level, roleIds] for the subjects checked; null = not required. */
    expected: Record<string, [number, string[]] | null>;
    itemCount: number;
  }
  const scenarios: RoleScenario[] = [
    {
      name: 'when someone holds two roles, then each subject appears once at the highest level, listing both roles',
      roles: roles(['administrator', '2015-01-01'], ['hca', '2015-01-01']),
      today: '2026-11-21',
      expected: {
        'safeguarding-adults': [2, ['administrator', 'hca']],
        'moving-handling': [2, ['administrator', 'hca']],
        ipc: [2, ['administrator', 'hca']],
        ig: [1, ['administrator', 'hca']],
        'conflict-resolution': [1, ['hca']],
      },
      itemCount: 12,
    },
    {
      name: 'when a role has ended, then its requirements no longer count',
      roles: roles(['gp', '2015-01-01', '2026-06-30'], ['administrator', '2015-01-01']),
      today: '2026-11-21',
      expected: { 'safeguarding-adults': [1, ['administrator']], prevent: [1, ['administrator']], 'conflict-resolution': null },
      itemCount: 11,
    },
    {
      name: 'when a role ends today, then it still counts today (the end is inclusive)',
      roles: roles(['gp', '2015-01-01', '2026-11-21'], ['administrator', '2015-01-01']),
      today: '2026-11-21',
      expected: { 'safeguarding-adults': [3, ['gp', 'administrator']], 'conflict-resolution': [1, ['gp']] },
      itemCount: 12,
    },
    {
      name: 'when a role has not started yet, then its requirements do not count yet',
      roles: roles(['administrator', '2015-01-01'], ['gp', '2027-01-01']),
      today: '2026-11-21',
      expected: { 'safeguarding-adults': [1, ['administrator']], 'conflict-resolution': null },
      itemCount: 11,
    },
    {
      name: 'when a role starts today, then it counts today',
      roles: roles(['administrator', '2015-01-01'], ['gp', '2026-11-21']),
      today: '2026-11-21',
      expected: { 'safeguarding-adults': [3, ['administrator', 'gp']] },
      itemCount: 12,
    },
    {
      name: 'when every role has ended, then nothing is required',
      roles: roles(['administrator', '2015-01-01', '2020-01-01']),
      today: '2026-11-21',
      expected: { ig: null },
      itemCount: 0,
    },
    {
      name: 'when a role is not in the catalogue, then it is ignored',
      roles: roles(['retired-role', '2015-01-01'], ['volunteer', '2015-01-01']),
      today: '2026-11-21',
      expected: { ig: [1, ['volunteer']], prevent: null },
      itemCount: 6,
    },
  ];

  it.each(scenarios)('$name', (scenario) => {
    const result = computeCompliance({
      person: makePerson({ roles: scenario.roles }),
      catalogue: defaultIndex,
      records: [],
      extensions: [],
      exemptions: [],
      today: d(scenario.today),
    });
    expect(result.items).toHaveLength(scenario.itemCount);
    const subjects = result.items.map((i) => i.subjectId);
    expect(new Set(subjects).size).toBe(subjects.length);
    for (const [subjectId, expected] of Object.entries(scenario.expected)) {
      const item = result.items.find((i) => i.subjectId === subjectId);
      if (expected === null) {
        expect(item, subjectId).toBeUndefined();
      } else {
        expect(item, subjectId).toBeDefined();
        expect(item!.level, subjectId).toBe(expected[0]);
        expect(item!.roleIds, subjectId).toEqual(expected[1]);
        expect(item!.topicId, subjectId).toBe(`${subjectId}-${expected[0]}`);
      }
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The summary and the order of items
// ---------------------------------------------------------------------------------------------

describe('computeCompliance: summary', () => {
  // Volunteer: edhr, fire-safety, health-safety, ig, safeguarding-adults, safeguarding-children (all L1).
  const volunteer = makePerson({ roles: roles(['volunteer', '2015-01-01']) });
  const today = d('2026-11-21');

  function run(records: LearningRecord[], exemptions: ExemptionRequest[] = [], extensions: ExtensionRequest[] = []) {
    return computeCompliance({ person: volunteer, catalogue: defaultIndex, records, extensions, exemptions, today });
  }

  interface SummaryScenario {
    name: string;
    records: LearningRecord[];
    exemptions?: ExemptionRequest[];
    extensions?: ExtensionRequest[];
    expected: { required: number; compliant: number; overdue: number; dueSoon: number; exempt: number; percent: number; nextDueDate: string | null };
  }

  const allInDate = [
    makeRecord('edhr', 1, '2025-01-10'), // 2028-01-10
    makeRecord('fire-safety', 1, '2025-05-01'), // 2027-05-01
    makeRecord('health-safety', 1, '2024-02-01'), // 2027-02-01
    makeRecord('ig', 1, '2026-02-14'), // 2027-02-14
    makeRecord('safeguarding-adults', 1, '2024-03-01'), // 2027-03-01
    makeRecord('safeguarding-children', 1, '2024-03-02'), // 2027-03-02
  ];

  const scenarios: SummaryScenario[] = [
    {
      name: 'when everything is in date, then 100% and the next due date is the earliest renewal',
      records: allInDate,
      expected: { required: 6, compliant: 6, overdue: 0, dueSoon: 0, exempt: 0, percent: 100, nextDueDate: '2027-02-01' },
    },
    {
      name: 'when nothing was ever completed, then 0% and everything is overdue, so nothing is "next due"',
      records: [],
      expected: { required: 6, compliant: 0, overdue: 6, dueSoon: 0, exempt: 0, percent: 0, nextDueDate: null },
    },
    {
      name: 'when two of six are compliant, then 33.3% (rounded down to one decimal)',
      records: [makeRecord('edhr', 1, '2025-01-10'), makeRecord('ig', 1, '2025-12-01')],
      // The next due date is the first one still ahead (IG, due soon), not an overdue one.
      expected: { required: 6, compliant: 2, overdue: 4, dueSoon: 1, exempt: 0, percent: 33.3, nextDueDate: '2026-12-01' },
    },
    {
      name: 'when four of six are compliant, then 66.6% (rounded down, never overstating compliance)',
      records: allInDate.slice(0, 4),
      expected: { required: 6, compliant: 4, overdue: 2, dueSoon: 0, exempt: 0, percent: 66.6, nextDueDate: '2027-02-01' },
    },
    {
      name: 'when one subject is exempt, then it is left out of the required count',
      records: allInDate.slice(0, 5),
      exemptions: [makeExemption('exm-1', 'safeguarding-children')],
      expected: { required: 5, compliant: 5, overdue: 0, dueSoon: 0, exempt: 1, percent: 100, nextDueDate: '2027-02-01' },
    },
    {
      name: 'when the only missing subject is exempt and another is extended, then the extended one is counted but not compliant',
      records: allInDate.slice(0, 4),
      exemptions: [makeExemption('exm-1', 'safeguarding-children')],
      extensions: [makeExtension('ext-1', 'safeguarding-adults', '2027-01-15')],
      expected: { required: 5, compliant: 4, overdue: 0, dueSoon: 0, exempt: 1, percent: 80, nextDueDate: '2027-01-15' },
    },
    {
      name: 'when everything is exempt, then nothing is required and the percentage is 100',
      records: [],
      exemptions: ['edhr', 'fire-safety', 'health-safety', 'ig', 'safeguarding-adults', 'safeguarding-children'].map((s, i) =>
        makeExemption(`exm-${i}`, s),
      ),
      expected: { required: 0, compliant: 0, overdue: 0, dueSoon: 0, exempt: 6, percent: 100, nextDueDate: null },
    },
  ];

  it.each(scenarios)('$name', (scenario) => {
    const { summary } = run(scenario.records, scenario.exemptions, scenario.extensions);
    expect(summary).toEqual(scenario.expected);
  });

  it('when items are listed, then the worst status comes first, then the earliest due date, then the subject', () => {
    const result = run(
      [
        makeRecord('edhr', 1, '2025-01-10'),
        makeRecord('fire-safety', 1, '2025-05-01'),
        makeRecord('ig', 1, '2025-12-01'),
        makeRecord('health-safety', 1, '2023-01-01'),
      ],
      [makeExemption('exm-1', 'safeguarding-children')],
    );
    const order = result.items.map((i) => [i.status, i.subjectId]);
    expect(order).toEqual([
      ['overdue', 'safeguarding-adults'], // 2015-03-26
      ['overdue', 'health-safety'], // 2026-01-01
      ['due-soon', 'ig'],
      ['in-date', 'fire-safety'], // 2027-05-01
      ['in-date', 'edhr'], // 2028-01-10
      ['exempt', 'safeguarding-children'],
    ]);
    const ranks = result.items.map((i) => STATUS_ORDER.indexOf(i.status));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });

  it('when a result is computed, then it carries the person id and the day it was computed for', () => {
    const result = run([]);
    expect(result.personId).toBe('person-1');
    expect(result.asOf).toBe('2026-11-21');
  });

  it('when summarise is given no items, then nothing is required and the percentage is 100', () => {
    expect(summarise([])).toEqual({ required: 0, compliant: 0, overdue: 0, dueSoon: 0, exempt: 0, percent: 100, nextDueDate: null });
  });
});

// ---------------------------------------------------------------------------------------------
// Person summaries and the organisation report
// ---------------------------------------------------------------------------------------------

describe('person summary', () => {
  const today = d('2026-11-21');
  const hca = makePerson({
    id: 'hca-1',
    name: 'Sam Carer',
    staffGroup: 'Additional Clinical Services',
    category: 'bank',
    roles: roles(['hca', '2015-01-01'], ['administrator', '2015-01-01']),
    managerIds: ['m-2', 'm-1'],
  });
  const records = [
    makeRecord('edhr', 1, '2025-01-10'),
    makeRecord('ig', 1, '2025-12-01'),
    makeRecord('fire-safety', 1, '2024-01-01'),
    makeRecord('oliver-mcgowan', 2, '2020-01-01', { expiresOn: null }),
  ];
  const result = computeCompliance({
    person: hca,
    catalogue: defaultIndex,
    records,
    extensions: [makeExtension('ext-1', 'health-safety', '2027-01-31')],
    exemptions: [makeExemption('exm-1', 'prevent')],
    today,
  });
  const summary = summaryOf(hca, result);

  it('when a person is summarised, then their details, sorted distinct roles and day are kept', () => {
    expect(summary).toMatchObject({
      staffId: 'hca-1',
      name: 'Sam Carer',
      staffGroup: 'Additional Clinical Services',
      orgUnit: 'practice-a',
      category: 'bank',
      roleIds: ['administrator', 'hca'],
      managerIds: ['m-2', 'm-1'],
      computedOn: '2026-11-21',
    });
    expect(summary.items).toHaveLength(result.items.length);
  });

  it('when an item is summarised, then validity, exemption and extension are carried over', () => {
    const bySubject = new Map(summary.items.map((i) => [i.subjectId, i]));
    expect(bySubject.get('edhr')).toEqual({ subjectId: 'edhr', level: 1, dueDate: '2028-01-10', validUntil: '2028-01-10', exempt: false, extended: false });
    expect(bySubject.get('fire-safety')).toEqual({ subjectId: 'fire-safety', level: 1, dueDate: '2026-01-01', validUntil: undefined, exempt: false, extended: false });
    expect(bySubject.get('oliver-mcgowan')).toEqual({ subjectId: 'oliver-mcgowan', level: 2, dueDate: null, validUntil: null, exempt: false, extended: false });
    expect(bySubject.get('prevent')).toMatchObject({ exempt: true, extended: false, dueDate: null });
    expect(bySubject.get('health-safety')).toMatchObject({ exempt: false, extended: true, dueDate: '2027-01-31', validUntil: undefined });
  });

  it('when the status is read back on the day it was computed, then it matches every item', () => {
    for (const [index, item] of summary.items.entries()) {
      const original = result.items[index]!;
      expect(summaryStatusOn(item, today, 30)).toEqual({ status: original.status, compliant: original.compliant });
    }
  });

  interface StatusScenario {
    name: string;
    item: SummaryItem;
    on: string;
    expected: { status: ComplianceStatus; compliant: boolean };
  }
  const inDate: SummaryItem = { subjectId: 'ig', level: 1, dueDate: d('2027-03-01'), validUntil: d('2027-03-01'), exempt: false, extended: false };
  const statusScenarios: StatusScenario[] = [
    { name: 'when read long before the due date, then it is in date', item: inDate, on: '2026-11-21', expected: { status: 'in-date', compliant: true } },
    { name: 'when read within 30 days of the due date, then it has become due soon', item: inDate, on: '2027-02-01', expected: { status: 'due-soon', compliant: true } },
    { name: 'when read after the learning expired, then it has become overdue and not compliant', item: inDate, on: '2027-03-02', expected: { status: 'overdue', compliant: false } },
    {
      name: 'when read for an item with nothing valid held, then it is not completed',
      item: { ...inDate, validUntil: undefined },
      on: '2026-11-21',
      expected: { status: 'not-completed', compliant: false },
    },
    {
      name: 'when read for never-expiring learning, then it is in date for ever',
      item: { ...inDate, dueDate: null, validUntil: null },
      on: '2099-01-01',
      expected: { status: 'in-date', compliant: true },
    },
    { name: 'when read for an exempt item, then it is exempt', item: { ...inDate, dueDate: null, exempt: true }, on: '2030-01-01', expected: { status: 'exempt', compliant: true } },
    {
      name: 'when read for an extended item before the agreed date, then it is extended',
      item: { ...inDate, validUntil: undefined, extended: true },
      on: '2027-02-20',
      expected: { status: 'extended', compliant: false },
    },
    {
      name: 'when read for an extended item after the agreed date, then it is overdue',
      item: { ...inDate, validUntil: undefined, extended: true },
      on: '2027-03-02',
      expected: { status: 'overdue', compliant: false },
    },
  ];
  it.each(statusScenarios)('$name', ({ item, on, expected }) => {
    expect(summaryStatusOn(item, d(on), 30)).toEqual(expected);
  });

  interface CodecScenario {
    name: string;
    items: SummaryItem[];
    encoded: string;
  }
  const codecScenarios: CodecScenario[] = [
    { name: 'when there are no items, then the encoding is empty', items: [], encoded: '' },
    {
      name: 'when an item is held until a date, then both dates are written',
      items: [{ subjectId: 'fire-safety', level: 1, dueDate: d('2027-03-01'), validUntil: d('2027-03-01'), exempt: false, extended: false }],
      encoded: 'fire-safety,1,2027-03-01,2027-03-01,',
    },
    {
      name: 'when nothing valid is held and the item is extended, then validity is "-" and the flag is "e"',
      items: [{ subjectId: 'ig', level: 1, dueDate: d('2027-01-31'), validUntil: undefined, exempt: false, extended: true }],
      encoded: 'ig,1,2027-01-31,-,e',
    },
    {
      name: 'when items never expire or are exempt, then empty fields and the "x" flag are written',
      items: [
        { subjectId: 'oliver-mcgowan', level: 2, dueDate: null, validUntil: null, exempt: false, extended: false },
        { subjectId: 'prevent', level: 3, dueDate: null, validUntil: undefined, exempt: true, extended: false },
      ],
      encoded: 'oliver-mcgowan,2,,,;prevent,3,,-,x',
    },
  ];
  it.each(codecScenarios)('$name', ({ items, encoded }) => {
    expect(encodeSummaryItems(items)).toBe(encoded);
    expect(decodeSummaryItems(encoded)).toEqual(items);
  });

  it('when a real summary is encoded and decoded, then the items are the same', () => {
    expect(decodeSummaryItems(encodeSummaryItems(summary.items))).toEqual(summary.items);
  });
});

describe('organisation report', () => {
  const asOf = d('2026-11-21');

  function summaryFor(staffId: string, staffGroup: string, items: SummaryItem[]): PersonSummary {
    return {
      staffId,
      name: staffId,
      staffGroup,
      orgUnit: 'practice-a',
      category: 'employee',
      roleIds: [],
      managerIds: [],
      absences: [],
      computedOn: d('2026-11-01'),
      items,
    };
  }
  const held = (subjectId: string, until: string): SummaryItem => ({
    subjectId,
    level: 1,
    dueDate: d(until),
    validUntil: d(until),
    exempt: false,
    extended: false,
  });
  const missing = (subjectId: string, due: string): SummaryItem => ({
    subjectId,
    level: 1,
    dueDate: d(due),
    validUntil: undefined,
    exempt: false,
    extended: false,
  });
  const exempt = (subjectId: string): SummaryItem => ({ subjectId, level: 1, dueDate: null, validUntil: undefined, exempt: true, extended: false });

  // Fire safety, clerical: 4 of 5 held (80 %, not flagged). IG, clerical: 3 of 4 (75 %, flagged), one exempt left out.
  // Fire safety, nursing: 1 of 2 (50 %, flagged); one of the held ones has expired since the summary was computed.
  const summaries: PersonSummary[] = [
    summaryFor('a', 'Clerical', [held('fire-safety', '2027-05-01'), held('ig', '2027-01-01')]),
    summaryFor('b', 'Clerical', [held('fire-safety', '2027-05-01'), held('ig', '2027-01-01')]),
    summaryFor('c', 'Clerical', [held('fire-safety', '2027-05-01'), held('ig', '2027-01-01')]),
    summaryFor('d', 'Clerical', [held('fire-safety', '2027-05-01'), missing('ig', '2026-10-01')]),
    summaryFor('e', 'Clerical', [missing('fire-safety', '2027-02-01'), exempt('ig')]),
    summaryFor('f', 'Nursing', [held('fire-safety', '2027-05-01')]),
    summaryFor('g', 'Nursing', [held('fire-safety', '2026-11-15')]),
  ];
  const report = organisationReport(summaries, asOf, { threshold: 80, dueSoonDays: 30 });
  const cell = (subjectId: string, staffGroup: string) => report.cells.find((c) => c.subjectId === subjectId && c.staffGroup === staffGroup);

  interface CellScenario {
    name: string;
    subjectId: string;
    staffGroup: string;
    expected: { required: number; compliant: number; overdue: number; percent: number; belowThreshold: boolean };
  }
  const cellScenarios: CellScenario[] = [
    {
      name: 'when a cell is exactly at 80%, then it is not flagged',
      subjectId: 'fire-safety',
      staffGroup: 'Clerical',
      expected: { required: 5, compliant: 4, overdue: 0, percent: 80, belowThreshold: false },
    },
    {
      name: 'when a cell is below 80%, then it is flagged and an exempt person is left out of it',
      subjectId: 'ig',
      staffGroup: 'Clerical',
      expected: { required: 4, compliant: 3, overdue: 1, percent: 75, belowThreshold: true },
    },
    {
      name: 'when learning expired after the summary was computed, then the report counts it as overdue on its own date',
      subjectId: 'fire-safety',
      staffGroup: 'Nursing',
      expected: { required: 2, compliant: 1, overdue: 1, percent: 50, belowThreshold: true },
    },
  ];
  it.each(cellScenarios)('$name', ({ subjectId, staffGroup, expected }) => {
    expect(cell(subjectId, staffGroup)).toMatchObject({ subjectId, staffGroup, ...expected });
  });

  it('when the report is built, then it counts people, sorts cells and totals the non-exempt requirements', () => {
    expect(report.people).toBe(7);
    expect(report.threshold).toBe(80);
    expect(report.asOf).toBe('2026-11-21');
    expect(report.cells.map((c) => `${c.subjectId}/${c.staffGroup}`)).toEqual(['fire-safety/Clerical', 'fire-safety/Nursing', 'ig/Clerical']);
    expect(report.overall).toEqual({ required: 11, compliant: 8, percent: 72.7 });
  });

  it('when a subject is exempt for everyone in a group, then the group has no cell for it', () => {
    const only = organisationReport([summaryFor('x', 'Board', [exempt('ig')])], asOf, { threshold: 80, dueSoonDays: 30 });
    expect(only.cells).toEqual([]);
    expect(only.overall).toEqual({ required: 0, compliant: 0, percent: 100 });
  });

  it('when the threshold is configured differently, then cells are flagged against it', () => {
    const strict = organisationReport(summaries, asOf, { threshold: 95, dueSoonDays: 30 });
    expect(strict.cells.every((c) => c.belowThreshold)).toBe(true);
    const lenient = organisationReport(summaries, asOf, { threshold: 50, dueSoonDays: 30 });
    expect(lenient.cells.filter((c) => c.belowThreshold)).toEqual([]);
  });

  it('when summaries come from computeCompliance, then the report agrees with the people’s own summaries', () => {
    const people = [
      makePerson({ id: 'p1', staffGroup: 'Clerical', roles: roles(['volunteer', '2015-01-01']) }),
      makePerson({ id: 'p2', staffGroup: 'Clerical', roles: roles(['volunteer', '2015-01-01']) }),
    ];
    const recordsOf: Record<string, LearningRecord[]> = {
      p1: [makeRecord('ig', 1, '2026-01-01'), makeRecord('fire-safety', 1, '2026-01-01')],
      p2: [makeRecord('ig', 1, '2024-01-01')],
    };
    const exemptionsOf: Record<string, ExemptionRequest[]> = { p1: [], p2: [makeExemption('exm', 'edhr')] };
    const results = people.map((p) =>
      computeCompliance({ person: p, catalogue: defaultIndex, records: recordsOf[p.id] ?? [], extensions: [], exemptions: exemptionsOf[p.id] ?? [], today: asOf }),
    );
    const fromPeople = organisationReport(
      people.map((p, i) => summaryOf(p, results[i]!)),
      asOf,
      { threshold: 80, dueSoonDays: 30 },
    );
    const required = results.reduce((n, r) => n + r.summary.required, 0);
    const compliant = results.reduce((n, r) => n + r.summary.compliant, 0);
    expect(fromPeople.overall.required).toBe(required);
    expect(fromPeople.overall.compliant).toBe(compliant);
    expect(cellOf(fromPeople, 'edhr')).toMatchObject({ required: 1, compliant: 0, belowThreshold: true });
    expect(cellOf(fromPeople, 'ig')).toMatchObject({ required: 2, compliant: 1, overdue: 1, percent: 50, belowThreshold: true });
    expect(cellOf(fromPeople, 'fire-safety')).toMatchObject({ required: 2, compliant: 1 });

    function cellOf(r: typeof fromPeople, subjectId: string) {
      return r.cells.find((c) => c.subjectId === subjectId && c.staffGroup === 'Clerical');
    }
  });
});
