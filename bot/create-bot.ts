import { Application, TeamsAdapter, type TurnState } from '@microsoft/teams-ai';
import { ActivityTypes, CallerIdConstants, ConfigurationServiceClientCredentialFactory, TeamsInfo, TurnContext, type Activity } from 'botbuilder';
import { AuthenticationConstants, type BotFrameworkAuthentication } from 'botframework-connector';
import type { Logger } from 'pino';
import type { LearningDeps } from '../core/learning/ports.js';
import type { CallerIdentity, ProvenCaller } from '../core/people/identify-caller.js';
import type { ConversationRepository } from '../core/storage/conversation-repository.js';
import type { RequestRepository } from '../core/storage/request-repository.js';
import type { TeamRepository } from '../core/storage/team-repository.js';
import type { ApprovalDeps } from '../core/learning/approvals.js';
import { BackgroundWork } from './background.js';
import { registerApprovalInvokes } from './approval-invokes.js';
import { clean } from '../core/text/clean.js';
import { parseAction } from './action-payloads.js';
import { messageCard, notFoundCard } from './cards/message-card.js';
import { ACTION_ROUTES, routeMessage } from './learner-routes.js';
import type { BotPassportServices, LearnerBotServices, LearnerTurn } from './learner-turn.js';
import { productionLanguageModel } from './language/production-model.js';
import { createMessageReader } from './message-reader.js';
import { createMessenger } from './proactive.js';
import { sendCard } from './send-card.js';
import { showWelcome } from './flows/status-flows.js';
import { createLearningNotices } from './learning-notices.js';
import type { LearningNotices } from '../core/learning/learning-notices.js';
import { todayInLondon } from '../core/time/clock.js';

export interface BotIdentityOptions {
  appId: string;
  appPassword?: string;
  appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
  tenantId?: string;
  /**
   * Where the channel's signing keys are published, and the issuer its tokens carry, when they are
   * not the public Azure cloud's (a sovereign cloud, or a test's local key server). Everything else
   * stays the public cloud's.
   */
  channelAuthority?: { openIdMetadataUrl: string; tokenIssuer: string };
}

export interface BotDeps {
  learning: LearningDeps;
  /** Maps the activity's `from.aadObjectId` (and, for a first sign-in only, the member's user name) to a staff id. */
  identify(caller: ProvenCaller): Promise<CallerIdentity | { kind: 'known-id'; staffId: string }>;
  conversations: Pick<ConversationRepository, 'savePersonal' | 'getPersonal' | 'markStale'>;
  requests: Pick<RequestRepository, 'rememberCard' | 'deliveredCards' | 'inbox' | 'addToInbox' | 'markInboxDecided'>;
  teams: Pick<TeamRepository, 'listTeam' | 'isInTeam'>;
  /** The approval use cases' dependencies, from the composition root (the tab uses the same). */
  approvals: ApprovalDeps;
  logger: Logger;
  organisationName: string;
  supportContact: string;
  /** Undefined only in development mode: then requests are not authenticated (the Playground sends none). */
  identity: BotIdentityOptions | undefined;
  /** Learning passports: issue, share and present one in chat. */
  passport: BotPassportServices;
}

export interface Bot {
  adapter: TeamsAdapter;
  app: Application<TurnState>;
  /** Work started after replies (card updates, notices); a graceful stop waits for it. */
  background: BackgroundWork;
  /** Why the channel's token is not good enough (a short reason, no token text), or undefined when it is. */
  refusesToken(activity: unknown, authorization: string): Promise<string | undefined>;
  /** Approval cards, card updates and notices for actions taken in the tab (the same as from a card). */
  notices: LearningNotices;
}

export function createAdapter(identity: BotIdentityOptions | undefined): TeamsAdapter {
  if (!identity) return new TeamsAdapter({});
  const settings = {
    MicrosoftAppId: identity.appId,
    MicrosoftAppPassword: identity.appPassword,
    MicrosoftAppType: identity.appType,
    MicrosoftAppTenantId: identity.tenantId,
    // Setting any of these makes botbuilder take all of them as given: the public cloud's, but for the two overridden.
    ...(identity.channelAuthority
      ? {
          ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
          ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
          OAuthUrl: AuthenticationConstants.OAuthUrl,
          ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
          CallerId: CallerIdConstants.PublicAzureChannel,
          ValidateAuthority: true,
          ToBotFromChannelOpenIdMetadataUrl: identity.channelAuthority.openIdMetadataUrl,
          ToBotFromChannelTokenIssuer: identity.channelAuthority.tokenIssuer,
        }
      : {}),
  };
  return new TeamsAdapter(settings, new ConfigurationServiceClientCredentialFactory(settings));
}

/**
 * The Teams bot: a teams-ai Application whose handlers identify the caller on the server, route a
 * card action by its verb or a message by what it means, and call one flow. Nothing a card sends
 * back is trusted beyond an id.
 */
export function createBot(deps: BotDeps): Bot {
  const adapter = createAdapter(deps.identity);
  const app = new Application<TurnState>({
    adapter,
    ...(deps.identity ? { botAppId: deps.identity.appId } : {}),
    removeRecipientMention: true,
    startTypingTimer: false,
    longRunningMessages: false,
  });
  const background = new BackgroundWork(deps.logger);
  // Trained once, now, from the corpus (about a second); a message arriving before it is ready waits for it.
  const languageStarted = performance.now();
  const language = productionLanguageModel();
  language.then(
    () => deps.logger.info({ event: 'bot.language-ready', ms: Math.round(performance.now() - languageStarted) }, 'language model trained'),
    (error: unknown) => deps.logger.error({ event: 'bot.language-failed', err: { message: (error as Error).message } }, 'language model failed to train'),
  );
  const services: LearnerBotServices = {
    learning: deps.learning,
    approvals: deps.approvals,
    requests: deps.requests,
    teams: deps.teams,
    messenger: createMessenger({ adapter, appId: deps.identity?.appId, conversations: deps.conversations, clock: deps.learning.clock, logger: deps.logger }),
    reader: createMessageReader({ model: language, catalogue: deps.learning.catalogue, clock: deps.learning.clock, teams: deps.teams, logger: deps.logger }),
    background,
    logger: deps.logger,
    organisationName: deps.organisationName,
    supportContact: deps.supportContact,
    passport: deps.passport,
  };

  /**
   * The caller's staff id, on `from.aadObjectId` (the channel vouches for it) and the tenant. Only when
   * that object id is not linked to anyone yet is Teams asked for the member's user name, which may
   * link a record that has no object id (once: see core/people/identify-caller.ts).
   */
  const staffIdOf = async (context: TurnContext): Promise<string | undefined> => {
    const { from, conversation, channelData } = context.activity;
    if (!from?.aadObjectId) return undefined;
    const tenantId = conversation?.tenantId ?? (channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    const caller: ProvenCaller = { aadObjectId: from.aadObjectId, ...(tenantId ? { tenantId } : {}), via: 'bot' };
    let identity = await deps.identify(caller);
    if (identity.kind === 'unknown') {
      const member = await Promise.race([TeamsInfo.getMember(context, from.id).catch(() => undefined), new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 2000).unref())]);
      const userName = member?.userPrincipalName ?? member?.email;
      if (userName) identity = await deps.identify({ ...caller, userName });
    }
    if (identity.kind === 'known-id') return identity.staffId;
    return identity.kind === 'known' || identity.kind === 'bound' ? identity.person.id : undefined;
  };

  /** Keeps the personal chat's reference for proactive messages; never holds up the reply. */
  const rememberConversation = async (context: TurnContext): Promise<void> => {
    const { from, conversation, serviceUrl } = context.activity;
    if (!from?.aadObjectId || conversation?.conversationType !== 'personal' || !serviceUrl) return;
    try {
      await deps.conversations.savePersonal(from.aadObjectId, conversation.id, serviceUrl, TurnContext.getConversationReference(context.activity), deps.learning.clock.now());
    } catch (error) {
      deps.logger.warn({ event: 'bot.reference-save-failed', err: { message: (error as Error).message } }, 'could not store conversation reference');
    }
  };

  const learnerTurn = async (context: TurnContext): Promise<LearnerTurn | undefined> => {
    const staffId = await staffIdOf(context);
    if (!staffId) {
      deps.logger.info({ event: 'bot.caller-not-found' }, 'caller not found among staff');
      await sendCard(context, notFoundCard(deps.supportContact));
      return undefined;
    }
    return { context, staffId, services };
  };

  app.conversationUpdate('membersAdded', async (context) => {
    const saving = rememberConversation(context);
    const botId = context.activity.recipient?.id;
    if ((context.activity.membersAdded ?? []).some((member) => member.id === botId)) {
      const turn = await learnerTurn(context);
      if (turn) await showWelcome(turn);
    }
    await saving;
  });

  app.activity(ActivityTypes.InstallationUpdate, async (context) => {
    await rememberConversation(context);
  });

  app.activity(ActivityTypes.Message, async (context) => {
    const saving = rememberConversation(context);
    const value = context.activity.value as unknown;
    const turn = await learnerTurn(context);
    if (turn) {
      if (value !== undefined && value !== null && !(context.activity.text ?? '').trim()) {
        const action = parseAction(value);
        if (!action.ok) {
          deps.logger.warn({ event: 'bot.action-refused', staffId: turn.staffId, reason: clean(action.error) }, 'card action refused');
          await sendCard(context, messageCard("That didn't work", [action.error], { tone: 'warning' }));
        } else {
          await ACTION_ROUTES[action.verb](turn, action.payload as never);
        }
      } else {
        await routeMessage(turn, await services.reader.read(turn.staffId, context.activity.text ?? ''));
      }
    }
    await saving;
  });

  registerApprovalInvokes(app, services, staffIdOf);

  // Any invoke no handler above knows (an unknown verb, a forged name): a 400 in the Universal
  // Actions error shape, instead of botbuilder's 501 for an unanswered invoke.
  app.activity(ActivityTypes.Invoke, async (context) => {
    const name = String(context.activity.name ?? '');
    // The name is caller-controlled: logged only when it looks like an invoke name, never as free text.
    deps.logger.info({ event: 'bot.unknown-invoke', name: /^[A-Za-z][A-Za-z/-]{0,40}$/.test(name) ? name : '(not an invoke name)' }, 'unknown invoke refused');
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 400, body: { statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest', message: 'This button is not one I know: it may be from an older card. Say "help" to see what I can do.' } } },
    });
  });

  app.error(async (context, error) => {
    deps.logger.error({ event: 'bot.turn-failed', err: { name: error.name, message: error.message, stack: error.stack }, activityType: context.activity.type }, 'turn failed');
    await context.sendActivity('Sorry, something went wrong on our side. Please try again in a minute.').catch(() => undefined);
  });

  const authentication = (adapter as unknown as { botFrameworkAuthentication: BotFrameworkAuthentication }).botFrameworkAuthentication;
  const refusesToken = async (activity: unknown, authorization: string): Promise<string | undefined> => {
    try {
      await authentication.authenticateRequest(activity as Activity, authorization);
      return undefined;
    } catch (error) {
      return error instanceof Error ? error.name : 'invalid token';
    }
  };
  return { adapter, app, background, notices: createLearningNotices(services), refusesToken };
}
