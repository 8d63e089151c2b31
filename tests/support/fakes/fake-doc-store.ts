import type { DocRepository, FeedHead } from '../../../core/storage/workspace-docs.js';
import type { DocRecord, FieldSnapshot, NewDocRecord, WorkSession } from '../../../core/workspace/live/doc-types.js';

/**
 * The live documents' storage port in memory, with the same rules as Table Storage: the head moves
 * only with the ETag that was read, a snapshot is replaced only with its ETag.
 */
export class FakeDocStore implements Pick<DocRepository, 'readHead' | 'readDseq' | 'append' | 'readFeed' | 'readLogs' | 'readSnapshot' | 'readSnapshots' | 'writeSnapshot' | 'listSessions' | 'dropLog' | 'pruneFeed'> {
  readonly heads = new Map<string, { dseq: number; etag: string }>();
  readonly feed = new Map<string, DocRecord[]>();
  readonly logs = new Map<string, DocRecord[]>();
  readonly snapshots = new Map<string, FieldSnapshot & { etag: string }>();
  readonly sessions = new Map<string, WorkSession[]>();
  private etags = 0;
  appends = 0;

  private etag = () => `"${++this.etags}"`;

  async readHead(appId: string): Promise<FeedHead> {
    const head = this.heads.get(appId);
    return { dseq: head?.dseq ?? 0, etag: head?.etag };
  }

  async readDseq(appId: string): Promise<number> {
    return this.heads.get(appId)?.dseq ?? 0;
  }

  async append(appId: string, head: FeedHead, records: readonly NewDocRecord[]): Promise<DocRecord[] | undefined> {
    const current = this.heads.get(appId);
    if ((current?.etag ?? undefined) !== head.etag) return undefined;
    const numbered = records.map((r, i) => ({ ...r, dseq: head.dseq + 1 + i }));
    this.heads.set(appId, { dseq: head.dseq + numbered.length, etag: this.etag() });
    this.feed.set(appId, [...(this.feed.get(appId) ?? []), ...numbered]);
    this.logs.set(appId, [...(this.logs.get(appId) ?? []), ...numbered.filter((r) => r.update)]);
    this.appends++;
    return numbered;
  }

  async readFeed(appId: string, after: number, upTo: number): Promise<DocRecord[]> {
    return (this.feed.get(appId) ?? []).filter((r) => r.dseq > after && r.dseq <= upTo);
  }

  async readLogs(appId: string, prefix: string): Promise<DocRecord[]> {
    return (this.logs.get(appId) ?? []).filter((r) => r.fieldId.startsWith(prefix));
  }

  async readSnapshot(appId: string, fieldId: string): Promise<FieldSnapshot | undefined> {
    return this.snapshots.get(`${appId}|${fieldId}`);
  }

  async readSnapshots(appId: string, prefix: string): Promise<FieldSnapshot[]> {
    return [...this.snapshots.entries()].filter(([key, s]) => key.startsWith(`${appId}|`) && s.fieldId.startsWith(prefix)).map(([, s]) => s);
  }

  async writeSnapshot(appId: string, snapshot: FieldSnapshot, previousEtag: string | undefined, finished: readonly WorkSession[]): Promise<boolean> {
    const key = `${appId}|${snapshot.fieldId}`;
    if (this.snapshots.get(key)?.etag !== previousEtag) return false;
    this.snapshots.set(key, { ...snapshot, etag: this.etag() });
    const list = this.sessions.get(key) ?? [];
    for (const s of finished) if (!list.some((x) => x.id === s.id)) list.push(s);
    this.sessions.set(key, list.sort((x, y) => y.startedAt - x.startedAt));
    return true;
  }

  async listSessions(appId: string, fieldId: string, limit: number): Promise<WorkSession[]> {
    return (this.sessions.get(`${appId}|${fieldId}`) ?? []).slice(0, limit);
  }

  async dropLog(appId: string, fieldId: string, upTo: number): Promise<number> {
    const before = this.logs.get(appId) ?? [];
    const after = before.filter((r) => !(r.fieldId === fieldId && r.dseq <= upTo));
    this.logs.set(appId, after);
    return before.length - after.length;
  }

  async pruneFeed(appId: string, upTo: number): Promise<number> {
    const before = this.feed.get(appId) ?? [];
    const after = before.filter((r) => r.dseq > upTo);
    this.feed.set(appId, after);
    return before.length - after.length;
  }
}
