import type { Permission, Person } from './types.js';

/**
 * Who may do what: the one table the server decides from. Every right that rests on a stored
 * permission is a capability here; the routes and use cases ask `can(person, capability)` and
 * never test a permission themselves.
 *
 * Rights that rest on a relationship rather than a permission are decided from stored facts by one
 * function each, named here so there is one place to look:
 * - oneself: every "my learning" route takes no person id (the caller's own record only);
 * - line manager of: `mayDecide` (core/learning/approvals.ts) and `TeamRepository.isInTeam`
 *   (core/learning/team.ts) — the stored person's `managerIds` and delegates, never the client's word;
 * - PCN workspace member / hub reviewer: `accessOf` (core/workspace/access.ts), which uses the
 *   `workspace.review` capability below for reviewers;
 * - nobody decides their own request, certificate, proposal or record: checked in each use case.
 */
export const CAPABILITIES = {
  /** Read the requirement matrix as an editor sees it, and the progress of summary refreshes. */
  'matrix.read': ['ld-admin', 'mlog'],
  /** Change topics, local topics and role requirements; recompute everyone's summary. */
  'matrix.edit': ['ld-admin'],
  /** Change people's roles, managers and absences. */
  'people.administer': ['ld-admin'],
  /** Verify or reject certificates learners brought from previous employers. */
  'evidence.verify': ['ld-admin'],
  /** Upload ESR exports and map their competence names. */
  'esr.import': ['ld-admin'],
  /** Read and export the organisation's audit log. */
  'audit.read': ['ld-admin'],
  /** Decide exemption requests (the mandatory learning oversight group). */
  'exemption.decide': ['mlog'],
  /** Decide proposals for local topics. */
  'proposal.decide': ['mlog'],
  /** Read every proposal (the MLOG decide; learning and development run the catalogue). */
  'proposal.read-all': ['mlog', 'ld-admin'],
  /** See the whole organisation's reports, the annual plan and its exports. */
  'reports.organisation': ['ld-admin', 'mlog'],
  /** Edit the annual plan's judgements (time to assess and complete, expected improvement). */
  'annual-plan.edit': ['ld-admin', 'mlog'],
  /** Read every PCN's Learning Organisation application, comment, request changes, run panels (never edit). */
  'workspace.review': ['hub-reviewer'],
  /** Keep the training hub's resource library. */
  'hub.library': ['hub-reviewer', 'ld-admin'],
  /** Present a learning passport on a learner's behalf (their own, everyone may present). */
  'passport.present-for': ['ld-admin'],
  /** Keep the trust list of passport issuers (issuer URL + ODS code); every change is audited. */
  'passport.trust': ['ld-admin'],
  /** Revoke a passport this organisation issued (a record later corrected), and list a learner's passports. */
  'passport.revoke': ['ld-admin'],
} as const satisfies Record<string, readonly Permission[]>;

export type Capability = keyof typeof CAPABILITIES;

export function can(person: Pick<Person, 'permissions'>, capability: Capability): boolean {
  const holders: readonly Permission[] = CAPABILITIES[capability];
  return holders.some((permission) => person.permissions?.includes(permission) ?? false);
}

/** What to tell someone who may not: which group of people can. */
export function whoCan(capability: Capability): string {
  const names: Record<Permission, string> = {
    'ld-admin': 'learning and development administrators',
    mlog: 'members of the mandatory learning oversight group (MLOG)',
    'hub-reviewer': "the training hub's reviewers",
  };
  const holders: readonly Permission[] = CAPABILITIES[capability];
  return holders.map((p) => names[p]).join(' and ');
}
