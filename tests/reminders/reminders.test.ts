import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import pino from 'pino';
import { ConnectorPool } from '../../bot/reminders/connector-pool.js';
import { ReminderSender } from '../../bot/reminders/reminder-sender.js';
import { runPlanner } from '../../core/reminders/planner.js';
import { runDelivery } from '../../core/reminders/run-report.js';
import { fixedClock } from '../../core/time/clock.js';
import { environmentWith } from '../../server/config.js';
import { createSender, plannerDeps } from '../../server/reminders.js';
import type { Services } from '../../server/services.js';
import { cardsOf, cardText, expectValidCard } from '../support/card-validator.js';
import { startLimitedConnector, type LimitedConnector } from '../../scripts/support/limited-connector.js';
import { aadOf, configEnv, conversationIdOf, reminderConfig, seedReminderPeople } from '../support/reminder-fixture.js';

const run = promisify(execFile);
const silent = pino({ level: 'silent' });

async function until(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('reminders: planned once, sent at least once, never twice without a crash', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function connector(options: Parameters<typeof startLimitedConnector>[0]): Promise<LimitedConnector> {
    const c = await startLimitedConnector(options);
    cleanup.push(() => c.close());
    return c;
  }

  function sender(config: ReturnType<typeof reminderConfig>, services: Services): ReminderSender {
    const s = createSender(config, services, new ConnectorPool(undefined), silent);
    s.start();
    cleanup.push(() => s.stop());
    return s;
  }

  it('when the planner runs twice, and on two instances at once, then each job is planned and queued once', async () => {
    const config = reminderConfig();
    const c = await connector({});
    const services = await seedReminderPeople(config, c.serviceUrl, 120, 3);
    const deps = plannerDeps(config, services);
    const [a, b] = await Promise.all([runPlanner(deps, { holder: 'instance-a' }), runPlanner(plannerDeps(config, services), { holder: 'instance-b' })]);
    const ran = [a, b].filter((o) => o.kind === 'ran');
    const planned = ran.reduce((sum, o) => sum + (o.kind === 'ran' ? o.report.planned : 0), 0);
    expect(planned).toBe(360);
    const again = await runPlanner(deps, { holder: 'instance-a' });
    expect(again).toMatchObject({ kind: 'ran', report: { planned: 0, alreadyPlanned: 360, requeued: 0 } });
    expect(await services.reminderQueue.approximateCount()).toBe(Math.ceil(360 / 20));
    const reports = await services.runs.recent();
    expect(reports.length).toBe(ran.length + 1);
  });

  it('when the lease holder dies without releasing, then no other instance plans until the lease expires', async () => {
    const config = reminderConfig();
    const services = await seedReminderPeople(config, 'http://127.0.0.1:9/', 1, 1);
    expect(await services.leases.acquire('reminder-planner', 'dead-instance', 60_000)).toBe(true);
    expect(await runPlanner(plannerDeps(config, services), { holder: 'live-instance' })).toEqual({ kind: 'not-leader' });
    expect(await services.leases.acquire('reminder-planner', 'live-instance', 60_000, Date.now() + 61_000)).toBe(true);
  });

  it('when senders deliver through a connector that limits, fails and forgets conversations, then every reachable reminder arrives and the ledger says what happened', async () => {
    const config = reminderConfig({ SEND_RATE_PER_SECOND: '100' });
    const gone = new Set([conversationIdOf(3), conversationIdOf(7)]);
    const c = await connector({ globalPerSecond: 100, failureRate: 0.05, goneConversations: gone, seed: 7 });
    const services = await seedReminderPeople(config, c.serviceUrl, 60, 4);
    const outcome = await runPlanner(plannerDeps(config, services), { holder: 'planner' });
    if (outcome.kind !== 'ran') throw new Error('not leader');
    const jobs = outcome.jobs;
    expect(jobs).toHaveLength(240);
    sender(config, services);
    sender(config, services);
    const reachable = jobs.filter((j) => !gone.has(conversationIdOf(Number(j.staffId.slice(1)))));
    await until(() => c.missing(reachable.map((j) => j.id)).length === 0, 30_000);
    await until(async () => (await services.ledger.listRun(outcome.report.runId)).every((e) => e.status !== 'planned'), 10_000);

    expect(c.duplicates()).toEqual([]);
    // A gone conversation's first send is answered 404 (stale); a later job for the same person is either
    // sent and answered 404 too, or, once a sender has seen the conversation marked stale, not sent at
    // all (skipped): which depends on how the two senders' batches interleave.
    const delivery = await runDelivery(outcome.report, services.ledger);
    expect(delivery).toMatchObject({ planned: 240, sent: reachable.length, failed: 0, waiting: 0 });
    expect(delivery.stale + delivery.skipped).toBe(240 - reachable.length);
    expect(delivery.stale).toBeGreaterThanOrEqual(gone.size);
    const ledger = await services.ledger.listRun(outcome.report.runId);
    expect(ledger.filter((e) => e.status === 'sent')).toHaveLength(reachable.length);
    expect(ledger.filter((e) => e.status === 'stale' || e.status === 'unreachable')).toHaveLength(jobs.length - reachable.length);
    expect(ledger.filter((e) => e.status === 'unreachable').every((e) => e.lastError === 'conversation marked stale')).toBe(true);
    expect(ledger.find((e) => e.status === 'stale')).toMatchObject({ statusCodes: '404', lastError: expect.stringContaining('not reachable in Teams') });
    expect((await services.conversations.getPersonal(aadOf(3)))?.staleSince).toBeDefined();

    const first = c.accepted[0]!;
    const card = cardsOf(first.activity as never)[0]!;
    expectValidCard(card);
    expect(cardText(card)).toMatch(/is due in 10 days/);
    expect(cardText(card)).toContain('Ask for an extension');
  });

  it('when the connector keeps failing, then the job is dead-lettered with the reason after the configured attempts', async () => {
    const config = reminderConfig({ REMINDER_MAX_ATTEMPTS: '1' });
    const c = await connector({ failureRate: 1 });
    const services = await seedReminderPeople(config, c.serviceUrl, 1, 1);
    const outcome = await runPlanner(plannerDeps(config, services), { holder: 'planner' });
    if (outcome.kind !== 'ran') throw new Error('not leader');
    sender(config, services);
    await until(async () => (await services.ledger.get(outcome.jobs[0]!.id))?.status === 'dead', 20_000);
    const entry = await services.ledger.get(outcome.jobs[0]!.id);
    expect(entry?.lastError).toMatch(/gave up after 1 attempts; last answer 5\d\d/);
    const [dead] = await services.deadLetters.receive(1, 30);
    expect(dead?.body).toMatchObject({ job: { id: outcome.jobs[0]!.id }, reason: expect.stringContaining('gave up') });
    expect(c.accepted).toHaveLength(0);
  });

  it('when it is outside working hours, then the reminder waits and nothing is sent', async () => {
    const config = reminderConfig({ WORKING_DAYS: '1,2,3,4,5', WORKING_HOURS: '08:00-18:00' });
    const c = await connector({});
    const saturday = fixedClock('2026-11-21T12:00:00Z');
    const services = await seedReminderPeople(config, c.serviceUrl, 3, 1, saturday);
    const outcome = await runPlanner(plannerDeps(config, services), { holder: 'planner' });
    expect(outcome).toMatchObject({ kind: 'ran', report: { planned: 3 } });
    // Planned at the weekend, the messages stay invisible until Monday 08:00.
    expect(await services.reminderQueue.receive(32, 1)).toEqual([]);
    expect(c.accepted).toHaveLength(0);
  });

  it('when `npm run remind -- --dry-run` runs, then it prints what would be sent and plans nothing', async () => {
    const config = reminderConfig();
    const services = await seedReminderPeople(config, 'http://127.0.0.1:9/', 5, 2);
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'server/cli/remind.ts', '--dry-run'], { env: environmentWith(configEnv(config)) as NodeJS.ProcessEnv });
    expect(stdout).toContain('Would plan 10 reminders (10 due)');
    expect(stdout).toMatch(/due\s+R000000 Fire Safety: due \d{4}-\d{2}-\d{2} \(threshold 14\)/);
    expect(await services.reminderQueue.approximateCount()).toBe(0);
    expect(await runPlanner(plannerDeps(config, services), { holder: 'x' })).toMatchObject({ report: { planned: 10 } });
  });
});
