import http from 'node:http';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { PLANNER_LEASE, runPlanner } from '../../core/reminders/planner.js';
import { systemClock, todayInLondon } from '../../core/time/clock.js';
import { addDays, type LocalDate } from '../../core/time/local-date.js';
import { startLimitedConnector, type LimitedConnector } from '../../scripts/support/limited-connector.js';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { plannerDeps } from '../../server/reminders.js';
import type { Services } from '../../server/services.js';
import { messageActivity, submitActivity, type TeamsUser } from '../support/activities.js';
import { cardsOf, cardText } from '../support/card-validator.js';
import { configEnv, seedReminderPeople } from '../support/reminder-fixture.js';
import { azuriteConnectionString, uniquePrefix } from '../support/test-store.js';
import { request, startServerProcess, type ServerProcess } from './server-process.js';

const DEADLINE_SECONDS = 20;
const CONCURRENCY = 12;
const REMINDER_PEOPLE = 150;
const REMINDERS_EACH = 4;

interface Sent {
  kind: 'whats-due' | 'extension';
  target?: Extension;
  startedAt: number;
  finishedAt?: number;
  answer?: { status: number; body: string };
  error?: string;
}

interface Extension {
  user: TeamsUser;
  staffId: string;
  subjectId: string;
  requestedDate: LocalDate;
}

/**
 * The real server as its own process, under load from many concurrent bot turns over kept-alive HTTP
 * connections while it plans and sends reminders; SIGTERM arrives mid-load. What was accepted must be
 * answered completely and stored completely; what was not accepted must leave no trace.
 */
describe('graceful shutdown on SIGTERM under load', () => {
  let config: AppConfig;
  let services: Services;
  let connector: LimitedConnector;
  let server: ServerProcess | undefined;
  const learners: TeamsUser[] = [];
  const extensions: Extension[] = [];

  beforeAll(async () => {
    connector = await startLimitedConnector({ globalPerSecond: 80 });
    config = loadConfig({ STORAGE_CONNECTION_STRING: azuriteConnectionString(), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent' });
    // The server runs on the real clock, so the organisation is generated for today.
    const today = todayInLondon(systemClock);
    services = await seedReminderPeople(config, connector.serviceUrl, REMINDER_PEOPLE, REMINDERS_EACH);
    await seedOrganisation(services, generateOrganisation({ staff: 60, today }), { today, rules: config.rules });
    for (const summary of await services.summaries.listAll()) {
      if (!summary.aadObjectId || summary.staffId.startsWith('R')) continue;
      const user = { id: `29:${summary.staffId}`, name: 'Learner', aadObjectId: summary.aadObjectId };
      learners.push(user);
      const item = summary.items.find((i) => i.dueDate && !i.exempt && !i.extended);
      if (item && summary.managerIds.length > 0) extensions.push({ user, staffId: summary.staffId, subjectId: item.subjectId, requestedDate: addDays(item.dueDate!, 30) });
    }
    expect(extensions.length).toBeGreaterThan(30);
  });

  afterAll(async () => {
    if (server && server.child.exitCode === null) server.child.kill('SIGKILL');
    await connector?.close();
  });

  it(
    'when SIGTERM arrives mid-load, then every accepted request is answered in full and stored in full, sends in hand finish and are recorded, the lease is released, new connections are refused and the process exits 0 within the deadline',
    async () => {
      server = await startServerProcess(
        configEnv(config, {
          LOG_LEVEL: 'info',
          REMINDER_SCHEDULE: '* * * * * *', // plan every second: the lease is held much of the time
          REMINDER_WORKERS: '1',
          SEND_RATE_PER_SECOND: '60',
          REMINDER_VISIBILITY_SECONDS: '30',
          SHUTDOWN_DEADLINE_SECONDS: String(DEADLINE_SECONDS),
        }),
      );
      const url = server.url;
      const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

      // Reminders are being sent (planned by the server itself) before the load starts.
      await connector.waitForAccepted(5, 20_000);

      const sent: Sent[] = [];
      const pendingExtensions = [...extensions];
      let stopLoad = false;
      const worker = async (w: number) => {
        for (let i = 0; !stopLoad; i++) {
          const target = (i + w) % 3 === 0 ? pendingExtensions.shift() : undefined;
          const entry: Sent = target ? { kind: 'extension', target, startedAt: Date.now() } : { kind: 'whats-due', startedAt: Date.now() };
          const activity = target
            ? submitActivity(target.user, { verb: 'extension-submit', subjectId: target.subjectId, requestedDate: target.requestedDate, reason: 'on leave' }, connector.serviceUrl)
            : messageActivity(learners[(i * CONCURRENCY + w) % learners.length]!, "what's due", connector.serviceUrl);
          sent.push(entry);
          try {
            const answer = await request(agent, `${url}/api/messages`, { method: 'POST', body: { ...activity, deliveryMode: 'expectReplies' } });
            entry.answer = { status: answer.status, body: answer.body };
          } catch (error) {
            entry.error = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
          }
          entry.finishedAt = Date.now();
          if (entry.error) await new Promise((r) => setTimeout(r, 20));
        }
      };
      const load = Promise.all(Array.from({ length: CONCURRENCY }, (_, w) => worker(w)));

      // SIGTERM once the load is well under way and the server is in the middle of a planning run.
      const leaseSeenAt = await (async () => {
        const probe = new http.Agent({ keepAlive: false });
        const until = Date.now() + 15_000;
        while (Date.now() < until) {
          const answer = await request(probe, `${url}/readyz`);
          const body = JSON.parse(answer.body) as { checks: { reminderLease?: { heldHere?: boolean } } };
          if (body.checks.reminderLease?.heldHere && sent.filter((s) => s.answer).length >= 40) return Date.now();
          await new Promise((r) => setTimeout(r, 25));
        }
        return undefined;
      })();
      expect(leaseSeenAt, 'the server held the planner lease while under load').toBeDefined();
      const inFlightAtSignal = sent.filter((s) => !s.finishedAt).length;
      const acceptedBySignal = connector.accepted.length;
      const signalAt = Date.now();
      server.child.kill('SIGTERM');

      // New connections are refused once the server has begun to stop.
      await server.waitForEvent('server.stopping', 5000);
      await new Promise((r) => setTimeout(r, 50));
      const connectError = await new Promise<string | undefined>((resolve) => {
        const socket = net.connect({ port: Number(new URL(url).port), host: '127.0.0.1' });
        socket.once('connect', () => (socket.destroy(), resolve(undefined)));
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
      });
      expect(connectError).toBe('ECONNREFUSED');

      // The load keeps coming for a moment after the signal, then stops.
      await new Promise((r) => setTimeout(r, 500));
      stopLoad = true;
      const exit = await server.exited;
      await load;
      agent.destroy();
      const exitSeconds = (exit.at - signalAt) / 1000;

      expect(exit.code).toBe(0);
      expect(exitSeconds).toBeLessThan(DEADLINE_SECONDS);
      expect(server.logs.find((l) => l.event === 'server.exit')).toMatchObject({ outcome: 'clean' });
      expect(server.logs.some((l) => l.event === 'server.abandoned')).toBe(false);

      // Every request the server accepted got a complete answer: a 200 whose body is the whole card.
      const answered = sent.filter((s) => s.answer);
      const refused = sent.filter((s) => s.error);
      expect(inFlightAtSignal).toBeGreaterThan(0);
      expect(answered.filter((s) => s.finishedAt! > signalAt).length, 'requests answered after the signal').toBeGreaterThan(0);
      for (const s of answered) {
        expect(s.answer!.status, s.answer!.body.slice(0, 200)).toBe(200);
        const body = JSON.parse(s.answer!.body) as { activities: { attachments?: { contentType: string; content: unknown }[] }[] };
        const text = body.activities.flatMap((a) => cardsOf(a)).map(cardText).join('\n');
        if (s.kind === 'extension') expect(text).toContain('Extension request sent');
        else expect(text).toMatch(/Overdue|Due soon|In date|Not yet completed/);
      }
      // A request that had reached the server before the signal (on loopback, 50 ms is ample) was answered, not cut.
      const reachedBefore = sent.filter((s) => s.startedAt < signalAt - 50);
      expect(reachedBefore.filter((s) => !s.answer).map((s) => s.error)).toEqual([]);
      expect(reachedBefore.filter((s) => s.finishedAt! > signalAt).length, 'requests in flight at the signal and answered after it').toBeGreaterThan(0);
      // Requests not accepted failed at the connection (never a half answer).
      for (const s of refused) expect(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'socket hang up']).toContain(s.error);

      // Every accepted write is in storage, whole; nothing not accepted is.
      const requested = sent.filter((s) => s.kind === 'extension');
      for (const s of requested) {
        const bundle = (await services.staff.getBundle(s.target!.staffId))!;
        const stored = bundle.extensions.filter((e) => e.subjectId === s.target!.subjectId);
        if (s.answer) {
          expect(stored, `extension of ${s.target!.staffId}`).toHaveLength(1);
          expect(stored[0]).toMatchObject({ state: 'pending', requestedDate: s.target!.requestedDate, reason: 'on leave' });
          const trail = await services.staff.auditTrail(s.target!.staffId);
          expect(trail.filter((e) => e.action === 'extension.requested')).toHaveLength(1);
        } else {
          expect(stored, `extension of ${s.target!.staffId} that was never accepted`).toHaveLength(0);
        }
      }

      // Reminder sends in hand at the signal finished, and every send Teams accepted is recorded as sent.
      expect(connector.accepted.length, 'reminders accepted after the signal').toBeGreaterThan(acceptedBySignal);
      const jobIds = connector.accepted.map((m) => m.jobId!).filter(Boolean);
      const entries = await Promise.all(jobIds.map((id) => services.ledger.get(id)));
      expect(entries.filter((e) => e?.status !== 'sent').map((e) => e?.jobId)).toEqual([]);
      expect(connector.duplicates()).toEqual([]);

      // The planner lease was let go, not left to expire.
      expect(await services.leases.holder(PLANNER_LEASE)).toBeUndefined();

      // Nothing half planned: every job the ledger says is planned is on the queue, and every queued job is in the ledger.
      const ledger = new Map<string, string>();
      for await (const row of services.store.client('ledger').listEntities<{ status: string }>()) ledger.set(row.rowKey!, row.status);
      const queued = new Set<string>();
      for (;;) {
        const messages = await services.reminderQueue.receive(32, 60);
        if (messages.length === 0) break;
        for (const message of messages) for (const job of message.body.jobs) queued.add(job.id);
      }
      expect([...ledger].filter(([id, status]) => status === 'planned' && !queued.has(id)).map(([id]) => id), 'planned but not queued').toEqual([]);
      expect([...queued].filter((id) => !ledger.has(id)), 'queued but not in the ledger').toEqual([]);
      // What the stop left unplanned, the next run (on any instance) plans, each job once.
      const next = await runPlanner(plannerDeps(config, services), { holder: 'after-shutdown' });
      expect(next.kind).toBe('ran');
      if (next.kind === 'ran') expect(next.report.planned + next.report.alreadyPlanned).toBe(next.jobs.length);
      const leftForNextRun = next.kind === 'ran' ? next.report.planned : 0;

      console.log(
        `graceful shutdown: ${answered.length} requests answered (${answered.filter((s) => s.finishedAt! > signalAt).length} after the signal, ${inFlightAtSignal} in flight at it), ` +
          `${refused.length} refused at the connection, ${requested.filter((s) => s.answer).length} extensions stored, ` +
          `${connector.accepted.length - acceptedBySignal} reminders sent after the signal, ${queued.size} still queued, ${leftForNextRun} left for the next planning run, exit ${exit.code} after ${exitSeconds.toFixed(2)} s (${JSON.stringify(server.logs.find((l) => l.event === 'server.stopped'), ['requestsMs', 'backgroundMs', 'remindersMs'])})`,
      );
    },
    90_000,
  );

  it('when a request never completes, then at the deadline the process logs what it abandoned (counts and route shapes only) and exits 1', async () => {
    const stuck = await startServerProcess(configEnv(config, { LOG_LEVEL: 'info', REMINDER_WORKERS: '0', SHUTDOWN_DEADLINE_SECONDS: '2' }));
    // A request whose body never finishes arriving: accepted, so the stop waits for it, but it cannot end.
    const socket = net.connect({ port: Number(new URL(stuck.url).port), host: '127.0.0.1' });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write('POST /api/messages?name=Alex HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n{"type":');
    socket.on('error', () => undefined);
    await new Promise((r) => setTimeout(r, 300));
    const signalAt = Date.now();
    stuck.child.kill('SIGTERM');
    const exit = await stuck.exited;
    socket.destroy();
    const seconds = (exit.at - signalAt) / 1000;
    expect(exit.code).toBe(1);
    expect(seconds).toBeGreaterThanOrEqual(2);
    expect(seconds).toBeLessThan(6);
    const abandoned = stuck.logs.find((l) => l.event === 'server.abandoned');
    expect(abandoned).toMatchObject({ reason: 'deadline', requests: 1, connections: 1, byRoute: { 'POST /api/messages': 1 }, reminderJobs: 0, planning: false });
    expect(JSON.stringify(stuck.logs)).not.toContain('Alex');
    expect(stuck.logs.find((l) => l.event === 'server.exit')).toMatchObject({ outcome: 'deadline' });
  }, 60_000);
});
