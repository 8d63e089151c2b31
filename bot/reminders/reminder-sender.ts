import type { ConversationReference } from 'botbuilder';
import type { ConnectorPool } from './connector-pool.js';
import type { Logger } from 'pino';
import type { CatalogueSource } from '../../core/learning/ports.js';
import { JOBS_PER_MESSAGE, type QueuedReminder } from '../../core/reminders/planner.js';
import type { ReminderJob } from '../../core/reminders/reminder-job.js';
import type { ReminderSettings } from '../../core/reminders/reminder-settings.js';
import { isWorkingTime, nextWorkingTime } from '../../core/reminders/working-hours.js';
import type { StoredConversation } from '../../core/storage/conversation-repository.js';
import type { DeliveryState } from '../../core/storage/ledger-repository.js';
import type { JsonQueue, QueuedMessage } from '../../core/storage/reminder-queue.js';
import type { Clock } from '../../core/time/clock.js';
import { reminderCard } from '../cards/reminder-cards.js';
import { statusCodeOf } from '../proactive.js';
import { cardActivity } from '../send-card.js';
import { backoffMs, SendPacer } from './rate-limiter.js';

export interface DeadLetter {
  job: ReminderJob;
  reason: string;
  statusCodes: number[];
  at: string;
}

export interface SenderDeps {
  queue: Pick<JsonQueue<QueuedReminder>, 'receive' | 'delete' | 'postpone'>;
  deadLetters: Pick<JsonQueue<DeadLetter>, 'send'>;
  ledger: {
    get(jobId: string): Promise<{ status: DeliveryState } | undefined>;
    record(jobId: string, outcome: { status: DeliveryState; attempts: number; statusCodes: number[]; lastError?: string; sentAt?: string }): Promise<void>;
  };
  conversations: { getPersonal(aadObjectId: string): Promise<StoredConversation | undefined>; markStale(aadObjectId: string, now: Date): Promise<void> };
  connectors: Pick<ConnectorPool, 'send'>;
  catalogue: CatalogueSource;
  clock: Clock;
  settings: ReminderSettings;
  logger: Logger;
  /** How long a received message stays hidden; if its worker dies, it is redelivered after this. */
  visibilityTimeoutSeconds?: number;
  /** Jobs handled at once by this worker (a multiple of the jobs in one queue message). */
  concurrency?: number;
  /** Shared by every sender of a process, so together they keep to the rate. */
  pacer?: SendPacer;
  idleWaitMs?: number;
}

export interface SenderStats {
  sent: number;
  duplicatesSkipped: number;
  stale: number;
  unreachable: number;
  dead: number;
  retries: number;
  postponed: number;
}

function retryAfterMs(error: unknown): number | undefined {
  const headers = (error as { response?: { headers?: { get?(name: string): string | undefined } } }).response?.headers;
  const value = headers?.get?.('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  return Number.isFinite(seconds) ? seconds * 1000 : Math.max(0, Date.parse(value) - Date.now());
}

const RETRYABLE = new Set([412, 429, 500, 502, 503, 504]);

/**
 * A reminder sender: takes jobs off the queue, sends each through botbuilder's Bot Connector client
 * (proactive messaging) to the stored conversation reference, paced to Teams' limits, and records every outcome in the
 * ledger before deleting the message. Only a crash between the connector accepting a message and
 * the ledger recording it can repeat a reminder: that window is the messages in flight.
 */
export class ReminderSender {
  readonly stats: SenderStats = { sent: 0, duplicatesSkipped: 0, stale: 0, unreachable: 0, dead: 0, retries: 0, postponed: 0 };
  private readonly pacer: SendPacer;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();
  private jobsInFlight = 0;
  private readonly references = new Map<string, StoredConversation | null>();

  constructor(private readonly deps: SenderDeps) {
    this.pacer = deps.pacer ?? new SendPacer(deps.settings.globalPerSecond, deps.settings.perConversationPerSecond);
  }

  /** Jobs received and not yet finished: what a crash right now could leave sent but unrecorded. */
  get inFlightCount(): number {
    return this.jobsInFlight;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops taking jobs and waits for the ones in hand. */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.all([...this.inFlight]);
  }

  private async run(): Promise<void> {
    const concurrency = this.deps.concurrency ?? 64;
    const visibility = this.deps.visibilityTimeoutSeconds ?? 300;
    let idle = 0;
    while (this.running) {
      // Room is counted in jobs; a queue message carries up to JOBS_PER_MESSAGE of them.
      const room = concurrency - this.jobsInFlight;
      if (room < JOBS_PER_MESSAGE && this.inFlight.size > 0) {
        await Promise.race(this.inFlight);
        continue;
      }
      let messages: QueuedMessage<QueuedReminder>[] = [];
      try {
        messages = await this.deps.queue.receive(Math.max(1, Math.floor(room / JOBS_PER_MESSAGE)), visibility);
      } catch (error) {
        this.deps.logger.warn({ event: 'reminders.receive-failed', err: { message: (error as Error).message } }, 'queue receive failed');
      }
      if (messages.length === 0) {
        idle = Math.min(idle + 1, 8);
        await new Promise((resolve) => setTimeout(resolve, Math.min(this.deps.idleWaitMs ?? 200, 25 * 2 ** idle)));
        continue;
      }
      idle = 0;
      for (const message of messages) {
        this.jobsInFlight += message.body.jobs.length;
        const work: Promise<void> = this.handle(message)
          .catch((error: unknown) => this.deps.logger.error({ event: 'reminders.batch-failed', err: { message: (error as Error).message } }, 'batch failed; it will be redelivered'))
          .finally(() => {
            this.inFlight.delete(work);
            this.jobsInFlight -= message.body.jobs.length;
          });
        this.inFlight.add(work);
      }
    }
  }

  private async reference(aadObjectId: string): Promise<StoredConversation | undefined> {
    if (this.references.has(aadObjectId)) return this.references.get(aadObjectId) ?? undefined;
    const stored = await this.deps.conversations.getPersonal(aadObjectId);
    if (this.references.size > 100_000) this.references.clear();
    this.references.set(aadObjectId, stored ?? null);
    return stored;
  }

  private async handle(message: QueuedMessage<QueuedReminder>): Promise<void> {
    const now = this.deps.clock.now();
    if (!isWorkingTime(now, this.deps.settings.workingHours)) {
      const at = nextWorkingTime(now, this.deps.settings.workingHours);
      await this.deps.queue.postpone(message, (at.getTime() - now.getTime()) / 1000);
      this.stats.postponed += message.body.jobs.length;
      return;
    }
    // A first delivery of a first enqueue cannot have been sent; anything else checks the ledger.
    const mayBeSent = message.dequeueCount > 1 || message.body.requeued === true;
    await Promise.all(message.body.jobs.map((job) => this.deliver(job, mayBeSent)));
    await this.deps.queue.delete(message);
  }

  private async deliver(job: ReminderJob, mayBeSent: boolean): Promise<void> {
    if (mayBeSent) {
      const entry = await this.deps.ledger.get(job.id);
      if (entry && entry.status !== 'planned') {
        this.stats.duplicatesSkipped++;
        return;
      }
    }
    const conversation = await this.reference(job.aadObjectId);
    if (!conversation || conversation.staleSince) {
      this.stats.unreachable++;
      await this.record(job, { status: 'unreachable', attempts: 0, statusCodes: [], lastError: conversation ? 'conversation marked stale' : 'no conversation with the bot' });
      return;
    }
    const catalogue = await this.deps.catalogue.current();
    const activity = { ...cardActivity(reminderCard(job, catalogue, this.deps.clock)), channelData: { notification: { alert: true }, mlJobId: job.id } };
    const codes: number[] = [];
    for (let attempt = 1; ; attempt++) {
      await this.pacer.take(conversation.conversationId);
      try {
        await this.deps.connectors.send(conversation.reference as Partial<ConversationReference>, activity);
        codes.push(201);
        this.stats.sent++;
        await this.record(job, { status: 'sent', attempts: attempt, statusCodes: codes, sentAt: this.deps.clock.now().toISOString() });
        return;
      } catch (error) {
        const status = statusCodeOf(error) ?? 0;
        codes.push(status);
        if (status === 403 || status === 404) {
          await this.deps.conversations.markStale(job.aadObjectId, this.deps.clock.now());
          this.references.set(job.aadObjectId, { ...conversation, staleSince: this.deps.clock.now().toISOString() });
          this.stats.stale++;
          await this.record(job, { status: 'stale', attempts: attempt, statusCodes: codes, lastError: `Teams answered ${status}: not reachable in Teams` });
          return;
        }
        if (attempt >= this.deps.settings.maxAttempts || (status !== 0 && !RETRYABLE.has(status))) {
          const reason = `gave up after ${attempt} attempts; last answer ${status || (error as Error).message}`;
          this.stats.dead++;
          await this.deps.deadLetters.send({ job, reason, statusCodes: codes, at: this.deps.clock.now().toISOString() });
          await this.record(job, { status: 'dead', attempts: attempt, statusCodes: codes, lastError: reason });
          return;
        }
        this.stats.retries++;
        // 429: this message waits as long as Teams asked; the pacer keeps the rest within the limit.
        const wait = status === 429 ? (retryAfterMs(error) ?? 1000) : backoffMs(attempt);
        await new Promise((resolve) => setTimeout(resolve, wait));
      }
    }
  }

  private async record(job: ReminderJob, outcome: { status: DeliveryState; attempts: number; statusCodes: number[]; lastError?: string; sentAt?: string }): Promise<void> {
    await this.deps.ledger.record(job.id, outcome);
  }
}
