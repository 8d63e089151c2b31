import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../../core/demo/seed-store.js';
import { DEFAULT_COMPLIANCE_RULES } from '../../../core/learning/compliance.js';
import { organisationReport } from '../../../core/learning/organisation-report.js';
import { whatsDue } from '../../../core/learning/whats-due.js';
import { CatalogueRepository } from '../../../core/storage/catalogue-repository.js';
import { DirectoryRepository } from '../../../core/storage/directory-repository.js';
import { StaffRepository } from '../../../core/storage/staff-repository.js';
import { SummaryRepository } from '../../../core/storage/summary-repository.js';
import { TeamRepository } from '../../../core/storage/team-repository.js';
import { fixedClock } from '../../../core/time/clock.js';
import { localDate } from '../../../core/time/local-date.js';
import { createTestStore } from '../../support/test-store.js';

const today = localDate('2026-11-21');

describe('the demo organisation, seeded into Azurite', () => {
  const organisation = generateOrganisation({ staff: 200, today });
  let repos: {
    staff: StaffRepository;
    directory: DirectoryRepository;
    teams: TeamRepository;
    summaries: SummaryRepository;
    catalogue: CatalogueRepository;
  };
  const due = (staffId: string) =>
    whatsDue({ staff: repos.staff, catalogue: repos.catalogue, clock: fixedClock(`${today}T09:00:00Z`), rules: DEFAULT_COMPLIANCE_RULES }, staffId);

  beforeAll(async () => {
    const store = await createTestStore();
    repos = {
      staff: new StaffRepository(store),
      directory: new DirectoryRepository(store),
      teams: new TeamRepository(store),
      summaries: new SummaryRepository(store),
      catalogue: new CatalogueRepository(store),
    };
    await seedOrganisation(repos, organisation, { today, rules: DEFAULT_COMPLIANCE_RULES });
  });

  it('when generated twice with the same seed, then it is the same organisation', () => {
    expect(generateOrganisation({ staff: 200, today })).toEqual(organisation);
  });

  it('when seeded, then it holds 200 people over practices and wards with about a dozen requirements each', async () => {
    expect(organisation.people).toHaveLength(200);
    const units = new Set(organisation.people.map((p) => p.person.orgUnit));
    expect([...units].filter((u) => u.startsWith('Severn Vale PCN /'))).toHaveLength(5);
    const summaries = await repos.summaries.listAll();
    expect(summaries).toHaveLength(200);
    const average = summaries.reduce((sum, s) => sum + s.items.length, 0) / summaries.length;
    expect(average).toBeGreaterThan(10);
  });

  it('when Alex Wilber (the Playground user) is looked up, then fire safety is overdue and information governance due soon', async () => {
    const staffId = await repos.directory.staffIdForAadObjectId('00000000-0000-0000-0000-0000000000020');
    const result = await due(staffId!);
    if (result.kind !== 'ok') throw new Error('Alex not found');
    const status = Object.fromEntries(result.compliance.items.map((i) => [i.subjectId, i.status]));
    expect(status['fire-safety']).toBe('overdue');
    expect(status['ig']).toBe('due-soon');
    expect(status['oliver-mcgowan']).toBe('overdue');
  });

  it("when Megan Bowen's team is listed, then it holds the named people and the rest of Oakfield Surgery", async () => {
    const team = await repos.teams.listTeam('E9000021');
    expect(team.map((m) => m.name)).toEqual(expect.arrayContaining(['Alex Wilber', 'Isaiah Langer', 'Patti Fernandez', 'Lynne Robbins']));
    expect(team.every((m) => m.orgUnit === 'Severn Vale PCN / Oakfield Surgery')).toBe(true);
  });

  it('when the new starter, the returner and the person with two roles look, then each sees their situation', async () => {
    const patti = await due('E9000024');
    if (patti.kind !== 'ok') throw new Error('Patti not found');
    expect(patti.compliance.items.every((i) => i.status === 'not-completed')).toBe(true);
    expect(new Set(patti.compliance.items.map((i) => i.dueDate))).toEqual(new Set(['2027-01-23']));

    const lynne = await due('E9000025');
    if (lynne.kind !== 'ok') throw new Error('Lynne not found');
    const fire = lynne.compliance.items.find((i) => i.subjectId === 'fire-safety')!;
    expect(fire.absence).toEqual({ kind: 'maternity', returnDate: '2026-11-11' });
    expect(fire.dueDate).toBe('2026-12-09');
    expect(fire.status).toBe('due-soon');

    const isaiah = await due('E9000023');
    if (isaiah.kind !== 'ok') throw new Error('Isaiah not found');
    const subjects = isaiah.compliance.items.map((i) => i.subjectId);
    expect(new Set(subjects).size).toBe(subjects.length);
    const resus = isaiah.compliance.items.find((i) => i.subjectId === 'resuscitation')!;
    expect(resus.level).toBe(3);
    expect(resus.roleIds.sort()).toEqual(['paramedic', 'staff-nurse']);
  });

  it('when the organisation report is made from summary rows, then the figures add up', async () => {
    const report = organisationReport(await repos.summaries.listAll(), today, { threshold: 80, dueSoonDays: 30 });
    expect(report.people).toBe(200);
    const sum = report.cells.reduce((acc, c) => acc + c.required, 0);
    expect(sum).toBe(report.overall.required);
    expect(report.overall.percent).toBeGreaterThan(50);
    expect(report.overall.percent).toBeLessThan(100);
  });
});
