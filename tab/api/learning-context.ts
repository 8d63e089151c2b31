import type { ApprovalDeps } from '../../core/learning/approvals.js';
import type { Person } from '../../core/people/types.js';
import { formatMoment, isLocalDate } from '../../core/time/local-date.js';
import { z } from 'zod';
import type { TabApiContext } from './register.js';

/** The approval use cases' dependencies: the composition root's, the same the bot uses. */
export function approvalDeps(context: TabApiContext): ApprovalDeps {
  return context.services.approvals;
}

export const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a valid id');
export const dateSchema = z.string().refine((v) => isLocalDate(v), 'must be a date, YYYY-MM-DD');
export const uuidSchema = z.string().regex(/^[0-9a-f-]{36}$/i, 'not a valid id');

/** "22 Oct 2026 at 14:05" in Europe/London. */
export const when = formatMoment;

/** Names of people by id, each read once per request. */
export function nameReader(context: TabApiContext): (id: string | undefined) => Promise<string | undefined> {
  const cache = new Map<string, Promise<Person | undefined>>();
  return async (id) => {
    if (!id) return undefined;
    if (!cache.has(id)) cache.set(id, context.services.staff.getPerson(id));
    return (await cache.get(id))?.name;
  };
}
