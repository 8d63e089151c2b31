import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { AuditEntry } from '../learning/audit.js';
import type { BundleChange, StaffBundle, StaffStore } from '../learning/ports.js';
import type { LearningRecord, SupportRequest } from '../learning/types.js';
import type { Person } from '../people/types.js';
import type { LocalDate } from '../time/local-date.js';
import { invertedTime } from './inverted-time.js';
import { joinChunks, splitIntoChunks } from './property-chunks.js';
import { essentialRecords } from '../learning/essential-records.js';
import { chunk, getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';
import { submitChained, type AuditOutbox } from './audit-outbox.js';

export type { StaffBundle };

/**
 * The staff table. PartitionKey = staff id.
 * - RowKey `person`: the person aggregate — the profile as JSON in `profile`, and the current
 *   records, requests, support requests and DNA records as JSON split across `state0…stateN` (a
 *   property holds 32 K characters; text is split, never truncated). Few, large properties keep
 *   the point read cheap to serialise. One point read gives everything "what's due"
 *   needs; every change writes it with the ETag it read, so concurrent changes never lose one another.
 * - RowKey `record|<id>`: each record as it arrived (the history of arrival; nothing reads it back
 *   except an investigation); a person an ESR import created has instead one `import|<importId>`
 *   row holding the records the import brought (see EsrImportRepository.createPerson).
 * - RowKey `audit|<inverted time>|<id>`: who did what and why, newest first, append-only.
 * The aggregate and the rows a change adds are written in one transaction.
 */
const PERSON = 'person';
const RECORD = 'record|';
const AUDIT = 'audit|';
const MAX_ATTEMPTS = 8;
/** Above this much JSON, superseded records are left out of the aggregate (they stay as history rows). */
const PRUNE_ABOVE_CHARS = 400_000;

type Entity = Record<string, unknown> & { partitionKey: string; rowKey: string; etag?: string };

interface BundleState {
  records: LearningRecord[];
  extensions: StaffBundle['extensions'];
  exemptions: StaffBundle['exemptions'];
  supportRequests: SupportRequest[];
  dnaRecords: StaffBundle['dnaRecords'];
}

function toPerson(staffId: string, entity: Entity): Person {
  return { ...(JSON.parse((entity.profile as string | undefined) ?? '{}') as Omit<Person, 'id'>), id: staffId };
}

export function personEntity(bundle: StaffBundle): Entity {
  const state: BundleState = {
    records: bundle.records,
    extensions: bundle.extensions,
    exemptions: bundle.exemptions,
    supportRequests: bundle.supportRequests,
    dnaRecords: bundle.dnaRecords,
  };
  let json = JSON.stringify(state);
  if (json.length > PRUNE_ABOVE_CHARS) json = JSON.stringify({ ...state, records: essentialRecords(state.records) });
  const { id: _id, ...profile } = bundle.person;
  return { partitionKey: bundle.person.id, rowKey: PERSON, profile: JSON.stringify(profile), ...splitIntoChunks('state', json) };
}

function toBundle(entity: Entity): StaffBundle {
  const state = JSON.parse(joinChunks('state', entity) || '{}') as Partial<BundleState>;
  return {
    person: toPerson(entity.partitionKey, entity),
    records: state.records ?? [],
    extensions: state.extensions ?? [],
    exemptions: state.exemptions ?? [],
    supportRequests: state.supportRequests ?? [],
    dnaRecords: state.dnaRecords ?? [],
  };
}

function recordRow(staffId: string, record: LearningRecord): Entity {
  return { partitionKey: staffId, rowKey: RECORD + record.id, data: JSON.stringify(record) };
}

function auditRow(staffId: string, entry: AuditEntry): Entity {
  return { partitionKey: staffId, rowKey: `${AUDIT}${invertedTime(entry.at)}|${entry.id}`, data: JSON.stringify(entry) };
}

export function emptyBundle(person: Person): StaffBundle {
  return { person, records: [], extensions: [], exemptions: [], supportRequests: [], dnaRecords: [] };
}

function upsertRecord(records: readonly LearningRecord[], record: LearningRecord): LearningRecord[] {
  return [...records.filter((r) => r.id !== record.id), record];
}

export class StaffRepository implements StaffStore {
  private readonly table: TableClient;

  /** `outbox` is needed only by changes that carry audit-chain events (every process's composition root gives it). */
  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('staff');
  }

  private async read(staffId: string): Promise<{ bundle: StaffBundle; etag: string } | undefined> {
    const entity = await getEntityOrUndefined<Entity>(this.table, staffId, PERSON);
    return entity ? { bundle: toBundle(entity as Entity), etag: entity.etag } : undefined;
  }

  async getBundle(staffId: string): Promise<StaffBundle | undefined> {
    return (await this.read(staffId))?.bundle;
  }

  async getPerson(staffId: string): Promise<Person | undefined> {
    try {
      const entity = await this.table.getEntity<Entity>(staffId, PERSON, { queryOptions: { select: ['profile'] } });
      return toPerson(staffId, entity as Entity);
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async change<T>(staffId: string, decide: (bundle: StaffBundle) => BundleChange<T>): Promise<T | undefined> {
    for (let attempt = 1; ; attempt++) {
      const current = await this.read(staffId);
      if (!current) return undefined;
      const outcome = decide(current.bundle);
      if (outcome.kind === 'keep') return outcome.result;
      const actions: TransactionAction[] = [
        ['update', personEntity(outcome.bundle), 'Replace', { etag: current.etag }],
        ...(outcome.records ?? []).map((r): TransactionAction => ['upsert', recordRow(staffId, r), 'Replace']),
        ...(outcome.audit ?? []).map((a): TransactionAction => ['create', auditRow(staffId, a)]),
      ];
      try {
        await submitChained(this.outbox, this.table, { table: 'staff', partitionKey: staffId }, actions, outcome.chain);
        return outcome.result;
      } catch (error) {
        // 412: someone else wrote this person since we read; read again and decide again.
        if (statusOf(error) !== 412 || attempt >= MAX_ATTEMPTS) throw error;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5 * attempt));
      }
    }
  }

  /** Creates the person, or replaces their profile keeping everything else. */
  async savePerson(person: Person): Promise<void> {
    const changed = await this.change(person.id, (bundle) => ({ kind: 'write', bundle: { ...bundle, person }, result: true }));
    if (changed === undefined) {
      try {
        await this.table.createEntity(personEntity(emptyBundle(person)));
      } catch (error) {
        if (statusOf(error) !== 409) throw error;
        await this.savePerson(person); // created meanwhile by someone else: replace the profile on theirs
      }
    }
  }

  /** Idempotent: a record with the same id replaces itself. */
  async saveRecord(staffId: string, record: LearningRecord): Promise<void> {
    await this.change(staffId, (bundle) => ({ kind: 'write', bundle: { ...bundle, records: upsertRecord(bundle.records, record) }, records: [record], result: true }));
  }

  async saveSupportRequest(staffId: string, request: SupportRequest): Promise<void> {
    await this.change(staffId, (bundle) => ({
      kind: 'write',
      bundle: { ...bundle, supportRequests: [...bundle.supportRequests.filter((s) => s.id !== request.id), request] },
      result: true,
    }));
  }

  /**
   * Writes a whole person at once (seeding, first import): the aggregate and the record rows, in
   * transactions of up to 100 rows, the aggregate in the first.
   */
  async saveBundle(person: Person, records: readonly LearningRecord[]): Promise<void> {
    const rows: Entity[] = [personEntity({ ...emptyBundle(person), records: [...records] }), ...records.map((r) => recordRow(person.id, r))];
    for (const batch of chunk(rows, 100)) {
      await this.table.submitTransaction(batch.map((row): TransactionAction => ['upsert', row, 'Replace']));
    }
  }

  /** A person's audit trail, newest first. */
  async auditTrail(staffId: string, limit = 200): Promise<AuditEntry[]> {
    const entries: AuditEntry[] = [];
    const rows = this.table.listEntities<{ data: string }>({ queryOptions: { filter: odata`PartitionKey eq ${staffId} and RowKey ge ${AUDIT} and RowKey lt ${'audit}'}` } });
    for await (const row of rows) {
      entries.push(JSON.parse(row.data) as AuditEntry);
      if (entries.length >= limit) break;
    }
    return entries;
  }
}
