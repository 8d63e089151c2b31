import { z } from 'zod';

/**
 * The shape of an activity, for every field botbuilder, teams-ai and this bot read: anything of the
 * wrong type is refused at the edge with a 400 that names the field, before any handler runs (a
 * number where botbuilder expects a string would otherwise fail inside the turn). Unknown fields pass.
 */
const text = (max: number) => z.string().max(max);
const id = text(512).min(1);

const ACCOUNT = z
  .object({
    id,
    name: text(512).optional(),
    aadObjectId: text(128).optional(),
    role: text(32).optional(),
  })
  .passthrough();

const CONVERSATION = z
  .object({
    id,
    conversationType: text(32).optional(),
    tenantId: text(128).optional(),
    isGroup: z.boolean().optional(),
    name: text(512).optional(),
  })
  .passthrough();

const REFERENCE = z.object({ id: text(512).optional(), name: text(512).optional(), aadGroupId: text(128).optional() }).passthrough();

const CHANNEL_DATA = z
  .object({
    tenant: z.object({ id: text(128) }).passthrough().optional(),
    eventType: text(64).optional(),
    team: REFERENCE.optional(),
    channel: REFERENCE.optional(),
    settings: z.object({}).passthrough().optional(),
    source: z.object({ name: text(64).optional() }).passthrough().nullable().optional(),
    legacy: z.object({}).passthrough().optional(),
  })
  .passthrough();

const ENTITY = z
  .object({
    type: text(128),
    text: text(1024).optional(),
    mentioned: ACCOUNT.partial({ id: true }).optional(),
  })
  .passthrough();

const ATTACHMENT = z.object({ contentType: text(256), contentUrl: text(2048).optional(), name: text(512).optional() }).passthrough();

/** A card's data or an invoke's value: a JSON object (or nothing). */
const VALUE = z.record(z.unknown()).nullable().optional();

export const ACTIVITY_SHAPE = z
  .object({
    type: text(64).min(1),
    id: text(512).optional(),
    timestamp: text(64).optional(),
    localTimestamp: text(64).optional(),
    localTimezone: text(64).optional(),
    channelId: text(64).min(1),
    serviceUrl: z.string().url().max(2048),
    from: ACCOUNT,
    recipient: ACCOUNT,
    conversation: CONVERSATION,
    text: text(28_000).optional(),
    textFormat: text(32).optional(),
    locale: text(32).optional(),
    replyToId: text(512).optional(),
    name: text(128).optional(),
    value: VALUE,
    valueType: text(256).optional(),
    action: text(64).optional(),
    deliveryMode: text(32).optional(),
    channelData: CHANNEL_DATA.optional(),
    entities: z.array(ENTITY).max(50).optional(),
    attachments: z.array(ATTACHMENT).max(50).optional(),
    membersAdded: z.array(ACCOUNT).max(500).optional(),
    membersRemoved: z.array(ACCOUNT).max(500).optional(),
    relatesTo: z.object({}).passthrough().optional(),
    callerId: text(256).optional(),
  })
  .passthrough();

export type ActivityCheck = { ok: true } | { ok: false; error: string };

export function checkActivityShape(body: unknown): ActivityCheck {
  const result = ACTIVITY_SHAPE.safeParse(body);
  if (result.success) return { ok: true };
  const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 10);
  return { ok: false, error: `not a valid activity: check ${fields.join(', ')}` };
}
