import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { ExemptionRequest, ExtensionRequest, LearningRecord, SupportRequest } from '../learning/types.js';
import type { Person } from '../people/types.js';
import type { LocalDate } from '../time/local-date.js';
import type { StaffBundle, StaffStore } from '../learning/ports.js';

export type { StaffBundle };
import { chunk, getEntityOrUndefined, type TableStore } from './table-store.js';


const PROFILE = 'profile';
const RECORD = 'record|';
const EXTENSION = 'extension|';
const EXEMPTION = 'exemption|';
const SUPPORT = 'support|';

type ProfileEntity = {
  partitionKey: string;
  rowKey: string;
  name: string;
  email?: string;
  aadObjectId?: string;
  staffGroup: string;
  category: string;
  orgUnit: string;
  startDate: string;
  roles: string;
  managerIds: string;
  absences: string;
  permissions?: string;
  approvalDelegateIds?: string;
};

type RecordEntity = {
  partitionKey: string;
  rowKey: string;
  subjectId: string;
  level: number;
  completedOn: string;
  method: string;
  source: string;
  verification: string;
  expiresOn?: string;
  recordedAt: string;
};

type JsonEntity = {
  partitionKey: string;
  rowKey: string;
  data: string;
};

export function profileEntity(person: Person): ProfileEntity {
  return {
    partitionKey: person.id,
    rowKey: PROFILE,
    name: person.name,
    ...(person.email ? { email: person.email } : {}),
    ...(person.aadObjectId ? { aadObjectId: person.aadObjectId } : {}),
    staffGroup: person.staffGroup,
    category: person.category,
    orgUnit: person.orgUnit,
    startDate: person.startDate,
    roles: JSON.stringify(person.roles),
    managerIds: JSON.stringify(person.managerIds),
    absences: JSON.stringify(person.absences),
    ...(person.permissions?.length ? { permissions: JSON.stringify(person.permissions) } : {}),
    ...(person.approvalDelegateIds?.length ? { approvalDelegateIds: JSON.stringify(person.approvalDelegateIds) } : {}),
  };
}

function toPerson(entity: ProfileEntity): Person {
  return {
    id: entity.partitionKey,
    name: entity.name,
    ...(entity.email ? { email: entity.email } : {}),
    ...(entity.aadObjectId ? { aadObjectId: entity.aadObjectId } : {}),
    staffGroup: entity.staffGroup,
    category: entity.category as Person['category'],
    orgUnit: entity.orgUnit,
    startDate: entity.startDate as LocalDate,
    roles: JSON.parse(entity.roles) as Person['roles'],
    managerIds: JSON.parse(entity.managerIds) as string[],
    absences: JSON.parse(entity.absences) as Person['absences'],
    ...(entity.permissions ? { permissions: JSON.parse(entity.permissions) as Person['permissions'] } : {}),
    ...(entity.approvalDelegateIds ? { approvalDelegateIds: JSON.parse(entity.approvalDelegateIds) as string[] } : {}),
  };
}

export function recordEntity(staffId: string, record: LearningRecord): RecordEntity {
  return {
    partitionKey: staffId,
    rowKey: RECORD + record.id,
    subjectId: record.subjectId,
    level: record.level,
    completedOn: record.completedOn,
    method: record.method,
    source: JSON.stringify(record.source),
    verification: JSON.stringify(record.verification),
    // Table Storage has no null: "never expires" is stored as the empty string.
    ...(record.expiresOn !== undefined ? { expiresOn: record.expiresOn ?? '' } : {}),
    recordedAt: record.recordedAt,
  };
}

function toRecord(entity: RecordEntity): LearningRecord {
  return {
    id: entity.rowKey.slice(RECORD.length),
    subjectId: entity.subjectId,
    level: entity.level,
    completedOn: entity.completedOn as LocalDate,
    method: entity.method as LearningRecord['method'],
    source: JSON.parse(entity.source) as LearningRecord['source'],
    verification: JSON.parse(entity.verification) as LearningRecord['verification'],
    ...(entity.expiresOn !== undefined ? { expiresOn: entity.expiresOn === '' ? null : (entity.expiresOn as LocalDate) } : {}),
    recordedAt: entity.recordedAt,
  };
}

/** The staff table: PartitionKey = staff id; RowKey = `profile`, `record|…`, `extension|…`, `exemption|…`. */
export class StaffRepository implements StaffStore {
  private readonly table: TableClient;

  constructor(store: TableStore) {
    this.table = store.client('staff');
  }

  async getBundle(staffId: string): Promise<StaffBundle | undefined> {
    let profile: ProfileEntity | undefined;
    const records: LearningRecord[] = [];
    const extensions: ExtensionRequest[] = [];
    const exemptions: ExemptionRequest[] = [];
    const supportRequests: SupportRequest[] = [];
    const entities = this.table.listEntities<Record<string, unknown>>({
      queryOptions: { filter: odata`PartitionKey eq ${staffId}` },
    });
    for await (const entity of entities) {
      const rowKey = entity.rowKey as string;
      if (rowKey === PROFILE) profile = entity as unknown as ProfileEntity;
      else if (rowKey.startsWith(RECORD)) records.push(toRecord(entity as unknown as RecordEntity));
      else if (rowKey.startsWith(EXTENSION)) extensions.push(JSON.parse((entity as unknown as JsonEntity).data) as ExtensionRequest);
      else if (rowKey.startsWith(EXEMPTION)) exemptions.push(JSON.parse((entity as unknown as JsonEntity).data) as ExemptionRequest);
      else if (rowKey.startsWith(SUPPORT)) supportRequests.push(JSON.parse((entity as unknown as JsonEntity).data) as SupportRequest);
    }
    if (!profile) return undefined;
    return { person: toPerson(profile), records, extensions, exemptions, supportRequests };
  }

  async getPerson(staffId: string): Promise<Person | undefined> {
    const entity = await getEntityOrUndefined<ProfileEntity>(this.table, staffId, PROFILE);
    return entity ? toPerson(entity) : undefined;
  }

  async savePerson(person: Person): Promise<void> {
    await this.table.upsertEntity(profileEntity(person), 'Replace');
  }

  /** Idempotent: a record with the same id replaces itself. */
  async saveRecord(staffId: string, record: LearningRecord): Promise<void> {
    await this.table.upsertEntity(recordEntity(staffId, record), 'Replace');
  }

  async saveSupportRequest(staffId: string, request: SupportRequest): Promise<void> {
    const entity: JsonEntity = { partitionKey: staffId, rowKey: SUPPORT + request.id, data: JSON.stringify(request) };
    await this.table.upsertEntity(entity, 'Replace');
  }

  /**
   * Writes a person and their records together: one transaction per 100 rows of the partition,
   * the profile in the first, so a reader never sees records without their person.
   */
  async saveBundle(person: Person, records: readonly LearningRecord[]): Promise<void> {
    const rows = [profileEntity(person), ...records.map((r) => recordEntity(person.id, r))];
    for (const batch of chunk(rows, 100)) {
      const actions: TransactionAction[] = batch.map((row) => ['upsert', row, 'Replace']);
      await this.table.submitTransaction(actions);
    }
  }
}
