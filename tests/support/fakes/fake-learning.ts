import type { AuditEvent } from '../../../core/audit/audit-chain.js';
import { generateOrganisation } from '../../../core/demo/generate-organisation.js';
import type { ApprovalDeps } from '../../../core/learning/approvals.js';
import type { AuditEntry } from '../../../core/learning/audit.js';
import { CatalogueIndex } from '../../../core/learning/catalogue-index.js';
import { DEFAULT_COMPLIANCE_RULES } from '../../../core/learning/compliance.js';
import type { PersonSummary } from '../../../core/learning/person-summary.js';
import type { BundleChange, StaffBundle, StaffStore } from '../../../core/learning/ports.js';
import type { TeamLookup, TeamMemberRef } from '../../../core/learning/team.js';
import type { LearningConcern, RequestKind, TopicFeedback } from '../../../core/learning/types.js';
import type { DirectoryLookup } from '../../../core/people/directory-lookup.js';
import type { Person } from '../../../core/people/types.js';
import { fixedClock, type Clock } from '../../../core/time/clock.js';
import type { LocalDate } from '../../../core/time/local-date.js';

/**
 * In-memory fakes of the learning ports, for use-case tests that need no Azurite: each keeps what it
 * is given in a Map and honours the port's contract (a change is all or nothing; a change's chain
 * events are recorded in the same step, as the audit outbox guarantees in storage).
 */
export class FakeStaffStore implements StaffStore {
  readonly bundles = new Map<string, StaffBundle>();
  /** Per-person audit rows, newest last. */
  readonly audit: AuditEntry[] = [];
  /** The organisation's audit chain: events recorded with the change that carried them. */
  readonly chain: AuditEvent[] = [];
  writes = 0;

  async getBundle(staffId: string) {
    const bundle = this.bundles.get(staffId);
    return bundle ? structuredClone(bundle) : undefined;
  }

  async getPerson(staffId: string) {
    return (await this.getBundle(staffId))?.person;
  }

  async change<T>(staffId: string, decide: (bundle: StaffBundle) => BundleChange<T>): Promise<T | undefined> {
    const current = await this.getBundle(staffId);
    if (!current) return undefined;
    const outcome = decide(current);
    if (outcome.kind === 'write') {
      this.bundles.set(staffId, structuredClone(outcome.bundle));
      this.audit.push(...(outcome.audit ?? []));
      this.chain.push(...(outcome.chain ?? []));
      this.writes++;
    }
    return outcome.result;
  }

  async savePerson(person: Person) {
    const bundle = this.bundles.get(person.id);
    this.bundles.set(person.id, bundle ? { ...bundle, person } : { person, records: [], extensions: [], exemptions: [], supportRequests: [], dnaRecords: [] });
  }

  async saveRecord(staffId: string, record: StaffBundle['records'][number]) {
    await this.change(staffId, (b) => ({ kind: 'write', bundle: { ...b, records: [...b.records.filter((r) => r.id !== record.id), record] }, result: true }));
  }

  async saveSupportRequest(staffId: string, request: StaffBundle['supportRequests'][number]) {
    await this.change(staffId, (b) => ({ kind: 'write', bundle: { ...b, supportRequests: [...b.supportRequests, request] }, result: true }));
  }
}

/** Each approver's inbox: who has what waiting. */
export class FakeInbox {
  readonly waiting = new Map<string, { kind: RequestKind; requestId: string; learnerId: string }[]>();

  async addToInbox(approverIds: readonly string[], item: { kind: RequestKind; requestId: string; learnerId: string; requestedAt: string }) {
    for (const id of approverIds) this.waiting.set(id, [...(this.waiting.get(id) ?? []), { kind: item.kind, requestId: item.requestId, learnerId: item.learnerId }]);
  }

  async markInboxDecided(approverIds: readonly string[], _kind: RequestKind, requestId: string) {
    for (const id of approverIds) this.waiting.set(id, (this.waiting.get(id) ?? []).filter((w) => w.requestId !== requestId));
  }
}

/** The team index, from the people's managers. */
export function fakeTeams(staff: FakeStaffStore): TeamLookup {
  const team = (managerId: string): TeamMemberRef[] =>
    [...staff.bundles.values()].filter((b) => b.person.managerIds.includes(managerId)).map((b) => ({ staffId: b.person.id, name: b.person.name, orgUnit: b.person.orgUnit }));
  return { listTeam: async (managerId) => team(managerId), isInTeam: async (managerId, staffId) => team(managerId).some((m) => m.staffId === staffId) };
}

/** The directory (object id / user name → staff id) and its index, over the people's own fields. */
export function fakeDirectory(staff: FakeStaffStore): DirectoryLookup & { index(person: Person): Promise<void>; indexed: string[] } {
  const byOid = new Map<string, string>();
  const byName = new Map<string, string>();
  const index = async (person: Person) => {
    if (person.aadObjectId) byOid.set(person.aadObjectId.toLowerCase(), person.id);
    if (person.email) byName.set(person.email.toLowerCase(), person.id);
    indexed.push(person.id);
  };
  const indexed: string[] = [];
  for (const { person } of staff.bundles.values()) void index(person);
  indexed.length = 0;
  return {
    staffIdForAadObjectId: async (oid) => byOid.get(oid.toLowerCase()),
    staffIdForEmail: async (email) => byName.get(email.toLowerCase()),
    index,
    indexed,
  };
}

export interface FakeLearning {
  deps: ApprovalDeps;
  staff: FakeStaffStore;
  inbox: FakeInbox;
  summaries: Map<string, PersonSummary>;
  evidence: { learnerId: string; recordId: string }[];
  clock: Clock;
  today: LocalDate;
}

/**
 * The learning use cases' dependencies over in-memory fakes, holding the demo organisation (the named
 * demo people: Alex, Megan, Adele… and a few others) as generated for `today`.
 */
export function fakeLearning(options: { today?: LocalDate; staff?: number; mlog?: string[] } = {}): FakeLearning {
  const today = options.today ?? ('2026-11-21' as LocalDate);
  const organisation = generateOrganisation({ staff: options.staff ?? 12, today });
  const staff = new FakeStaffStore();
  for (const { person, records } of organisation.people) staff.bundles.set(person.id, { person, records, extensions: [], exemptions: [], supportRequests: [], dnaRecords: [] });
  const catalogue = new CatalogueIndex(organisation.catalogue);
  const summaries = new Map<string, PersonSummary>();
  const feedback: TopicFeedback[] = [];
  const concerns: LearningConcern[] = [];
  const evidence: FakeLearning['evidence'] = [];
  const inbox = new FakeInbox();
  const clock = fixedClock(`${today}T12:00:00Z`);
  const mlog = options.mlog ?? [...staff.bundles.values()].filter((b) => b.person.permissions?.includes('mlog')).map((b) => b.person.id);
  const deps: ApprovalDeps = {
    staff,
    catalogue: { current: async () => catalogue },
    summaries: { save: async (s) => void summaries.set(s.staffId, s), get: async (id) => summaries.get(id), listAll: async () => [...summaries.values()] },
    feedback: { save: async (f) => void feedback.push(f), listForSubject: async (id) => feedback.filter((f) => f.subjectId === id) },
    concerns: { save: async (c) => void concerns.push(c), listForSubject: async (id) => concerns.filter((c) => c.subjectId === id) },
    evidence: { enqueue: async (item) => void evidence.push({ learnerId: item.learnerId, recordId: item.recordId }) },
    clock,
    rules: DEFAULT_COMPLIANCE_RULES,
    inbox,
    permissionHolders: async () => mlog,
    policy: { extensionMaxMonths: 3, reasonRequired: true },
  };
  return { deps, staff, inbox, summaries, evidence, clock, today };
}
