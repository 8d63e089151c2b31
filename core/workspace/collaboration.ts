import type { CommentThread, PersonRef, SectionOwner, SectionState, SectionStatus } from './model.js';
import type { Person } from '../people/types.js';
import { isHubReviewer, isMember, personRef } from './access.js';
import type { ApplicationRecord } from './application.js';
import { fieldDefinition, sectionDefinition, sectionOfField } from './definitions.js';
import { badRequestProblem, notFoundProblem, readOnlyProblem, resultOf } from './problem.js';
import { mutate, newId, type WorkspaceDeps } from './workspace-deps.js';

/** Section owners, statuses and due dates; hub reviewers' "changes requested"; comment threads with @mentions. */

function sectionOf(app: ApplicationRecord, sectionId: string): SectionState {
  if (!sectionDefinition(sectionId)) throw notFoundProblem(`There is no section "${sectionId}".`);
  return app.sections[sectionId] ?? { sectionId, status: 'not-started' };
}

async function updateSectionNow(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  sectionId: string,
  request: { owner?: { practiceOds?: string | undefined; staffId?: string | undefined } | null | undefined; status?: SectionStatus | undefined; dueDate?: string | null | undefined },
): Promise<SectionState> {
  // The owner, when a person, must be someone who can work on it: read once, outside the retry loop.
  const ownerPerson = request.owner?.staffId ? await deps.staff.getPerson(request.owner.staffId) : undefined;
  let readyNow = false;
  const result = await mutate(deps, person, appId, async ({ app, access, at }) => {
    if (!access.canEdit) throw readOnlyProblem('Training hub reviewers can request changes, but sections are run by the practices.');
    const current = sectionOf(app, sectionId);
    const by = personRef(person);
    let next: SectionState = { ...current, updatedAt: at, updatedBy: by };
    if (request.owner === null) {
      const { owner: _o, ...rest } = next;
      next = rest;
    } else if (request.owner) {
      const owner: SectionOwner = {};
      if (request.owner.practiceOds) {
        const practice = app.practices.find((p) => p.odsCode === request.owner!.practiceOds!.toUpperCase());
        if (!practice) throw badRequestProblem(`${request.owner.practiceOds} is not one of the application's practices.`);
        owner.practiceOds = practice.odsCode;
        owner.practiceName = practice.name;
      }
      if (request.owner.staffId) {
        if (!ownerPerson || !isMember(ownerPerson, app)) throw badRequestProblem('A section\'s owner must be a member of the workspace.');
        owner.person = personRef(ownerPerson);
      }
      if (!owner.practiceOds && !owner.person) throw badRequestProblem('Name a practice, a person or both as the owner (or null for none).');
      next = { ...next, owner };
    }
    if (request.dueDate === null) {
      const { dueDate: _d, ...rest } = next;
      next = rest;
    } else if (request.dueDate) {
      next = { ...next, dueDate: request.dueDate };
    }
    if (request.status && request.status !== current.status) {
      next = { ...next, status: request.status };
      if (request.status === 'ready-for-review') {
        readyNow = true;
        // Marked ready again: the hub's request is answered (the thread stays in the comments).
        const { changesRequested: _c, ...rest } = next;
        next = rest;
      }
    }
    const app2: ApplicationRecord = { ...app, sections: { ...app.sections, [sectionId]: next } };
    return { app: app2, events: [{ type: 'section', at, by, section: next }], result: { section: next, app: app2 } };
  });
  if (readyNow && deps.notifier) {
    const notifier = deps.notifier;
    deps.background('workspace.section-ready-card', () => notifier.sectionReadyForReview(result.app, sectionId, personRef(person)));
  }
  return result.section;
}

/** A hub reviewer sends a section back: a `changes-requested` thread, and the section returns to drafting. */
async function requestChangesNow(deps: WorkspaceDeps, person: Person, appId: string, sectionId: string, note: string): Promise<SectionState> {
  const section = await mutate(deps, person, appId, async ({ app, access, at }) => {
    if (!access.canReview) throw readOnlyProblem('Changes are requested by the training hub\'s reviewers.');
    const current = sectionOf(app, sectionId);
    const by = personRef(person);
    const thread: CommentThread = {
      id: newId('t'),
      sectionId,
      kind: 'changes-requested',
      comments: [{ id: newId('m'), author: by, text: note, mentions: [], at }],
      createdAt: at,
    };
    const next: SectionState = { ...current, status: 'drafting', changesRequested: { by, at, note, threadId: thread.id }, updatedAt: at, updatedBy: by };
    return {
      app: { ...app, sections: { ...app.sections, [sectionId]: next } },
      threads: [thread],
      events: [
        { type: 'comment', at, by, thread },
        { type: 'section', at, by, section: next },
      ],
      chain: [{ actorId: person.id, action: 'workspace.changes-requested', target: appId, summary: sectionId }],
      result: next,
    };
  });
  return section;
}

async function mentionsOf(deps: WorkspaceDeps, app: ApplicationRecord, staffIds: readonly string[]): Promise<PersonRef[]> {
  const out: PersonRef[] = [];
  for (const staffId of [...new Set(staffIds)]) {
    const mentioned = await deps.staff.getPerson(staffId);
    if (!mentioned || !(isMember(mentioned, app) || isHubReviewer(mentioned))) {
      throw badRequestProblem('You can only @mention members of this workspace or the training hub\'s reviewers.', { staffId });
    }
    out.push(personRef(mentioned));
  }
  return out;
}

async function addCommentNow(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  request: { sectionId?: string | undefined; fieldId?: string | undefined; threadId?: string | undefined; text: string; mentions?: string[] | undefined; anchor?: { start?: unknown; end?: unknown; quote: string } | undefined },
): Promise<CommentThread> {
  return mutate(deps, person, appId, async ({ app, access, at }) => {
    if (!access.canComment) throw readOnlyProblem('You cannot comment here.');
    const mentions = await mentionsOf(deps, app, request.mentions ?? []);
    const by = personRef(person);
    const comment = { id: newId('m'), author: by, text: request.text, mentions, at };
    let thread: CommentThread;
    if (request.threadId) {
      const existing = await deps.repo.getThread(appId, request.threadId);
      if (!existing) throw notFoundProblem('That comment thread does not exist.');
      // A reply to a resolved thread reopens it: the conversation is live again.
      const { resolved: _r, ...open } = existing;
      thread = { ...open, comments: [...existing.comments, comment] };
    } else {
      const sectionId = request.sectionId ?? (request.fieldId ? sectionOfField(request.fieldId) : undefined);
      if (!sectionId || !sectionDefinition(sectionId)) throw badRequestProblem('Say which section the comment is about.');
      if (request.fieldId && (!fieldDefinition(request.fieldId) || sectionOfField(request.fieldId) !== sectionId)) throw badRequestProblem('That field is not in that section.');
      if (request.anchor && (!request.fieldId || fieldDefinition(request.fieldId)?.kind !== 'longtext')) throw badRequestProblem('Comments on a range of text are made in a long answer.');
      const anchor = request.anchor ? { start: request.anchor.start, end: request.anchor.end, quote: request.anchor.quote } : undefined;
      thread = { id: newId('t'), sectionId, ...(request.fieldId ? { fieldId: request.fieldId } : {}), ...(anchor ? { anchor } : {}), kind: 'comment', comments: [comment], createdAt: at };
    }
    return { threads: [thread], events: [{ type: 'comment', at, by, thread }], result: thread };
  });
}

async function setThreadResolvedNow(deps: WorkspaceDeps, person: Person, appId: string, threadId: string, resolved: boolean): Promise<CommentThread> {
  return mutate(deps, person, appId, async ({ access, at }) => {
    if (!access.canComment) throw readOnlyProblem('You cannot comment here.');
    const existing = await deps.repo.getThread(appId, threadId);
    if (!existing) throw notFoundProblem('That comment thread does not exist.');
    if (Boolean(existing.resolved) === resolved) return { events: [], result: existing };
    const by = personRef(person);
    const { resolved: _r, ...open } = existing;
    const thread: CommentThread = resolved ? { ...open, resolved: { by, at } } : open;
    return { threads: [thread], events: [{ type: 'comment', at, by, thread }], result: thread };
  });
}

// The use cases: each returns its outcome (a value, or the refusal it stopped with), never throws one.
export const updateSection = (...args: Parameters<typeof updateSectionNow>) => resultOf(() => updateSectionNow(...args));
export const requestChanges = (...args: Parameters<typeof requestChangesNow>) => resultOf(() => requestChangesNow(...args));
export const addComment = (...args: Parameters<typeof addCommentNow>) => resultOf(() => addCommentNow(...args));
export const setThreadResolved = (...args: Parameters<typeof setThreadResolvedNow>) => resultOf(() => setThreadResolvedNow(...args));
