import type { AuditEvent } from '../../../core/audit/audit-chain.js';
import type { WorkspaceRepository, PartitionWrite, StoredEvent } from '../../../core/storage/workspace-repository.js';
import type { ApplicationRecord } from '../../../core/workspace/application.js';
import type { CommentThread, FieldState, HistoryEntry } from '../../../core/workspace/model.js';
import type { WorkspaceDeps } from '../../../core/workspace/workspace-deps.js';

type RepoPort = WorkspaceDeps['repo'];

/** The workspace repository's port in memory: one "partition" per application, the `app` row written only with its ETag. */
export class FakeWorkspaceRepository implements RepoPort {
  readonly apps = new Map<string, { app: ApplicationRecord; etag: string }>();
  readonly fields = new Map<string, { field: FieldState; etag: string }>();
  readonly history = new Map<string, HistoryEntry[]>();
  readonly threads = new Map<string, CommentThread>();
  readonly events = new Map<string, StoredEvent[]>();
  readonly index = new Map<string, { id: string; pcnName: string }>();
  readonly channels = new Map<string, string>();
  private etags = 0;

  /** `chained`: where a change's audit-chain events go, in the same step as the change (as the outbox guarantees). */
  constructor(private readonly chained: AuditEvent[] = []) {}

  private etag = () => `"${++this.etags}"`;

  async getApplication(id: string) {
    const read = this.apps.get(id);
    return read ? { app: structuredClone(read.app), etag: read.etag } : undefined;
  }

  async commit(write: PartitionWrite): Promise<boolean> {
    const current = this.apps.get(write.app.id);
    if ((current?.etag ?? undefined) !== write.etag) return false;
    for (const { field, etag } of write.fields ?? []) {
      const head = this.fields.get(`${write.app.id}|${field.fieldId}`);
      if (etag === null && head) return false;
      if (typeof etag === 'string' && head?.etag !== etag) return false;
    }
    this.apps.set(write.app.id, { app: structuredClone(write.app), etag: this.etag() });
    for (const { field } of write.fields ?? []) this.fields.set(`${write.app.id}|${field.fieldId}`, { field, etag: this.etag() });
    for (const entry of [...(write.history ?? []), ...(write.historyUpdates ?? [])]) {
      const key = `${write.app.id}|${entry.fieldId}`;
      this.history.set(key, [entry, ...(this.history.get(key) ?? []).filter((e) => e.id !== entry.id)]);
    }
    for (const thread of write.threads ?? []) this.threads.set(`${write.app.id}|${thread.id}`, thread);
    this.events.set(write.app.id, [...(this.events.get(write.app.id) ?? []), ...write.events]);
    this.chained.push(...(write.chain ?? []));
    return true;
  }

  async getField(id: string, fieldId: string) {
    return this.fields.get(`${id}|${fieldId}`)?.field;
  }

  async getFieldWithEtag(id: string, fieldId: string) {
    return this.fields.get(`${id}|${fieldId}`);
  }

  async listFields(id: string) {
    return [...this.fields.entries()].filter(([k]) => k.startsWith(`${id}|`)).map(([, v]) => v.field);
  }

  async getRevision(id: string, fieldId: string, version: number) {
    return this.history.get(`${id}|${fieldId}`)?.find((e) => e.kind !== 'conflict' && e.version === version);
  }

  async getConflict(id: string, fieldId: string, conflictId: string) {
    return this.history.get(`${id}|${fieldId}`)?.find((e) => e.id === conflictId);
  }

  async listHistory(id: string, fieldId: string, limit: number) {
    return (this.history.get(`${id}|${fieldId}`) ?? []).slice(0, limit);
  }

  async listThreads(id: string) {
    return [...this.threads.entries()].filter(([k]) => k.startsWith(`${id}|`)).map(([, t]) => t);
  }

  async getThread(id: string, threadId: string) {
    return this.threads.get(`${id}|${threadId}`);
  }

  async addToIndex(app: Pick<ApplicationRecord, 'id' | 'pcnName'>) {
    this.index.set(app.id, { id: app.id, pcnName: app.pcnName });
  }

  async listIndex() {
    return [...this.index.values()];
  }

  async linkChannel(channelId: string, appId: string) {
    this.channels.set(channelId, appId);
  }

  async unlinkChannel(channelId: string, appId: string) {
    if (this.channels.get(channelId) === appId) this.channels.delete(channelId);
  }

  async applicationForChannel(channelId: string) {
    return this.channels.get(channelId);
  }
}

export type { WorkspaceRepository };
