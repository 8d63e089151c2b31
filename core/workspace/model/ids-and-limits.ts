/** Ids, limits and fixed figures of the Learning Organisation workspace. */

/** Application, thread, resource and client ids: letters, digits, `-` and `_`. */
export const ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
/** Field ids are `<sectionId>.<fieldKey>`, e.g. `eqf-1.culture-narrative`. */
export const FIELD_ID_PATTERN = /^[a-z0-9-]{1,40}\.[a-z0-9-]{1,60}$/;
/** A field holds at least 200,000 characters; the server accepts up to this many. */
export const MAX_FIELD_CHARS = 300_000;
/** The date all Learning Organisation approvals are due by ("by April 2028"): the countdown runs to this day. */
export const APPROVAL_DEADLINE = '2028-04-01';
export const MIN_PANEL_MEMBERS = 3;
export const FORBIDDEN_MESSAGE = 'You do not have access to this workspace.';
