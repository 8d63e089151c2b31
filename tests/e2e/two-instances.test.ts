import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { runPlanner } from '../../core/reminders/planner.js';
import { systemClock, todayInLondon } from '../../core/time/clock.js';
import { addDays } from '../../core/time/local-date.js';
import { startLimitedConnector, type LimitedConnector } from '../../scripts/support/limited-connector.js';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { plannerDeps } from '../../server/reminders.js';
import type { Services } from '../../server/services.js';
import { ALEX, exchange, invoke, invokeActivity, MEGAN, submitActivity, type TeamsUser } from '../support/activities.js';
import { cardsOf, cardText } from '../support/card-validator.js';
import { configEnv, seedReminderPeople } from '../support/reminder-fixture.js';
import { azuriteConnectionString, uniquePrefix } from '../support/test-store.js';
import { startServerProcess, type ServerProcess } from '../server/server-process.js';

const ALEX_ID = 'E9000020';
const ADELE: TeamsUser = { id: '29:adele', name: 'Adele Vance', aadObjectId: '00000000-0000-0000-0000-0000000000022' };
const REMINDER_PEOPLE = 200;
const REMINDERS_EACH = 3;

/**
 * Two server processes on one storage account (same Azurite, same TABLE_PREFIX), as App Service runs
 * N instances behind its load balancer: both plan reminders every second and both send; both take
 * decisions. Each reminder must go out once and each request be decided once.
 */
describe('two server instances on one storage', () => {
  let config: AppConfig;
  let services: Services;
  let connector: LimitedConnector;
  const instances: ServerProcess[] = [];

  beforeAll(async () => {
    connector = await startLimitedConnector({ globalPerSecond: 1000 });
    config = loadConfig({ STORAGE_CONNECTION_STRING: azuriteConnectionString(), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent' });
    const today = todayInLondon(systemClock); // the servers run on the real clock
    services = await seedReminderPeople(config, connector.serviceUrl, REMINDER_PEOPLE, REMINDERS_EACH);
    await seedOrganisation(services, generateOrganisation({ staff: 40, today }), { today, rules: config.rules });
    // Alex gets a second line manager (Adele), so two managers can decide at once.
    const alex = (await services.staff.getPerson(ALEX_ID))!;
    await services.staff.savePerson({ ...alex, managerIds: ['E9000021', 'E9000022'] });
    const env = configEnv(config, {
      LOG_LEVEL: 'debug', // planning ticks that found the lease taken are logged at debug
      REMINDER_SCHEDULE: '* * * * * *', // both instances try to plan every second
      REMINDER_WORKERS: '1',
      SEND_RATE_PER_SECOND: '150',
      REMINDER_VISIBILITY_SECONDS: '30',
    });
    instances.push(...(await Promise.all([startServerProcess(env), startServerProcess(env)])));
  }, 60_000);

  afterAll(async () => {
    for (const instance of instances) instance.child.kill('SIGTERM');
    await Promise.all(instances.map((i) => i.exited));
    await connector?.close();
  });

  it('when both instances run the planner against the lease and both send, then every reminder is planned once and sent once', async () => {
    const dry = await runPlanner(plannerDeps(config, services), { holder: 'test-dry-run', dryRun: true });
    if (dry.kind !== 'ran') throw new Error('dry run did not run');
    const reachable = dry.jobs.filter((job) => job.staffId.startsWith('R')).map((job) => job.id); // the people with a chat
    expect(reachable).toHaveLength(REMINDER_PEOPLE * REMINDERS_EACH);

    const deadline = Date.now() + 40_000;
    while (connector.missing(reachable).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    // Let several more planning ticks pass on both instances: none may plan anything again.
    await new Promise((r) => setTimeout(r, 3000));

    expect(connector.missing(reachable)).toEqual([]);
    expect(connector.duplicates()).toEqual([]);
    const ledger = new Map<string, { status: string; runId: string }>();
    for await (const row of services.store.client('ledger').listEntities<{ status: string; runId: string }>()) ledger.set(row.rowKey!, { status: row.status, runId: row.runId });
    expect([...ledger.keys()].sort()).toEqual(dry.jobs.map((j) => j.id).sort());
    for (const id of reachable) expect(ledger.get(id)?.status).toBe('sent');

    const runs = instances.map((instance) => instance.logs.filter((l) => l.event === 'reminders.planned'));
    const refused = instances.map((instance) => instance.logs.filter((l) => l.event === 'reminders.not-leader').length);
    const plannedByRuns = runs.flat().reduce((sum, l) => sum + Number(l.planned), 0);
    expect(plannedByRuns).toBe(dry.jobs.length);
    // Both instances ran the planner on its schedule; at the ticks where one held the lease, the other was turned away.
    instances.forEach((_, i) => expect(runs[i]!.length + refused[i]!, `planning ticks of instance ${i + 1}`).toBeGreaterThan(0));
    expect(refused[0]! + refused[1]!, 'ticks that found the lease taken').toBeGreaterThan(0);
    console.log(
      `two instances: ${dry.jobs.length} jobs planned once (${runs.map((r, i) => `instance ${i + 1}: ${r.length} planning runs (${r.reduce((s, l) => s + Number(l.planned), 0)} planned), ${refused[i]} ticks turned away by the lease`).join('; ')}), ${connector.accepted.length} reminders sent, 0 duplicates`,
    );
  }, 60_000);

  it('when the same decision is invoked on both instances at the same moment, then exactly one is stored and every other click is told who decided', async () => {
    const [a, b] = instances as [ServerProcess, ServerProcess];
    const alex = (await services.summaries.listAll()).find((s) => s.staffId === ALEX_ID)!;
    const item = alex.items.find((i) => i.dueDate && !i.exempt && !i.extended)!;
    const asked = await exchange(a.url, submitActivity(ALEX, { verb: 'extension-submit', subjectId: item.subjectId, requestedDate: addDays(item.dueDate!, 30), reason: 'on leave' }, connector.serviceUrl));
    expect(asked.flatMap((r) => cardsOf(r)).map(cardText).join('\n')).toContain('Extension request sent');
    const request = (await services.staff.getBundle(ALEX_ID))!.extensions.find((e) => e.state === 'pending')!;
    expect(request).toBeDefined();

    const data = { verb: 'decide-request', kind: 'extension', requestId: request.id, learnerId: ALEX_ID, decision: 'approve' };
    // 20 clicks, alternating instance and manager, all at once.
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => invoke((i % 2 === 0 ? a : b).url, invokeActivity(i % 4 < 2 ? MEGAN : ADELE, 'decide-request', data, connector.serviceUrl))),
    );
    const texts = answers.map((answer) => (expect(answer.status).toBe(200), cardText(answer.body.value)));
    const decided = texts.filter((t) => t.includes('Approved. Alex Wilber will be told.'));
    const told = texts.filter((t) => /Already approved by (Megan Bowen|Adele Vance) on|You already approved this on/.test(t));
    expect(decided).toHaveLength(1);
    expect(told).toHaveLength(19);

    const bundle = (await services.staff.getBundle(ALEX_ID))!;
    expect(bundle.extensions.filter((e) => e.subjectId === item.subjectId)).toHaveLength(1);
    expect(bundle.extensions.find((e) => e.id === request.id)).toMatchObject({ state: 'approved' });
    const trail = await services.staff.auditTrail(ALEX_ID);
    expect(trail.filter((e) => e.action === 'extension.approved')).toHaveLength(1);
  }, 30_000);
});
