import { ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory, TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { AuthenticationConstants, ClaimsIdentity, type BotFrameworkAuthentication, type ConnectorClient } from 'botframework-connector';
import type { BotIdentityOptions } from '../create-bot.js';

/**
 * Proactive sends at volume: botbuilder's own Bot Connector client, authenticated as the bot, made
 * once per service URL and reused — where `continueConversationAsync` builds a connector client,
 * a token client and a turn for every message. The activity is addressed from the stored
 * conversation reference exactly as a turn would address it.
 *
 * The client's own retry policy is taken out: the sender retries itself, so that every 429 slows the
 * shared pacer (honouring Retry-After for everyone, not one request), and the ledger records every
 * attempt and status code.
 */
export class ConnectorPool {
  private readonly auth: BotFrameworkAuthentication;
  private readonly identity: ClaimsIdentity;
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  constructor(bot: BotIdentityOptions | undefined) {
    const settings = bot
      ? { MicrosoftAppId: bot.appId, MicrosoftAppPassword: bot.appPassword, MicrosoftAppType: bot.appType, MicrosoftAppTenantId: bot.tenantId }
      : {};
    this.auth = new ConfigurationBotFrameworkAuthentication(settings, bot ? new ConfigurationServiceClientCredentialFactory(settings) : undefined);
    const appId = bot?.appId ?? '';
    this.identity = new ClaimsIdentity(
      [
        { type: AuthenticationConstants.AudienceClaim, value: appId },
        { type: AuthenticationConstants.AppIdClaim, value: appId },
      ],
      true,
    );
  }

  private client(serviceUrl: string): Promise<ConnectorClient> {
    let client = this.clients.get(serviceUrl);
    if (!client) {
      client = this.auth
        .createConnectorFactory(this.identity)
        .create(serviceUrl, AuthenticationConstants.ToChannelFromBotOAuthScope)
        .then((created) => withoutBuiltInRetries(created));
      client.catch(() => this.clients.delete(serviceUrl));
      this.clients.set(serviceUrl, client);
    }
    return client;
  }

  /** Sends a new message into the conversation of a stored reference; resolves with the new activity id. */
  async send(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined> {
    if (!reference.serviceUrl || !reference.conversation?.id) throw new Error('the conversation reference has no service URL or conversation');
    const addressed = TurnContext.applyConversationReference({ ...activity, type: activity.type ?? 'message' }, reference) as Activity;
    delete (addressed as Partial<Activity>).replyToId;
    const client = await this.client(reference.serviceUrl);
    const response = await client.conversations.sendToConversation(reference.conversation.id, addressed);
    return response.id;
  }
}

/** Removes @azure/core-rest-pipeline's default retry policy from a botframework-connector client. */
function withoutBuiltInRetries(client: ConnectorClient): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: { removePolicy(options: { name: string }): unknown } } }).client?.pipeline;
  pipeline?.removePolicy({ name: 'defaultRetryPolicy' });
  return client;
}
