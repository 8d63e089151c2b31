import type { ApprovalDeps, RequestRefusal } from '../../core/learning/approvals.js';
import type { Person } from '../../core/people/types.js';
import { formatLocalDate, isLocalDate, londonDateOf } from '../../core/time/local-date.js';
import { z } from 'zod';
import type { TabApiContext } from './register.js';
import { ApiError } from './api-error.js';

/** The approval use cases' dependencies, built exactly as the bot builds them (create-bot.ts). */
export function approvalDeps(context: TabApiContext): ApprovalDeps {
  const { services, config } = context;
  return { ...services.learning, inbox: services.requests, permissionHolders: (permission) => services.directory.holdersOf(permission), policy: config.approvals, auditLog: services.auditLog };
}

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
export const dateSchema = z.string().refine((v) => isLocalDate(v), 'must be a date, YYYY-MM-DD');
export const uuidSchema = z.string().regex(/^[0-9a-f-]{36}$/i, 'not a valid id');

/** "22 Oct 2026 at 14:05" in Europe/London. */
export function when(iso: string): string {
  const date = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(date);
  return `${formatLocalDate(londonDateOf(date))} at ${time}`;
}

/** Names of people by id, each read once per request. */
export function nameReader(context: TabApiContext): (id: string | undefined) => Promise<string | undefined> {
  const cache = new Map<string, Promise<Person | undefined>>();
  return async (id) => {
    if (!id) return undefined;
    if (!cache.has(id)) cache.set(id, context.services.staff.getPerson(id));
    return (await cache.get(id))?.name;
  };
}

/** A request the rules refused, as a 422 whose code names the rule and whose message says what to do. */
export function refusalError(refusal: RequestRefusal, subject: string, kind: 'extension' | 'exemption', supportContact: string): ApiError {
  const say = (message: string) => new ApiError(refusal.kind === 'not-found' ? 404 : 422, refusal.kind, `${message} Nothing was sent.`);
  switch (refusal.kind) {
    case 'not-found':
      return say(`You are not in the staff records. Please contact ${supportContact}.`);
    case 'not-required':
      return say(`${subject} is not required for your current roles, so there is nothing to ${kind === 'extension' ? 'extend' : 'exempt'}.`);
    case 'exempt':
      return say(`You are already exempt from ${subject}.`);
    case 'nothing-due':
      return say(`${subject} does not need renewing, so there is no date to extend.`);
    case 'reason-required':
      return say('A reason is required: say briefly why.');
    case 'not-later':
      return say(`The new date must be after the current due date, ${formatLocalDate(refusal.currentDueDate)}.`);
    case 'too-late':
      return say(`An extension can be at most ${refusal.maxMonths} months past the current due date (${formatLocalDate(refusal.currentDueDate)}): the latest date you can ask for is ${formatLocalDate(refusal.latest)}.`);
    case 'already-open':
      return say(`You already have an open ${kind} request for ${subject}; wait for its decision before asking again.`);
    case 'no-approver':
      return say(kind === 'extension' ? `You have no line manager on record to decide it. Please contact ${supportContact}.` : `No MLOG members are set up to decide it. Please contact ${supportContact}.`);
  }
}
