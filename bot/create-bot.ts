import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, ConfigurationServiceClientCredentialFactory, type TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { LearningDeps } from '../core/learning/ports.js';
import { whatsDue } from '../core/learning/whats-due.js';
import { resolveStaffId, type DirectoryLookup } from '../core/people/resolve-caller.js';
import { recogniseIntent } from './intents.js';
import { helpText, notFoundText, unknownText } from './replies/help-text.js';
import { whatsDueText } from './replies/whats-due-text.js';

export interface BotIdentityOptions {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
}

export interface BotDeps {
  learning: LearningDeps;
  directory: DirectoryLookup;
  logger: Logger;
  supportContact: string;
  /** Undefined only in development mode: then requests are not authenticated (the Playground sends none). */
  identity: BotIdentityOptions | undefined;
}

export interface Bot {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
}

export function createAdapter(identity: BotIdentityOptions | undefined): TeamsAdapter {
  if (!identity) return new TeamsAdapter({});
  const settings = {
    MicrosoftAppId: identity.appId,
    MicrosoftAppPassword: identity.appPassword,
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.tenantId,
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

/** The Teams bot: a teams-ai Application whose handlers parse the turn, call one use case and reply. */
export function createBot(deps: BotDeps): Bot {
  const adapter = createAdapter(deps.identity);
  const app = new Application<TurnState>({
    adapter,
    ...(deps.identity ? { botAppId: deps.identity.appId } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });

  const staffIdOf = (context: TurnContext) =>
    resolveStaffId(deps.directory, { aadObjectId: context.activity.from?.aadObjectId });

  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    // Greet once, when the bot itself joins the conversation.
    if (added.some((member) => member.id === botId)) await context.sendActivity(helpText());
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const intent = recogniseIntent(context.activity.text ?? '');
    if (intent.kind === 'help') {
      await context.sendActivity(helpText());
      return;
    }
    if (intent.kind === 'unknown') {
      await context.sendActivity(unknownText());
      return;
    }
    const staffId = await staffIdOf(context);
    if (!staffId) {
      deps.logger.info({ event: 'bot.caller-not-found' }, 'caller not found among staff');
      await context.sendActivity(notFoundText(deps.supportContact));
      return;
    }
    const result = await whatsDue(deps.learning, staffId);
    if (result.kind === 'not-found') {
      await context.sendActivity(notFoundText(deps.supportContact));
      return;
    }
    await context.sendActivity(whatsDueText(result.person, result.compliance, result.catalogue));
  });

  app.error(async (context, error) => {
    deps.logger.error({ event: 'bot.turn-failed', err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    await context.sendActivity('Sorry, something went wrong on our side. Please try again in a minute.').catch(() => undefined);
  });

  return { adapter, app };
}
