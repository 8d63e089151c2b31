import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PresenceRepository, EXPIRES_SECONDS } from '../../core/storage/workspace-presence.js';
import { TableStore } from '../../core/storage/table-store.js';
import { azuriteConnectionString, uniquePrefix } from '../support/test-store.js';

describe('presence rows (Azurite)', () => {
  let store: TableStore;
  let now = 1_000_000;
  let presence: PresenceRepository;

  beforeAll(async () => {
    store = new TableStore({ connection: { kind: 'connection-string', connectionString: azuriteConnectionString() }, tablePrefix: uniquePrefix() });
    await store.ensureTables();
    presence = new PresenceRepository(store, () => now);
  });
  afterAll(async () => {
    await store?.dropTables();
  });

  it('when a tab stops beating, then it drops out after the expiry and its row is swept', async () => {
    await presence.beat('lo-1', { staffId: 'E1', name: 'Ann' }, { clientId: 'a', sectionId: 'pcn', mode: 'editing' });
    await presence.beat('lo-1', { staffId: 'E2', name: 'Bob' }, { clientId: 'b', mode: 'viewing' });
    expect((await presence.list('lo-1')).map((p) => p.person.name)).toEqual(['Ann', 'Bob']);
    now += (EXPIRES_SECONDS - 5) * 1000;
    await presence.beat('lo-1', { staffId: 'E2', name: 'Bob' }, { clientId: 'b', mode: 'viewing' });
    now += 10_000;
    expect((await presence.list('lo-1')).map((p) => p.person.name)).toEqual(['Bob']);
    const rows = [];
    for await (const row of store.client('wspresence').listEntities({ queryOptions: { filter: "PartitionKey eq 'lo-1'" } })) rows.push(row);
    expect(rows).toHaveLength(1);
  });

  it('when a tab leaves, then it is gone at once; another application is unaffected', async () => {
    await presence.beat('lo-3', { staffId: 'E2', name: 'Bob' }, { clientId: 'b', mode: 'viewing' });
    await presence.beat('lo-2', { staffId: 'E1', name: 'Ann' }, { clientId: 'a', mode: 'viewing' });
    await presence.leave('lo-3', 'E2', 'b');
    expect(await presence.list('lo-3')).toEqual([]);
    expect(await presence.list('lo-2')).toHaveLength(1);
  });
});
