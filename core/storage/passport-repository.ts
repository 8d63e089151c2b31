import { odata, type TableClient } from '@azure/data-tables';
import type { IssuedPassport, PassportStore } from '../passport/ports.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/**
 * Issued passports, in the `passports` table:
 * - PartitionKey `passport-<id>`, RowKey `passport`: the passport (its JWT, status entry, share
 *   token, revocation), so the link and a revocation are one point read;
 * - PartitionKey `holder-<staff id>`, RowKey = passport id: the holder's passports, one partition query.
 */
type Entity = { partitionKey: string; rowKey: string; data: string };
const ROW = 'passport';
const pk = (id: string) => `passport-${id}`;
const holderPk = (staffId: string) => `holder-${staffId}`;

export class PassportRepository implements PassportStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('passports');
  }

  async save(passport: IssuedPassport): Promise<void> {
    await this.table.upsertEntity({ partitionKey: pk(passport.id), rowKey: ROW, data: JSON.stringify(passport) }, 'Replace');
    await this.table.upsertEntity({ partitionKey: holderPk(passport.staffId), rowKey: passport.id, issuedAt: passport.issuedAt }, 'Replace');
  }

  async get(id: string): Promise<IssuedPassport | undefined> {
    if (!/^[0-9a-f-]{36}$/.test(id)) return undefined;
    const row = await getEntityOrUndefined<Entity>(this.table, pk(id), ROW);
    return row ? (JSON.parse(row.data) as IssuedPassport) : undefined;
  }

  async listFor(staffId: string): Promise<IssuedPassport[]> {
    const ids: string[] = [];
    const rows = this.table.listEntities<{ issuedAt: string }>({ queryOptions: { filter: odata`PartitionKey eq ${holderPk(staffId)}` } });
    for await (const row of rows) ids.push(row.rowKey!);
    const passports = await Promise.all(ids.map((id) => this.get(id)));
    return passports.filter((p): p is IssuedPassport => p !== undefined).sort((a, b) => b.issuedAt.localeCompare(a.issuedAt));
  }

  async markRevoked(id: string, revocation: NonNullable<IssuedPassport['revoked']>): Promise<IssuedPassport | undefined> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const row = await getEntityOrUndefined<Entity>(this.table, pk(id), ROW);
      if (!row) return undefined;
      const passport = JSON.parse(row.data) as IssuedPassport;
      if (passport.revoked) return passport;
      const revoked = { ...passport, revoked: revocation };
      try {
        await this.table.updateEntity({ partitionKey: pk(id), rowKey: ROW, data: JSON.stringify(revoked) }, 'Replace', { etag: row.etag });
        return revoked;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    throw new Error('the passport kept changing while it was being revoked');
  }
}
