import { z } from 'zod';

/**
 * The least an activity must carry for the bot to act on it safely. Anything else is refused at the
 * edge with a 400 that says which field is wrong, before any handler runs.
 */
const ACCOUNT = z.object({ id: z.string().min(1).max(512) }).passthrough();

export const ACTIVITY_SHAPE = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(64),
    serviceUrl: z.string().url().max(2048),
    from: ACCOUNT,
    recipient: ACCOUNT,
    conversation: ACCOUNT,
    text: z.string().max(28_000).optional(),
  })
  .passthrough();

export type ActivityCheck = { ok: true } | { ok: false; error: string };

export function checkActivityShape(body: unknown): ActivityCheck {
  const result = ACTIVITY_SHAPE.safeParse(body);
  if (result.success) return { ok: true };
  const fields = [...new Set(result.error.issues.map((i) => i.path.join('.') || '(body)'))].slice(0, 10);
  return { ok: false, error: `not a valid activity: check ${fields.join(', ')}` };
}
