import type { AuditEvent } from '../../../core/audit/audit-chain.js';
import type { Person } from '../../../core/people/types.js';
import { fixedClock } from '../../../core/time/clock.js';
import { fieldDefinition, WORKSPACE_DEFINITIONS } from '../../../core/workspace/definitions.js';
import { projectField } from '../../../core/workspace/fields.js';
import { DocHub } from '../../../core/workspace/live/doc-hub.js';
import { MAX_FIELD_CHARS, type PresenceEntry, type Resource } from '../../../core/workspace/model.js';
import type { WorkspaceDeps } from '../../../core/workspace/workspace-deps.js';
import { FakeDocStore } from './fake-doc-store.js';
import { FakeWorkspaceRepository } from './fake-workspace-repo.js';

/**
 * Everything a workspace use case needs, in memory: the repository and live-document store fakes,
 * the real DocHub over them (its appender, checker and compactor are domain logic), a wall clock the
 * test moves, and the people it names.
 */
export function fakeWorkspaceDeps(people: Person[], options: { pauseMs?: number } = {}) {
  const audit: AuditEvent[] = [];
  const repo = new FakeWorkspaceRepository(audit);
  const docStore = new FakeDocStore();
  const wall = { now: Date.parse('2026-11-21T10:00:00Z') };
  const presence = new Map<string, PresenceEntry[]>();
  const resources = new Map<string, Resource>();
  // eslint-disable-next-line prefer-const
  let deps: WorkspaceDeps;
  const hub = new DocHub(docStore, {
    kindOf: (fieldId) => fieldDefinition(fieldId)?.kind,
    legacyText: async (appId, fieldIds) => new Map((await repo.listFields(appId)).filter((f) => !fieldIds || fieldIds.includes(f.fieldId)).map((f) => [f.fieldId, f.text])),
    maxChars: MAX_FIELD_CHARS,
    now: () => wall.now,
    quietMs: 60_000,
    ...(options.pauseMs !== undefined ? { pauseMs: options.pauseMs } : {}),
    compacted: async (appId, fieldId, result) => {
      await projectField(deps, appId, fieldId, result);
    },
  });
  deps = {
    repo,
    docs: hub,
    docRows: docStore,
    presence: {
      list: async (appId) => presence.get(appId) ?? [],
      beat: async () => undefined,
      leave: async () => undefined,
    },
    resources: {
      list: async () => [...resources.values()],
      get: async (id) => resources.get(id),
      save: async (r) => void resources.set(r.id, r),
      remove: async (id) => resources.delete(id),
    },
    staff: { getPerson: async (id) => people.find((p) => p.id === id) },
    people: async () => people,
    audit: { append: async (event) => void audit.push(event) },
    clock: fixedClock('2026-11-21T12:00:00Z'),
    definitions: WORKSPACE_DEFINITIONS,
    background: (_name, work) => void work(),
  };
  return { deps, repo, docStore, hub, audit, wall };
}
