import { beforeAll, describe, expect, it } from 'vitest';
import type { LearningRecord } from '../../../core/learning/types.js';
import type { Person } from '../../../core/people/types.js';
import { DirectoryRepository } from '../../../core/storage/directory-repository.js';
import { StaffRepository } from '../../../core/storage/staff-repository.js';
import { TeamRepository } from '../../../core/storage/team-repository.js';
import type { TableStore } from '../../../core/storage/table-store.js';
import { localDate } from '../../../core/time/local-date.js';
import { createTestStore } from '../../support/test-store.js';

function person(id: string, overrides: Partial<Person> = {}): Person {
  return {
    id,
    name: `Person ${id}`,
    email: `${id.toLowerCase()}@nhs.example`,
    aadObjectId: `00000000-0000-4000-8000-${id.padStart(12, '0').slice(-12)}`,
    staffGroup: 'Nursing and Midwifery Registered',
    category: 'bank',
    orgUnit: 'Severn Vale PCN / Oakfield Surgery',
    startDate: localDate('2020-01-06'),
    roles: [
      { roleId: 'practice-nurse', start: localDate('2020-01-06') },
      { roleId: 'hca', start: localDate('2024-04-01'), end: localDate('2025-03-31'), assignment: '123-2' },
    ],
    managerIds: ['M1'],
    absences: [{ kind: 'maternity', from: localDate('2025-06-01'), to: localDate('2026-03-01') }],
    ...overrides,
  };
}

function record(id: string, subjectId: string, completedOn: string, extra: Partial<LearningRecord> = {}): LearningRecord {
  return {
    id,
    subjectId,
    level: 1,
    completedOn: localDate(completedOn),
    method: 'e-learning',
    source: { kind: 'esr' },
    verification: { state: 'verified' },
    recordedAt: '2026-01-01T10:00:00.000Z',
    ...extra,
  };
}

describe('StaffRepository (Azurite)', () => {
  let store: TableStore;
  let staff: StaffRepository;

  beforeAll(async () => {
    store = await createTestStore();
    staff = new StaffRepository(store);
  });

  it('when a person is saved with records, then one partition read returns all of it unchanged', async () => {
    const p = person('1001');
    const records = [
      record('r1', 'fire-safety', '2025-05-01'),
      record('r2', 'ig', '2025-11-01', { expiresOn: null }),
      record('r3', 'safeguarding-adults', '2024-02-29', {
        level: 3,
        method: 'transferred',
        source: { kind: 'transferred', employer: 'North Bristol NHS Trust', reference: 'CERT-1' },
        verification: { state: 'pending' },
        expiresOn: localDate('2027-02-28'),
      }),
    ];
    await staff.saveBundle(p, records);

    const bundle = await staff.getBundle('1001');

    expect(bundle?.person).toEqual(p);
    expect(bundle?.records.sort((a, b) => a.id.localeCompare(b.id))).toEqual(records);
    expect(bundle?.extensions).toEqual([]);
  });

  it('when a person has more than 100 records, then the bundle is written in several transactions and nothing is lost', async () => {
    const records = Array.from({ length: 250 }, (_, i) => record(`bulk-${String(i).padStart(3, '0')}`, 'fire-safety', '2025-01-01'));
    await staff.saveBundle(person('1002'), records);
    const bundle = await staff.getBundle('1002');
    expect(bundle?.records).toHaveLength(250);
  });

  it('when the same record is saved twice, then it is stored once', async () => {
    await staff.saveBundle(person('1003'), []);
    const r = record('same', 'ig', '2026-01-01');
    await staff.saveRecord('1003', r);
    await staff.saveRecord('1003', r);
    expect((await staff.getBundle('1003'))?.records).toHaveLength(1);
  });

  it('when the person does not exist, then no bundle is returned', async () => {
    expect(await staff.getBundle('nobody')).toBeUndefined();
    expect(await staff.getPerson('nobody')).toBeUndefined();
  });

  it("when an id holds OData syntax, then it is only ever a value, never part of the filter", async () => {
    await staff.saveBundle(person('1004'), [record('x', 'ig', '2026-01-01')]);
    expect(await staff.getBundle("1004' or PartitionKey ne '")).toBeUndefined();
  });
});

describe('DirectoryRepository and TeamRepository (Azurite)', () => {
  let directory: DirectoryRepository;
  let teams: TeamRepository;

  beforeAll(async () => {
    const store = await createTestStore();
    directory = new DirectoryRepository(store);
    teams = new TeamRepository(store);
  });

  it('when people are indexed, then a Teams user is found by Entra object id or e-mail in any case', async () => {
    const people = Array.from({ length: 150 }, (_, i) => person(String(2000 + i)));
    await directory.indexMany(people);
    const p = people[42]!;
    expect(await directory.staffIdForAadObjectId(p.aadObjectId!.toUpperCase())).toBe(p.id);
    expect(await directory.staffIdForEmail(p.email!.toUpperCase())).toBe(p.id);
    expect(await directory.staffIdForAadObjectId('00000000-0000-0000-0000-000000000999')).toBeUndefined();
  });

  it('when a person changes address, then the old address no longer finds them', async () => {
    const before = person('3001');
    await directory.index(before);
    const after = { ...before, email: 'new.address@nhs.example' };
    await directory.index(after, before);
    expect(await directory.staffIdForEmail(before.email!)).toBeUndefined();
    expect(await directory.staffIdForEmail('new.address@nhs.example')).toBe('3001');
  });

  it("when a manager's team is listed, then it holds exactly the people they manage, and a change of manager moves a person", async () => {
    const team = Array.from({ length: 120 }, (_, i) => person(String(4000 + i), { managerIds: i % 2 === 0 ? ['MGR-A'] : ['MGR-A', 'MGR-B'] }));
    await teams.indexMany(team);
    expect(await teams.listTeam('MGR-A')).toHaveLength(120);
    expect(await teams.listTeam('MGR-B')).toHaveLength(60);
    expect(await teams.isInTeam('MGR-B', '4001')).toBe(true);
    expect(await teams.isInTeam('MGR-B', '4000')).toBe(false);

    const moved = { ...team[1]!, managerIds: ['MGR-C'] };
    await teams.index(moved, team[1]);
    expect(await teams.isInTeam('MGR-A', '4001')).toBe(false);
    expect(await teams.isInTeam('MGR-B', '4001')).toBe(false);
    expect(await teams.listTeam('MGR-C')).toEqual([{ staffId: '4001', name: 'Person 4001', orgUnit: moved.orgUnit }]);
  });
});
