import type { Logger } from 'pino';
import type { AuditEvent } from '../core/audit/audit-chain.js';
import type { Person } from '../core/people/types.js';
import { DocRepository } from '../core/storage/workspace-docs.js';
import { StaffDirectoryCache } from '../core/storage/workspace-people.js';
import { EXPIRES_SECONDS, HEARTBEAT_SECONDS, PresenceRepository } from '../core/storage/workspace-presence.js';
import { WorkspaceRepository } from '../core/storage/workspace-repository.js';
import { ResourceRepository } from '../core/storage/workspace-resources.js';
import type { TableStore } from '../core/storage/table-store.js';
import type { AuditOutbox } from '../core/storage/audit-outbox.js';
import type { Clock } from '../core/time/clock.js';
import { fieldDefinition, WORKSPACE_DEFINITIONS } from '../core/workspace/definitions.js';
import { projectField } from '../core/workspace/fields.js';
import { DocHub } from '../core/workspace/live/doc-hub.js';
import { LiveFeed } from '../core/workspace/live/live-feed.js';
import { MAX_FIELD_CHARS } from '../core/workspace/model.js';
import type { WorkspaceDeps, WorkspaceNotifier } from '../core/workspace/workspace-deps.js';
import type { WorkspaceServices } from '../core/workspace/workspace-services.js';

/**
 * The workspace's part of the composition root: every repository, cache, feed and the live
 * documents' hub is built here, once per process, and handed to the tab's routes as ports. The
 * channel notifier comes from the bot (built by server/app.ts), so the tab never imports bot/.
 */
export interface WorkspaceWiring {
  store: TableStore;
  /** Workspace changes that are audited are chained exactly when they are stored. */
  outbox?: AuditOutbox;
  staff: { getPerson(staffId: string): Promise<Person | undefined> };
  audit: { append(event: AuditEvent): Promise<unknown> };
  clock: Clock;
  logger: Logger;
  /** The bot's channel posts, built over the workspace's repository (team references live there). */
  notifier?: (repo: WorkspaceRepository) => WorkspaceNotifier;
  background: (name: string, work: () => Promise<void>) => void;
  /** Sessions of work end after this long without a change from their person (default 3 minutes). */
  sessionPauseMs?: number;
  /** Wall clock for the live documents (sessions are about now, as presence is). */
  now?: () => number;
}

export interface RunningWorkspace extends WorkspaceServices {
  /** Team conversation references (the bot's channel installs are observed into it). */
  repo: WorkspaceRepository;
  docRepo: DocRepository;
  hub: DocHub;
  feed: LiveFeed;
  /** Ends the live streams (first, so the HTTP server can close). */
  closeStreams(): Promise<void>;
  /** Finishes the appends and compactions under way (after the last request was answered). */
  close(): Promise<void>;
}

export function createWorkspaceServices(wiring: WorkspaceWiring): RunningWorkspace {
  const { store, logger } = wiring;
  const repo = new WorkspaceRepository(store, wiring.outbox);
  const docRepo = new DocRepository(store);
  const presence = new PresenceRepository(store);
  const people = new StaffDirectoryCache(store);
  const onError = (where: string) => (error: unknown, appId?: string) =>
    logger.warn({ event: `workspace.${where}-failed`, appId, err: { message: (error as Error)?.message } }, `workspace ${where} failed`);
  // eslint-disable-next-line prefer-const
  let deps: WorkspaceDeps;
  const feed = new LiveFeed(
    {
      readSeq: (id) => repo.getSeq(id),
      readEvents: (id, after, upTo) => repo.listEvents(id, after, upTo),
      readDseq: (id) => docRepo.readDseq(id),
      readDocs: (id, after, upTo) => docRepo.readFeed(id, after, upTo),
      readPresence: (id) => presence.list(id),
    },
    { onError: onError('live-poll') },
  );
  const hub = new DocHub(docRepo, {
    kindOf: (fieldId) => fieldDefinition(fieldId)?.kind,
    legacyText: async (appId, fieldIds) => {
      const fields = fieldIds?.length === 1 ? [await repo.getField(appId, fieldIds[0]!)].filter((f) => f !== undefined) : await repo.listFields(appId);
      return new Map(fields.map((f) => [f.fieldId, f.text]));
    },
    maxChars: MAX_FIELD_CHARS,
    ...(wiring.now ? { now: wiring.now } : {}),
    ...(wiring.sessionPauseMs !== undefined ? { pauseMs: wiring.sessionPauseMs } : {}),
    committed: (appId, records) => feed.publishDocs(appId, records),
    compacted: async (appId, fieldId, result) => {
      await projectField(deps, appId, fieldId, result);
    },
    onError: (error, where) => onError(`docs-${where}`)(error),
  });
  deps = {
    repo,
    presence,
    resources: new ResourceRepository(store),
    docs: hub,
    docRows: docRepo,
    staff: wiring.staff,
    people: () => people.list(),
    audit: wiring.audit,
    clock: wiring.clock,
    definitions: WORKSPACE_DEFINITIONS,
    ...(wiring.notifier ? { notifier: wiring.notifier(repo) } : {}),
    background: wiring.background,
    changed: (appId) => feed.nudge(appId),
  };
  return {
    deps,
    live: feed,
    presenceTiming: { heartbeatSeconds: HEARTBEAT_SECONDS, expiresInSeconds: EXPIRES_SECONDS },
    repo,
    docRepo,
    hub,
    feed,
    closeStreams: () => feed.close(),
    close: () => hub.close(),
  };
}
