import { odata, type TableClient } from '@azure/data-tables';
import type { IssuedPassport, PassportStore } from '../passport/ports.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';
import type { AuditEvent } from '../audit/audit-chain.js';
import { submitChained, type AuditOutbox } from './audit-outbox.js';

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

  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('passports');
  }

  /** The holder's index row first (a row pointing at nothing is skipped), then the passport with its chain events. */
  async save(passport: IssuedPassport, chain: readonly AuditEvent[] = []): Promise<void> {
    await this.table.upsertEntity({ partitionKey: holderPk(passport.staffId), rowKey: passport.id, issuedAt: passport.issuedAt }, 'Replace');
    await submitChained(this.outbox, this.table, { table: 'passports', partitionKey: pk(passport.id) }, [['upsert', { partitionKey: pk(passport.id), rowKey: ROW, data: JSON.stringify(passport) }, 'Replace']], chain);
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

  async markRevoked(id: string, revocation: NonNullable<IssuedPassport['revoked']>, chain: readonly AuditEvent[] = []): Promise<IssuedPassport | undefined> {
    for (let attempt = 0; attempt < 8; attempt++) {
      const row = await getEntityOrUndefined<Entity>(this.table, pk(id), ROW);
      if (!row) return undefined;
      const passport = JSON.parse(row.data) as IssuedPassport;
      if (passport.revoked) return passport;
      const revoked = { ...passport, revoked: revocation };
      try {
        await submitChained(this.outbox, this.table, { table: 'passports', partitionKey: pk(id) }, [['update', { partitionKey: pk(id), rowKey: ROW, data: JSON.stringify(revoked) }, 'Replace', { etag: row.etag }]], chain);
        return revoked;
      } catch (error) {
        if (statusOf(error) !== 412) throw error;
      }
    }
    throw new Error('the passport kept changing while it was being revoked');
  }
}
