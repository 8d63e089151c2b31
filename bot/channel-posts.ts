import type { Application, TurnState } from '@microsoft/teams-ai';
import { TurnContext, type CloudAdapter, type ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { PersonRef } from '../core/workspace/model.js';
import type { WorkspaceRepository } from '../core/storage/workspace-repository.js';
import type { ApplicationRecord } from '../core/workspace/application.js';
import type { WorkspaceNotifier } from '../core/workspace/workspace-deps.js';
import type { Clock } from '../core/time/clock.js';
import { todayInLondon } from '../core/time/clock.js';
import { summaryOf } from '../core/workspace/summary.js';
import { sectionDefinition, WORKSPACE_DEFINITIONS } from '../core/workspace/definitions.js';
import type { AdaptiveCard } from './cards/card-types.js';
import { sectionReadyCard, submittedCard } from './cards/workspace-cards.js';
import { statusCodeOf } from './proactive.js';
import { cardActivity } from './send-card.js';

/**
 * Channel posts for Learning Organisation workspaces. Teams lets a bot post in a channel of a team
 * it is installed in; it learns the team's service URL and tenant when it is installed there (a
 * conversationUpdate in the team) or spoken to in a channel. That reference is kept per team; a post
 * to a linked channel uses it with the channel's id as the conversation.
 */
type TeamChannelData = { team?: { id?: string }; channel?: { id?: string }; tenant?: { id?: string } };

/** Remembers each team's conversation reference as the bot sees activities from its channels. */
export function observeChannelInstalls(app: Application<TurnState>, deps: { repo: Pick<WorkspaceRepository, 'saveTeamReference'>; clock: Clock; logger: Logger }): void {
  const known = new Set<string>();
  app.turn('beforeTurn', async (context: TurnContext) => {
    const { conversation, channelData, type } = context.activity;
    const teamId = (channelData as TeamChannelData | undefined)?.team?.id;
    if (conversation?.conversationType !== 'channel' || !teamId) return true;
    // Installation (conversationUpdate) always refreshes it; other channel traffic only the first time this process sees the team.
    if (type !== 'conversationUpdate' && known.has(teamId)) return true;
    try {
      await deps.repo.saveTeamReference(teamId, TurnContext.getConversationReference(context.activity), deps.clock.now());
      known.add(teamId);
    } catch (error) {
      deps.logger.warn({ event: 'workspace.team-reference-failed', status: statusCodeOf(error) }, 'could not store a team reference');
    }
    return true;
  });
}

export type ChannelPostResult = { status: 'sent'; activityId: string } | { status: 'skipped'; reason: string } | { status: 'failed'; statusCode?: number };

export interface ChannelPoster extends WorkspaceNotifier {
  post(app: ApplicationRecord, card: AdaptiveCard): Promise<ChannelPostResult>;
}

export function createChannelPoster(deps: {
  adapter: Pick<CloudAdapter, 'continueConversationAsync'>;
  appId: string | undefined;
  repo: Pick<WorkspaceRepository, 'getTeamReference' | 'applicationForChannel'>;
  clock: Clock;
  logger: Logger;
}): ChannelPoster {
  const post = async (app: ApplicationRecord, card: AdaptiveCard): Promise<ChannelPostResult> => {
    const channel = app.channel;
    if (!channel) return { status: 'skipped', reason: 'no channel linked' };
    // The channel may since have been linked to another application: then it is not this one's to post in.
    if ((await deps.repo.applicationForChannel(channel.channelId)) !== app.id) return { status: 'skipped', reason: 'channel linked elsewhere' };
    const team = (await deps.repo.getTeamReference(channel.teamId)) as Partial<ConversationReference> | undefined;
    if (!team?.serviceUrl) {
      deps.logger.info({ event: 'workspace.channel-post-skipped', appId: app.id }, 'the bot is not installed in the team yet');
      return { status: 'skipped', reason: 'bot not installed in the team' };
    }
    const reference: Partial<ConversationReference> = {
      ...team,
      conversation: { id: channel.channelId, isGroup: true, conversationType: 'channel', name: channel.channelName ?? '', ...(team.conversation?.tenantId ? { tenantId: team.conversation.tenantId } : {}) },
    };
    delete reference.activityId;
    try {
      let activityId = '';
      await deps.adapter.continueConversationAsync(deps.appId ?? '', reference, async (context) => {
        activityId = (await context.sendActivity(cardActivity(card)))?.id ?? '';
      });
      deps.logger.info({ event: 'workspace.channel-posted', appId: app.id }, 'posted in the linked channel');
      return { status: 'sent', activityId };
    } catch (error) {
      const statusCode = statusCodeOf(error);
      deps.logger.warn({ event: 'workspace.channel-post-failed', appId: app.id, status: statusCode }, 'channel post failed');
      return { status: 'failed', ...(statusCode !== undefined ? { statusCode } : {}) };
    }
  };
  const summary = (app: ApplicationRecord) => summaryOf(app, WORKSPACE_DEFINITIONS, todayInLondon(deps.clock));
  return {
    post,
    async sectionReadyForReview(app: ApplicationRecord, sectionId: string, by: PersonRef) {
      const section = sectionDefinition(sectionId);
      if (!section) return;
      const owner = app.sections[sectionId]?.owner;
      const ownerText = [owner?.practiceName, owner?.person?.name].filter(Boolean).join(', ');
      await post(app, sectionReadyCard(summary(app), section, by, ownerText || undefined));
    },
    async submitted(app: ApplicationRecord, by: PersonRef) {
      await post(app, submittedCard(summary(app), by));
    },
  };
}
