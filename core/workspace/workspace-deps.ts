import { randomBytes } from 'node:crypto';
import type { CommentThread, FieldState, HistoryEntry, PersonRef, WorkspaceDefinitions } from './model.js';
import type { AuditEvent } from '../audit/audit-chain.js';
import type { Person } from '../people/types.js';
import type { PresenceRepository } from '../storage/workspace-presence.js';
import type { StoredEvent, WorkspaceRepository } from '../storage/workspace-repository.js';
import type { ResourceRepository } from '../storage/workspace-resources.js';
import type { Clock } from '../time/clock.js';
import { todayInLondon } from '../time/clock.js';
import type { LocalDate } from '../time/local-date.js';
import { accessOf, type Access } from './access.js';
import type { DocRepository } from '../storage/workspace-docs.js';
import type { DocHub } from './live/doc-hub.js';
import type { ApplicationRecord } from './application.js';
import { forbiddenProblem } from './problem.js';

/** Told after the fact, off the request's path (the bot's channel posts). */
export interface WorkspaceNotifier {
  sectionReadyForReview(app: ApplicationRecord, sectionId: string, by: PersonRef): Promise<void>;
  submitted(app: ApplicationRecord, by: PersonRef): Promise<void>;
}

export interface WorkspaceDeps {
  repo: Pick<
    WorkspaceRepository,
    | 'getApplication' | 'commit' | 'getField' | 'getFieldWithEtag' | 'listFields' | 'getRevision' | 'getConflict' | 'listHistory'
    | 'listThreads' | 'getThread' | 'addToIndex' | 'listIndex' | 'linkChannel' | 'unlinkChannel' | 'applicationForChannel'
  >;
  presence: Pick<PresenceRepository, 'list' | 'beat' | 'leave'>;
  resources: Pick<ResourceRepository, 'list' | 'get' | 'save' | 'remove'>;
  /** The fields' live documents (this instance's appender, checker and compactor over storage). */
  docs: Pick<DocHub, 'loadStates' | 'loadState' | 'append' | 'compact' | 'now'>;
  /** Finished sessions of work and snapshots, for the history. */
  docRows: Pick<DocRepository, 'listSessions' | 'readSnapshot' | 'readDseq'>;
  staff: { getPerson(staffId: string): Promise<Person | undefined> };
  /** Everyone on the staff list (for the member directory); may be cached by the caller. */
  people: () => Promise<Person[]>;
  audit: { append(event: AuditEvent): Promise<unknown> };
  clock: Clock;
  definitions: WorkspaceDefinitions;
  notifier?: WorkspaceNotifier;
  /** Runs work after the reply (tracked, so a graceful stop waits for it). */
  background: (name: string, work: () => Promise<void>) => void;
  /** Called after every committed change, so live streams on this instance need not wait for their next poll. */
  changed?: (appId: string) => void;
}

export const newId = (prefix: string) => `${prefix}${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;

export const todayOf = (deps: Pick<WorkspaceDeps, 'clock'>): LocalDate => todayInLondon(deps.clock);

/** Reads an application for a caller; anyone without access gets the same 403 as for an application that does not exist. */
export async function loadFor(deps: Pick<WorkspaceDeps, 'repo'>, person: Person, appId: string): Promise<{ app: ApplicationRecord; etag: string; access: Access }> {
  const read = await deps.repo.getApplication(appId);
  if (!read) throw forbiddenProblem();
  const access = accessOf(person, read.app);
  if (!access.canRead) throw forbiddenProblem();
  return { ...read, access };
}

/** What a decision writes: the next application state, rows, and events (their seq numbers are given on commit). */
export interface Change<R> {
  app?: ApplicationRecord;
  fields?: { field: FieldState; etag?: string | null }[];
  history?: HistoryEntry[];
  historyUpdates?: HistoryEntry[];
  threads?: CommentThread[];
  events: DistributiveOmit<StoredEvent, 'seq'>[];
  /** What the organisation's audit chain records: chained exactly when this change is stored. */
  chain?: AuditEvent[];
  result: R;
}

type DistributiveOmit<T, K extends keyof T> = T extends unknown ? Omit<T, K> : never;

export interface DecideContext {
  app: ApplicationRecord;
  access: Access;
  /** The seq number the first event of this change will get. */
  nextSeq: number;
  at: string;
}

const MAX_ATTEMPTS = 40;

/** Changes to one application through one instance (one set of deps) wait their turn rather than collide in storage. */
const queuesOf = new WeakMap<WorkspaceDeps, Map<string, Promise<unknown>>>();

function inTurn<R>(deps: WorkspaceDeps, appId: string, work: () => Promise<R>): Promise<R> {
  let queues = queuesOf.get(deps);
  if (!queues) queuesOf.set(deps, (queues = new Map()));
  const previous = queues.get(appId) ?? Promise.resolve();
  const run = previous.then(work, work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(appId, settled);
  void settled.then(() => {
    if (queues!.get(appId) === settled) queues!.delete(appId);
  });
  return run;
}

/**
 * Read → decide → write, for one application, until the write lands: the `app` row's ETag makes
 * the write fail if anyone (on any instance) wrote in between, and then the decision is taken
 * again on fresh state. `decide` returning no events means nothing to write. `prefetch` reads what
 * the decision needs at the same time as the `app` row (its writes must then be ETag-conditional
 * themselves); it is only handed to `decide` once the caller's access is established.
 */
export async function mutate<R, P = undefined>(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  decide: (ctx: DecideContext, prefetched: P) => Promise<Change<R>>,
  prefetch?: () => Promise<P>,
): Promise<R> {
  return mutateApp(deps, appId, () => loadFor(deps, person, appId), decide, prefetch);
}

/** The system's own changes (a field's text projected after its live document was compacted): no caller to check. */
export const SYSTEM_ACCESS: Access = { role: 'member', canRead: true, canEdit: true, canComment: true, canReview: true };

export async function mutateApp<R, P = undefined>(
  deps: WorkspaceDeps,
  appId: string,
  load: () => Promise<{ app: ApplicationRecord; etag: string; access: Access }>,
  decide: (ctx: DecideContext, prefetched: P) => Promise<Change<R>>,
  prefetch?: () => Promise<P>,
): Promise<R> {
  return inTurn(deps, appId, async () => {
    for (let attempt = 0; ; attempt++) {
      const [{ app, etag, access }, prefetched] = await Promise.all([load(), prefetch ? prefetch() : Promise.resolve(undefined as P)]);
      const at = deps.clock.now().toISOString();
      const change = await decide({ app, access, nextSeq: app.seq + 1, at }, prefetched);
      if (change.events.length === 0) return change.result;
      const next = change.app ?? app;
      const events = change.events.map((event, i) => ({ ...event, seq: app.seq + 1 + i }) as StoredEvent);
      const written = await deps.repo.commit({
        app: { ...next, seq: app.seq + events.length },
        etag,
        ...(change.fields ? { fields: change.fields } : {}),
        ...(change.history ? { history: change.history } : {}),
        ...(change.historyUpdates ? { historyUpdates: change.historyUpdates } : {}),
        ...(change.threads ? { threads: change.threads } : {}),
        ...(change.chain ? { chain: change.chain } : {}),
        events,
      });
      if (written) {
        deps.changed?.(appId);
        return change.result;
      }
      if (attempt >= MAX_ATTEMPTS) throw new Error(`application ${appId}: too much contention, gave up after ${MAX_ATTEMPTS} attempts`);
      // Someone else (another instance) wrote first: back off a little (randomised, growing) and decide again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * Math.min(50, 3 * (attempt + 1))));
    }
  });
}
