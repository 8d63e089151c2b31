import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import type { PersonSummary } from '../../../core/learning/person-summary.js';
import { CatalogueRepository } from '../../../core/storage/catalogue-repository.js';
import { SummaryRepository } from '../../../core/storage/summary-repository.js';
import type { TableStore } from '../../../core/storage/table-store.js';
import { localDate } from '../../../core/time/local-date.js';
import { createTestStore } from '../../support/test-store.js';

describe('CatalogueRepository (Azurite)', () => {
  let store: TableStore;

  beforeAll(async () => {
    store = await createTestStore();
  });

  it('when the catalogue is replaced, then it reads back whole and a removed topic is gone', async () => {
    const repo = new CatalogueRepository(store);
    const catalogue = defaultCatalogue();
    await repo.replace(catalogue);
    const loaded = await repo.load();
    expect(loaded.topics).toHaveLength(catalogue.topics.length);
    expect(loaded.roles.find((r) => r.id === 'practice-nurse')).toEqual(catalogue.roles.find((r) => r.id === 'practice-nurse'));

    const smaller = { ...catalogue, topics: catalogue.topics.filter((t) => t.id !== 'ipc-2') };
    await repo.replace(smaller);
    expect((await repo.load()).topics.map((t) => t.id)).not.toContain('ipc-2');
  });

  it('when another instance changes the catalogue, then this instance sees it once its freshness window has passed', async () => {
    const mine = new CatalogueRepository(store, 200);
    const theirs = new CatalogueRepository(store, 200);
    await theirs.replace(defaultCatalogue());
    const before = await mine.current();
    expect(await mine.current()).toBe(before); // unchanged version: served from memory

    const changed = defaultCatalogue();
    changed.topics.find((t) => t.id === 'fire-safety-1')!.renewalMonths = 12;
    await theirs.replace(changed);
    expect(await mine.current()).toBe(before); // within the window: still the copy in memory
    await new Promise((r) => setTimeout(r, 250));

    const after = await mine.current();
    expect(after).not.toBe(before);
    expect(after.topic('fire-safety-1')?.renewalMonths).toBe(12);
  });
});

describe('SummaryRepository (Azurite)', () => {
  it('when summaries are saved in bulk, then listing returns every one from all shards', async () => {
    const repo = new SummaryRepository(await createTestStore());
    const summaries: PersonSummary[] = Array.from({ length: 500 }, (_, i) => ({
      staffId: `S${i}`,
      name: `Person ${i}`,
      staffGroup: i % 2 ? 'Nursing and Midwifery Registered' : 'Administrative and Clerical',
      orgUnit: 'Ward 7',
      category: 'employee',
      roleIds: ['hca'],
      managerIds: ['M1', 'M2'],
      aadObjectId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      absences: i % 10 === 0 ? [{ from: localDate('2026-01-01'), to: localDate('2026-02-01') }, { from: localDate('2026-11-01') }] : [],
      computedOn: localDate('2026-11-21'),
      items: [
        { subjectId: 'fire-safety', level: 1, dueDate: localDate('2027-01-01'), validUntil: localDate('2027-01-01'), exempt: false, extended: false },
        { subjectId: 'ig', level: 1, dueDate: null, validUntil: undefined, exempt: true, extended: false },
      ],
    }));
    await repo.saveMany(summaries);
    const listed = await repo.listAll();
    expect(listed).toHaveLength(500);
    expect(listed.find((s) => s.staffId === 'S7')).toEqual(summaries[7]);
  });
});
