import type {
  ApplicationSummary,
  ChannelLinkResponse,
  HubOverviewResponse,
  Member,
  MembersResponse,
  Practice,
  PublishedListResponse,
  WorkspaceListResponse,
  WorkspaceView,
} from './model.js';
import type { Person } from '../people/types.js';
import { runConcurrently } from '../util/concurrency.js';
import { fieldDefinition } from './definitions.js';
import type { Block } from './live/rich-text.js';
import { contentOf, docFromState } from './live/yjs-field-content.js';
import { accessOf, isHubReviewer, isMember, pcnPracticeOf, personRef, worksInApplicationPractice } from './access.js';
import type { ApplicationRecord } from './application.js';
import { evaluateChecklist } from './checklist.js';
import { initialLifecycle } from './lifecycle.js';
import { badRequestProblem, forbiddenProblem, readOnlyProblem, resultOf } from './problem.js';
import { summaryOf } from './summary.js';
import { loadFor, mutate, newId, todayOf, type WorkspaceDeps } from './workspace-deps.js';

const summary = (deps: WorkspaceDeps, app: ApplicationRecord): ApplicationSummary => summaryOf(app, deps.definitions, todayOf(deps));

function distinctPractices(practices: readonly Practice[]): Practice[] {
  const seen = new Set<string>();
  const out: Practice[] = [];
  for (const p of practices) {
    const key = p.odsCode.toUpperCase();
    if (seen.has(key)) throw badRequestProblem(`ODS code ${key} is listed twice.`);
    seen.add(key);
    out.push({ name: p.name.trim(), odsCode: key });
  }
  return out;
}

/**
 * A PCN practice's staff start their PCN's application: the PCN is theirs (from their organisation
 * unit), and their own practice must be among the aligned practices, so they are a member from the start.
 */
async function createApplicationNow(
  deps: WorkspaceDeps,
  person: Person,
  request: { title?: string | undefined; practices: Practice[]; channel?: { teamId: string; channelId: string; teamName?: string | undefined; channelName?: string | undefined } | undefined },
): Promise<ApplicationSummary> {
  const home = pcnPracticeOf(person.orgUnit);
  if (!home) throw readOnlyProblem('Applications are started by staff of a PCN practice.');
  const practices = distinctPractices(request.practices);
  if (!practices.some((p) => p.name === home.practiceName)) {
    throw badRequestProblem(`Include your own practice (${home.practiceName}) among the aligned practices.`);
  }
  const at = deps.clock.now().toISOString();
  const by = personRef(person);
  const app: ApplicationRecord = {
    id: newId('lo-'),
    title: request.title?.trim() || `${home.pcnName} Learning Organisation application`,
    pcnName: home.pcnName,
    practices,
    lifecycle: initialLifecycle(by, at),
    sections: Object.fromEntries(deps.definitions.sections.map((s) => [s.id, { sectionId: s.id, status: 'not-started' as const }])),
    addedMembers: [],
    facts: {},
    createdAt: at,
    createdBy: by,
    seq: 1,
    ...(request.channel ? { channel: { ...request.channel, linkedAt: at, linkedBy: by } } : {}),
  };
  const created = summary(deps, app);
  const chain = [{ actorId: person.id, action: 'workspace.created', target: app.id, summary: `${app.pcnName}: ${practices.length} practices` }];
  const ok = await deps.repo.commit({ app, etag: undefined, events: [{ type: 'application', seq: 1, at, by, application: created }], chain });
  if (!ok) throw new Error('a new application id collided');
  await deps.repo.addToIndex(app);
  if (request.channel) await deps.repo.linkChannel(request.channel.channelId, app.id, request.channel.teamId);
  return created;
}

async function readAll(deps: WorkspaceDeps): Promise<ApplicationRecord[]> {
  const index = await deps.repo.listIndex();
  const apps: ApplicationRecord[] = [];
  await runConcurrently(index, 16, async ({ id }) => {
    const read = await deps.repo.getApplication(id);
    if (read) apps.push(read.app);
  });
  return apps.sort((a, b) => a.pcnName.localeCompare(b.pcnName) || a.createdAt.localeCompare(b.createdAt));
}

/** The applications a person can open: their PCN's (as a member), or all of them for a hub reviewer. */
async function listApplicationsNow(deps: WorkspaceDeps, person: Person): Promise<WorkspaceListResponse> {
  const home = pcnPracticeOf(person.orgUnit);
  const reviewer = isHubReviewer(person);
  const apps = (await readAll(deps)).filter((app) => accessOf(person, app).canRead);
  return {
    applications: apps.map((app) => summary(deps, app)),
    ...(home ? { pcnName: home.pcnName, practiceName: home.practiceName } : {}),
    canCreate: home !== undefined,
    role: home ? 'member' : reviewer ? 'hub-reviewer' : apps.length > 0 ? 'member' : 'none',
  };
}

async function loadViewNow(deps: WorkspaceDeps, person: Person, appId: string): Promise<WorkspaceView> {
  const { app, access } = await loadFor(deps, person, appId);
  const [fields, comments, presence, resources] = await Promise.all([
    deps.repo.listFields(appId),
    deps.repo.listThreads(appId),
    deps.presence.list(appId),
    deps.resources.list(),
  ]);
  return {
    application: summary(deps, app),
    definitions: deps.definitions,
    fields: Object.fromEntries(fields.map((f) => [f.fieldId, f])),
    sections: app.sections,
    checklist: evaluateChecklist(app, deps.definitions),
    comments,
    presence,
    resources,
    me: { staffId: person.id, name: person.name, role: access.role === 'none' ? 'hub-reviewer' : access.role, canEdit: access.canEdit, canComment: access.canComment, canReview: access.canReview },
    seq: app.seq,
  };
}

/**
 * What the DOCX export needs: the view, with every field's text read from its live document (so
 * nothing typed a moment ago is missing) and long answers as rich blocks.
 */
async function exportContentNow(deps: WorkspaceDeps, person: Person, appId: string): Promise<{ view: WorkspaceView; rich: Record<string, Block[]> }> {
  const view = await loadViewNow(deps, person, appId);
  const states = await deps.docs.loadStates(appId);
  const rich: Record<string, Block[]> = {};
  const fields = { ...view.fields };
  for (const [fieldId, state] of states) {
    const kind = fieldDefinition(fieldId)?.kind;
    const content = contentOf(docFromState(state), kind);
    fields[fieldId] = { ...(fields[fieldId] ?? { fieldId, version: 0 }), text: content.text };
    if (content.blocks) rich[fieldId] = content.blocks;
  }
  return { view: { ...view, fields }, rich };
}

async function applicationForChannelNow(deps: WorkspaceDeps, person: Person, channelId: string): Promise<ChannelLinkResponse> {
  const appId = await deps.repo.applicationForChannel(channelId);
  if (!appId) return { linked: false };
  const read = await deps.repo.getApplication(appId);
  // Someone who may not see it learns nothing: not even that the channel is linked.
  if (!read || !accessOf(person, read.app).canRead) return { linked: false };
  return { linked: true, application: summary(deps, read.app) };
}

async function linkChannelNow(
  deps: WorkspaceDeps,
  person: Person,
  appId: string,
  channel: { teamId: string; channelId: string; teamName?: string | undefined; channelName?: string | undefined },
): Promise<ApplicationSummary> {
  let previous: string | undefined;
  const result = await mutate(deps, person, appId, async ({ app, access, at }) => {
    if (!access.canEdit) throw readOnlyProblem('Only the practices\' members link a channel to their application.');
    previous = app.channel?.channelId;
    const by = personRef(person);
    const next: ApplicationRecord = { ...app, channel: { ...channel, linkedAt: at, linkedBy: by } };
    const application = summary(deps, { ...next, seq: app.seq + 1 });
    return { app: next, events: [{ type: 'application', at, by, application }], result: application };
  });
  await deps.repo.linkChannel(channel.channelId, appId, channel.teamId);
  if (previous && previous !== channel.channelId) await deps.repo.unlinkChannel(previous, appId);
  return result;
}

async function updatePracticesNow(deps: WorkspaceDeps, person: Person, appId: string, practices: Practice[]): Promise<ApplicationSummary> {
  const cleaned = distinctPractices(practices);
  return mutate(deps, person, appId, async ({ app, access, at }) => {
    if (!access.canEdit) throw readOnlyProblem('Only the practices\' members change the aligned practices.');
    const next: ApplicationRecord = { ...app, practices: cleaned };
    if (!isMember(person, next)) throw badRequestProblem('That would leave you outside the application: keep your own practice, or ask a colleague to change it.');
    // Sections owned by a practice that has left lose that owner (the person, if any, stays).
    const sections = Object.fromEntries(
      Object.entries(app.sections).map(([id, s]) => {
        if (!s.owner?.practiceOds || cleaned.some((p) => p.odsCode === s.owner!.practiceOds)) return [id, s];
        const { practiceOds: _o, practiceName: _n, ...owner } = s.owner;
        const { owner: _old, ...rest } = s;
        return [id, owner.person ? { ...rest, owner } : rest];
      }),
    );
    const changed: ApplicationRecord = { ...next, sections };
    const by = personRef(person);
    const application = summary(deps, { ...changed, seq: app.seq + 1 });
    return { app: changed, events: [{ type: 'application', at, by, application }], result: application };
  });
}

/** Members: everyone working in an aligned practice, plus people added by hand. */
async function listMembersNow(deps: WorkspaceDeps, person: Person, appId: string): Promise<MembersResponse> {
  const { app } = await loadFor(deps, person, appId);
  return { members: await membersOf(deps, app) };
}

async function membersOf(deps: WorkspaceDeps, app: ApplicationRecord): Promise<Member[]> {
  const people = await deps.people();
  const members: Member[] = people.filter((p) => worksInApplicationPractice(p, app)).map((p) => ({ staffId: p.id, name: p.name, orgUnit: p.orgUnit, via: 'practice' }));
  for (const added of app.addedMembers) {
    if (members.some((m) => m.staffId === added.staffId)) continue;
    const p = await deps.staff.getPerson(added.staffId);
    members.push({ ...added, orgUnit: p?.orgUnit ?? '', via: 'added' });
  }
  return members.sort((a, b) => a.name.localeCompare(b.name));
}

async function addMemberNow(deps: WorkspaceDeps, person: Person, appId: string, staffId: string): Promise<MembersResponse> {
  const added = await deps.staff.getPerson(staffId);
  const app = await mutate(deps, person, appId, async ({ app, access, at }) => {
    if (!access.canEdit) throw readOnlyProblem('Only members add members.');
    if (!added) throw badRequestProblem(`No one on the staff list has id ${staffId}.`);
    if (isMember(added, app)) return { events: [], result: app };
    const next: ApplicationRecord = { ...app, addedMembers: [...app.addedMembers, personRef(added)] };
    return {
      app: next,
      events: [{ type: 'application', at, by: personRef(person), application: summary(deps, { ...next, seq: app.seq + 1 }) }],
      chain: [{ actorId: person.id, action: 'workspace.member-added', target: appId, summary: staffId }],
      result: next,
    };
  });
  return { members: await membersOf(deps, app) };
}

async function removeMemberNow(deps: WorkspaceDeps, person: Person, appId: string, staffId: string): Promise<MembersResponse> {
  const app = await mutate(deps, person, appId, async ({ app, access, at }) => {
    if (!access.canEdit) throw readOnlyProblem('Only members remove members.');
    if (!app.addedMembers.some((m) => m.staffId === staffId)) {
      throw badRequestProblem('Only members added by hand can be removed; practice staff are members through their practice.');
    }
    const next: ApplicationRecord = { ...app, addedMembers: app.addedMembers.filter((m) => m.staffId !== staffId) };
    return {
      app: next,
      events: [{ type: 'application', at, by: personRef(person), application: summary(deps, { ...next, seq: app.seq + 1 }) }],
      chain: [{ actorId: person.id, action: 'workspace.member-removed', target: appId, summary: staffId }],
      result: next,
    };
  });
  return { members: await membersOf(deps, app) };
}

const RISK_ORDER = { missed: 0, behind: 1, 'at-risk': 2, 'on-track': 3, complete: 4 } as const;

/** The training hub's view across every PCN: progress, owners, deadline risk, panel and outcome; riskiest first. */
async function hubOverviewNow(deps: WorkspaceDeps, person: Person): Promise<HubOverviewResponse> {
  if (!isHubReviewer(person)) throw forbiddenProblem();
  const applications = (await readAll(deps)).map((app) => summary(deps, app));
  applications.sort((a, b) => RISK_ORDER[a.countdown.risk] - RISK_ORDER[b.countdown.risk] || a.progress.percent - b.progress.percent || a.pcnName.localeCompare(b.pcnName));
  return { applications, deadline: deps.definitions.deadline };
}

/** The published list: every approved Learning Organisation and its aligned practices. */
async function publishedListNow(deps: WorkspaceDeps): Promise<PublishedListResponse> {
  const learningOrganisations = (await readAll(deps)).flatMap((app) => {
    const outcome = app.lifecycle.outcome;
    if (!outcome || outcome.outcome === 'not-yet-approved') return [];
    return [{
      applicationId: app.id,
      pcnName: app.pcnName,
      practices: app.practices,
      outcome: outcome.outcome,
      approvedOn: outcome.decidedAt.slice(0, 10),
      ...(app.lifecycle.annualReviewDate ? { annualReviewDate: app.lifecycle.annualReviewDate } : {}),
    }];
  });
  return { learningOrganisations: learningOrganisations.sort((a, b) => a.pcnName.localeCompare(b.pcnName)) };
}

// The use cases: each returns its outcome (a value, or the refusal it stopped with), never throws one.
export const createApplication = (...args: Parameters<typeof createApplicationNow>) => resultOf(() => createApplicationNow(...args));
export const listApplications = (...args: Parameters<typeof listApplicationsNow>) => resultOf(() => listApplicationsNow(...args));
export const loadView = (...args: Parameters<typeof loadViewNow>) => resultOf(() => loadViewNow(...args));
export const exportContent = (...args: Parameters<typeof exportContentNow>) => resultOf(() => exportContentNow(...args));
export const applicationForChannel = (...args: Parameters<typeof applicationForChannelNow>) => resultOf(() => applicationForChannelNow(...args));
export const linkChannel = (...args: Parameters<typeof linkChannelNow>) => resultOf(() => linkChannelNow(...args));
export const updatePractices = (...args: Parameters<typeof updatePracticesNow>) => resultOf(() => updatePracticesNow(...args));
export const listMembers = (...args: Parameters<typeof listMembersNow>) => resultOf(() => listMembersNow(...args));
export const addMember = (...args: Parameters<typeof addMemberNow>) => resultOf(() => addMemberNow(...args));
export const removeMember = (...args: Parameters<typeof removeMemberNow>) => resultOf(() => removeMemberNow(...args));
export const hubOverview = (...args: Parameters<typeof hubOverviewNow>) => resultOf(() => hubOverviewNow(...args));
export const publishedList = (...args: Parameters<typeof publishedListNow>) => resultOf(() => publishedListNow(...args));
