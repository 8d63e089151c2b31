import type { CloudAdapter, ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { ConversationRepository } from '../core/storage/conversation-repository.js';
import type { Clock } from '../core/time/clock.js';
import type { NotifyPerson } from './learner-turn.js';
import { cardActivity } from './send-card.js';

export function statusCodeOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as { statusCode?: number; status?: number; response?: { status?: number } };
  return e.statusCode ?? e.status ?? e.response?.status;
}

/**
 * Sends a card to a person's personal chat with the bot, from their stored conversation reference.
 * A 403/404 from Teams (app removed, chat gone) marks the reference stale. The reminders issue adds
 * queued, rate-limited, ledgered delivery on top; this is the direct path for one-off notices.
 */
export function createNotifier(deps: {
  adapter: CloudAdapter;
  appId: string | undefined;
  conversations: Pick<ConversationRepository, 'getPersonal' | 'markStale'>;
  clock: Clock;
  logger: Logger;
}): NotifyPerson {
  return async (person, card) => {
    if (!person.aadObjectId) return 'unreachable';
    const stored = await deps.conversations.getPersonal(person.aadObjectId);
    if (!stored || stored.staleSince) return 'unreachable';
    try {
      await deps.adapter.continueConversationAsync(deps.appId ?? '', stored.reference as Partial<ConversationReference>, async (context) => {
        await context.sendActivity(cardActivity(card));
      });
      return 'sent';
    } catch (error) {
      const status = statusCodeOf(error);
      if (status === 403 || status === 404) {
        await deps.conversations.markStale(person.aadObjectId, deps.clock.now());
        deps.logger.info({ event: 'proactive.stale', staffId: person.id, status }, 'conversation reference marked stale');
      } else {
        deps.logger.warn({ event: 'proactive.failed', staffId: person.id, status }, 'proactive send failed');
      }
      return 'unreachable';
    }
  };
}
