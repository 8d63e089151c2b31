import { odata, type TableClient, type TransactionAction } from '@azure/data-tables';
import type { AuditEvent } from '../audit/audit-chain.js';
import type { LocalDate } from '../time/local-date.js';
import { planTopicKey, type PlanHeader, type PlanJudgement } from '../reports/plan-judgements.js';
import { isFenceRow, submitChained, type AuditOutbox } from './audit-outbox.js';
import { getEntityOrUndefined, statusOf, type TableStore } from './table-store.js';

/** The organisation's compliance on the day a month's snapshot was taken. */
export interface MonthlySnapshot {
  month: string;
  takenOn: LocalDate;
  people: number;
  required: number;
  compliant: number;
  percent: number;
  bySubject: Record<string, number>;
  byStaffGroup: Record<string, number>;
  /** Taken in its month (the default), or worked out later from the stored records and history. */
  basis?: 'snapshot' | 'records';
}

export type { PlanHeader, PlanJudgement };

type SnapshotEntity = { partitionKey: string; rowKey: string; takenOn: string; people: number; required: number; compliant: number; percent: number; bySubject: string; byStaffGroup: string; basis?: string };
type JsonEntity = { partitionKey: string; rowKey: string; data: string };

const ORG = 'org';
const planPartition = (year: number) => `plan-${year}`;
const HEADER = 'header';

/**
 * The `snapshots` table: monthly organisation snapshots (PartitionKey `org`, RowKey `YYYY-MM`, the
 * first written in a month wins) and the annual plan's judgements (PartitionKey `plan-<year>`,
 * RowKey `header` or `topic|<subject>|<level>`). Both are small partitions read whole.
 */
export class ReportSnapshotRepository {
  private readonly table: TableClient;

  constructor(
    store: TableStore,
    private readonly outbox?: AuditOutbox,
  ) {
    this.table = store.client('snapshots');
  }

  async hasMonth(month: string): Promise<boolean> {
    return (await getEntityOrUndefined(this.table, ORG, month)) !== undefined;
  }

  /** Writes the month's snapshot unless one exists (any instance may try; exactly one row results). */
  async createMonth(snapshot: MonthlySnapshot): Promise<boolean> {
    const entity: SnapshotEntity = {
      partitionKey: ORG,
      rowKey: snapshot.month,
      takenOn: snapshot.takenOn,
      people: snapshot.people,
      required: snapshot.required,
      compliant: snapshot.compliant,
      percent: snapshot.percent,
      bySubject: JSON.stringify(snapshot.bySubject),
      byStaffGroup: JSON.stringify(snapshot.byStaffGroup),
      ...(snapshot.basis === 'records' ? { basis: 'records' } : {}),
    };
    try {
      await this.table.createEntity(entity);
      return true;
    } catch (error) {
      if (statusOf(error) === 409) return false;
      throw error;
    }
  }

  async months(fromMonth: string): Promise<MonthlySnapshot[]> {
    const out: MonthlySnapshot[] = [];
    const rows = this.table.listEntities<SnapshotEntity>({ queryOptions: { filter: odata`PartitionKey eq ${ORG} and RowKey ge ${fromMonth}` } });
    for await (const row of rows) {
      out.push({
        month: row.rowKey,
        takenOn: row.takenOn as LocalDate,
        people: row.people,
        required: row.required,
        compliant: row.compliant,
        percent: row.percent,
        bySubject: JSON.parse(row.bySubject) as Record<string, number>,
        byStaffGroup: JSON.parse(row.byStaffGroup) as Record<string, number>,
        basis: row.basis === 'records' ? 'records' : 'snapshot',
      });
    }
    return out.sort((a, b) => a.month.localeCompare(b.month));
  }

  async plan(year: number): Promise<{ header: PlanHeader | undefined; judgements: Map<string, PlanJudgement> }> {
    const judgements = new Map<string, PlanJudgement>();
    let header: PlanHeader | undefined;
    const rows = this.table.listEntities<JsonEntity>({ queryOptions: { filter: odata`PartitionKey eq ${planPartition(year)}` } });
    for await (const row of rows) {
      if (isFenceRow(row.rowKey)) continue;
      if (row.rowKey === HEADER) header = JSON.parse(row.data) as PlanHeader;
      else judgements.set(row.rowKey, JSON.parse(row.data) as PlanJudgement);
    }
    return { header, judgements };
  }

  /** Saves a year's plan changes (header and/or topics) as one change, chained exactly when written. */
  async savePlan(year: number, change: { header?: PlanHeader; topics: { subjectId: string; level: number; judgement: PlanJudgement }[] }, chain: readonly AuditEvent[] = []): Promise<void> {
    const partitionKey = planPartition(year);
    const actions: TransactionAction[] = [
      ...(change.header ? [['upsert', { partitionKey, rowKey: HEADER, data: JSON.stringify(change.header) }, 'Replace'] as TransactionAction] : []),
      ...change.topics.map((t): TransactionAction => ['upsert', { partitionKey, rowKey: planTopicKey(t.subjectId, t.level), data: JSON.stringify(t.judgement) }, 'Replace']),
    ];
    if (actions.length > 0) await submitChained(this.outbox, this.table, { table: 'snapshots', partitionKey }, actions, chain);
  }
}
