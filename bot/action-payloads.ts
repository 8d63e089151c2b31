import { z } from 'zod';
import { COMPLETION_METHODS } from '../core/learning/types.js';
import { parseLocalDate, type LocalDate } from '../core/time/local-date.js';
import { VERBS } from './cards/verbs.js';
import { INTENTS } from './language/intents.js';

/**
 * What each card action may carry. Everything is checked here, at the edge: an unknown verb, a
 * missing field or a value of the wrong shape is refused with a message naming the field, before
 * any use case runs. Ids are only ids: the server reloads what they point to.
 */
const id = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'not a known id');
const date = z
  .string()
  .refine((v) => parseLocalDate(v) !== undefined, 'not a real date (YYYY-MM-DD)')
  .transform((v) => v as LocalDate);
const rating = z.coerce.number().int().min(1).max(5);
const level = z.coerce.number().int().min(1).max(9);
/** The longest passport (a link, or the credential pasted whole) a "Try again" button carries. */
export const MAX_RETRY_TEXT = 12_000;
const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

export const ACTION_PAYLOADS = {
  [VERBS.whatsDue]: z.object({ verb: z.literal(VERBS.whatsDue), page: z.coerce.number().int().min(1).max(1000).optional() }),
  [VERBS.help]: z.object({ verb: z.literal(VERBS.help) }),
  [VERBS.recordForm]: z.object({
    verb: z.literal(VERBS.recordForm),
    subjectId: id.optional(),
    level: level.optional(),
    completedOn: date.optional(),
    method: z.enum(COMPLETION_METHODS).optional(),
  }),
  /** `level` only when the learner chose one (the level question); otherwise the level their roles need. */
  [VERBS.recordSubmit]: z.object({ verb: z.literal(VERBS.recordSubmit), subjectId: id, level: level.optional(), method: z.enum(COMPLETION_METHODS), completedOn: date }),
  [VERBS.certificateForm]: z.object({ verb: z.literal(VERBS.certificateForm) }),
  [VERBS.certificateSubmit]: z.object({
    verb: z.literal(VERBS.certificateSubmit),
    topicId: id,
    completedOn: date,
    employer: z.string().trim().min(2, 'name the previous employer').max(200),
    reference: optionalText(100),
    fileUrl: optionalText(2000).refine((v) => v === undefined || /^https:\/\/[^\s]+$/i.test(v), 'the link must start with https://'),
  }),
  [VERBS.feedbackSubmit]: z.object({ verb: z.literal(VERBS.feedbackSubmit), subjectId: id, relevance: rating, accessibility: rating, effectiveness: rating, comment: optionalText(1000) }),
  [VERBS.extensionForm]: z.object({ verb: z.literal(VERBS.extensionForm) }),
  [VERBS.exemptionForm]: z.object({ verb: z.literal(VERBS.exemptionForm) }),
  [VERBS.extensionSubmit]: z.object({ verb: z.literal(VERBS.extensionSubmit), subjectId: id, requestedDate: date, reason: z.string().max(500) }),
  [VERBS.exemptionSubmit]: z.object({ verb: z.literal(VERBS.exemptionSubmit), subjectId: id, reason: z.string().max(1000) }),
  [VERBS.teamPage]: z.object({
    verb: z.literal(VERBS.teamPage),
    page: z.coerce.number().int().min(1).max(1000),
    filter: z.enum(['all', 'overdue', 'due-soon', 'not-done']),
    subjects: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,63}(?:,[a-z0-9][a-z0-9-]{0,63}){0,11}$/, 'not a list of ids')
      .optional()
      .transform((v) => (v ? v.split(',') : [])),
  }),
  [VERBS.pendingRequests]: z.object({ verb: z.literal(VERBS.pendingRequests) }),
  [VERBS.dnaForm]: z.object({ verb: z.literal(VERBS.dnaForm) }),
  [VERBS.dnaSubmit]: z.object({
    verb: z.literal(VERBS.dnaSubmit),
    staffId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a staff id'),
    subjectId: id,
    sessionDate: date,
    reason: z.string().trim().min(2, 'give the reason').max(500),
    plan: optionalText(500),
  }),
  [VERBS.chooseMeaning]: z.object({ verb: z.literal(VERBS.chooseMeaning), intent: z.enum(INTENTS), text: z.string().min(1).max(1000) }),
  [VERBS.choosePerson]: z.object({
    verb: z.literal(VERBS.choosePerson),
    intent: z.enum(INTENTS),
    staffId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a staff id'),
    text: z.string().min(1).max(1000),
  }),
  [VERBS.passport]: z.object({ verb: z.literal(VERBS.passport) }),
  [VERBS.passportShare]: z.object({ verb: z.literal(VERBS.passportShare), passportId: z.string().regex(/^[0-9a-f-]{36}$/, 'not a passport id') }),
  /** What the learner pasted, sent back as it was: verified again from the start, trusted no more than a new message. */
  [VERBS.passportRetry]: z.object({ verb: z.literal(VERBS.passportRetry), text: z.string().trim().min(1).max(MAX_RETRY_TEXT) }),
  /** The Action.Submit fallback of Approve/Decline, for clients without Universal Actions. */
  [VERBS.decide]: z.object({
    verb: z.literal(VERBS.decide),
    kind: z.enum(['extension', 'exemption']),
    requestId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a request id'),
    learnerId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a staff id'),
    decision: z.enum(['approve', 'decline']),
    comment: optionalText(500),
  }),
} as const;

export type ActionPayloads = { [K in keyof typeof ACTION_PAYLOADS]: z.infer<(typeof ACTION_PAYLOADS)[K]> };
export type KnownVerb = keyof typeof ACTION_PAYLOADS;

export type ParsedAction = { ok: true; verb: KnownVerb; payload: ActionPayloads[KnownVerb] } | { ok: false; error: string };

export function parseAction(value: unknown): ParsedAction {
  if (typeof value !== 'object' || value === null || typeof (value as { verb?: unknown }).verb !== 'string') {
    return { ok: false, error: 'That button sent nothing I recognise.' };
  }
  const verb = (value as { verb: string }).verb;
  if (!Object.hasOwn(ACTION_PAYLOADS, verb)) return { ok: false, error: 'That button is not one of mine, or is out of date.' };
  const schema = ACTION_PAYLOADS[verb as KnownVerb];
  const result = schema.safeParse(value);
  if (!result.success) {
    const fields = [...new Set(result.error.issues.map((i) => `${i.path.join('.') || 'form'}: ${i.message}`))];
    return { ok: false, error: `Some of the form was not right (${fields.join('; ')}). Nothing was saved; please try again.` };
  }
  return { ok: true, verb: verb as KnownVerb, payload: result.data };
}
