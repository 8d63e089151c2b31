import { CatalogueIndex } from '../learning/catalogue-index.js';
import { computeCompliance, type ComplianceRules } from '../learning/compliance.js';
import { summaryOf } from '../learning/person-summary.js';
import type { CatalogueRepository } from '../storage/catalogue-repository.js';
import type { DirectoryRepository } from '../storage/directory-repository.js';
import type { StaffRepository } from '../storage/staff-repository.js';
import type { SummaryRepository } from '../storage/summary-repository.js';
import { runConcurrently } from '../storage/table-store.js';
import type { TableStore } from '../storage/table-store.js';
import type { TeamRepository } from '../storage/team-repository.js';
import { seedDemoWorkspace } from './demo-workspace.js';
import type { LocalDate } from '../time/local-date.js';
import type { GeneratedOrganisation } from './generate-organisation.js';

export interface SeedTargets {
  staff: Pick<StaffRepository, 'saveBundle'>;
  directory: Pick<DirectoryRepository, 'indexMany'>;
  teams: Pick<TeamRepository, 'indexMany'>;
  summaries: Pick<SummaryRepository, 'saveMany'>;
  catalogue: Pick<CatalogueRepository, 'replace'>;
  /** When given, the demo Learning Organisation application of Severn Vale PCN is written too. */
  store?: TableStore;
}

export interface SeedReport {
  people: number;
  records: number;
  entities: number;
  milliseconds: number;
}

/**
 * Writes a generated organisation: the catalogue, each person with their records in one partition
 * transaction, the identity and team indexes and the summary rows, all in batched transactions.
 */
export async function seedOrganisation(
  targets: SeedTargets,
  organisation: GeneratedOrganisation,
  options: { today: LocalDate; rules: ComplianceRules; concurrency?: number; onProgress?: (done: number) => void },
): Promise<SeedReport> {
  const started = performance.now();
  const concurrency = options.concurrency ?? 16;
  await targets.catalogue.replace(organisation.catalogue);
  let done = 0;
  await runConcurrently(organisation.people, concurrency, async ({ person, records }) => {
    await targets.staff.saveBundle(person, records);
    done++;
    if (done % 1000 === 0) options.onProgress?.(done);
  });
  const people = organisation.people.map((p) => p.person);
  await targets.directory.indexMany(people, concurrency);
  await targets.teams.indexMany(people, concurrency);
  const index = new CatalogueIndex(organisation.catalogue);
  const summaries = organisation.people.map(({ person, records }) =>
    summaryOf(person, computeCompliance({ person, catalogue: index, records, extensions: [], exemptions: [], today: options.today, rules: options.rules })),
  );
  await targets.summaries.saveMany(summaries, concurrency);
  if (targets.store) await seedDemoWorkspace(targets.store, organisation, options.today);
  const records = organisation.people.reduce((sum, p) => sum + p.records.length, 0);
  const managed = people.reduce((sum, p) => sum + p.managerIds.length, 0);
  const identities = people.reduce((sum, p) => sum + (p.aadObjectId ? 1 : 0) + (p.email ? 1 : 0), 0);
  return {
    people: people.length,
    records,
    entities: people.length * 2 + records + managed + identities,
    milliseconds: Math.round(performance.now() - started),
  };
}
