import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRepository } from '../core/storage/conversation-repository.js';
import type { Person } from '../core/people/types.js';
import type { Clock } from '../core/time/clock.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { cardActivity } from './send-card.js';

export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } };
  return e.statusCode ?? e.status ?? e.response?.status;
}

/** A card delivered to someone's personal chat, which can later be updated in place. */
export interface Delivered {
  activityId: string;
  reference: Partial<ConversationReference>;
}

export type DeliveryResult = { status: 'sent'; delivered: Delivered } | { status: 'unreachable' };

export interface Messenger {
  /** Sends a card to a person's personal chat with the bot, from their stored conversation reference. */
  send(person: Person, card: AdaptiveCard): Promise<DeliveryResult>;
  /** Replaces a card sent earlier (so a decided request shows no live buttons anywhere). */
  update(delivered: Delivered, card: AdaptiveCard): Promise<boolean>;
}

/**
 * Direct proactive messages for one-off notices (requests, decisions). A 403/404 from Teams (app
 * removed, chat gone) marks the reference stale. The reminders issue adds queued, rate-limited,
 * ledgered delivery for bulk sends.
 */
export function createMessenger(deps: {
  adapter: CloudAdapter;
  appId: string | undefined;
  conversations: Pick<ConversationRepository, 'getPersonal' | 'markStale'>;
  clock: Clock;
  logger: Logger;
}): Messenger {
  return {
    async send(person, card) {
      if (!person.aadObjectId) return { status: 'unreachable' };
      const stored = await deps.conversations.getPersonal(person.aadObjectId);
      if (!stored || stored.staleSince) return { status: 'unreachable' };
      const reference = stored.reference as Partial<ConversationReference>;
      try {
        let activityId = '';
        await deps.adapter.continueConversationAsync(deps.appId ?? '', reference, async (context) => {
          activityId = (await context.sendActivity(cardActivity(card)))?.id ?? '';
        });
        return { status: 'sent', delivered: { activityId, reference } };
      } catch (error) {
        const status = statusCodeOf(error);
        if (status === 403 || status === 404) {
          await deps.conversations.markStale(person.aadObjectId, deps.clock.now());
          deps.logger.info({ event: 'proactive.stale', staffId: person.id, status }, 'conversation reference marked stale');
        } else {
          deps.logger.warn({ event: 'proactive.failed', staffId: person.id, status }, 'proactive send failed');
        }
        return { status: 'unreachable' };
      }
    },
    async update(delivered, card) {
      if (!delivered.activityId) return false;
      try {
        await deps.adapter.continueConversationAsync(deps.appId ?? '', delivered.reference, async (context) => {
          await context.updateActivity({ ...cardActivity(card), id: delivered.activityId });
        });
        return true;
      } catch (error) {
        deps.logger.warn({ event: 'proactive.update-failed', status: statusCodeOf(error) }, 'could not update a card');
        return false;
      }
    },
  };
}
