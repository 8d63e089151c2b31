import { describe, expect, it } from 'vitest';
import { runPlanner } from '../../core/reminders/planner.js';
import { plannerDeps } from '../../server/reminders.js';
import { startLimitedConnector } from '../../scripts/support/limited-connector.js';
import { configEnv, reminderConfig, seedReminderPeople } from '../support/reminder-fixture.js';
import { recentInFlight, startWorker, type WorkerProcess } from '../support/worker-processes.js';

// Three runs in the everyday suite (12 kills); BENCHMARKS.md reports CRASH_REPETITIONS=10.
const REPETITIONS = Number(process.env.CRASH_REPETITIONS ?? 3);
const PEOPLE = 400;
const PER_PERSON = 5; // 2,000 reminders a run: about 5 s of sending at R, long enough for the 4 kills
const WORKERS = 3;
const KILLS_PER_RUN = 4;
const RATE = 400;

interface RunResult {
  run: number;
  reminders: number;
  missing: number;
  duplicates: number;
  kills: number;
  inFlightAtKills: number;
  seconds: number;
}

async function oneRun(run: number): Promise<RunResult> {
  const config = reminderConfig({ SEND_RATE_PER_SECOND: String(RATE), REMINDER_VISIBILITY_SECONDS: '4' });
  const connector = await startLimitedConnector({ globalPerSecond: RATE, failureRate: 0.01, seed: run + 1 });
  const workers: WorkerProcess[] = [];
  try {
    const services = await seedReminderPeople(config, connector.serviceUrl, PEOPLE, PER_PERSON);
    const outcome = await runPlanner(plannerDeps(config, services), { holder: `crash-test-${run}` });
    if (outcome.kind !== 'ran') throw new Error('planner did not run');
    const expected = outcome.jobs.map((j) => j.id);
    expect(expected).toHaveLength(PEOPLE * PER_PERSON);

    const env = configEnv(config, { SEND_RATE_PER_SECOND: String(Math.ceil(RATE / WORKERS)), REMINDER_VISIBILITY_SECONDS: '4', REMINDER_WORKERS: '1' });
    for (let i = 0; i < WORKERS; i++) workers.push(startWorker(env));
    await Promise.all(workers.map((w) => w.ready));
    const started = Date.now();

    // Kill a random worker with SIGKILL at random moments while sending, and start a fresh one.
    let kills = 0;
    let inFlightAtKills = 0;
    while (kills < KILLS_PER_RUN && connector.accepted.length < expected.length * 0.9) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      const index = Math.floor(Math.random() * workers.length);
      const victim = workers[index]!;
      inFlightAtKills += recentInFlight(victim);
      victim.child.kill('SIGKILL');
      await victim.exited;
      kills++;
      workers[index] = startWorker(env);
    }

    const deadline = Date.now() + 90_000;
    while (connector.missing(expected).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const seconds = (Date.now() - started) / 1000;
    const duplicates = connector.duplicates().reduce((sum, d) => sum + d.count - 1, 0);
    return { run, reminders: expected.length, missing: connector.missing(expected).length, duplicates, kills, inFlightAtKills, seconds };
  } finally {
    for (const w of workers) w.child.kill('SIGTERM');
    await Promise.all(workers.map((w) => w.exited));
    await connector.close();
  }
}

describe('reminder workers killed with SIGKILL at random moments', () => {
  it(
    `when ${REPETITIONS} runs of ${PEOPLE * PER_PERSON} reminders each have workers killed and restarted, then none is missing and duplicates stay within the messages in flight at the kills`,
    async () => {
      const results: RunResult[] = [];
      for (let run = 1; run <= REPETITIONS; run++) results.push(await oneRun(run));
      console.log(`reminder crash runs:\n${results.map((r) => `  run ${r.run}: ${r.reminders} reminders, ${r.kills} kills, missing ${r.missing}, duplicates ${r.duplicates}, in flight at kills ${r.inFlightAtKills}, ${r.seconds.toFixed(1)} s`).join('\n')}`);
      for (const r of results) {
        expect(r.kills, `run ${r.run} kills`).toBe(KILLS_PER_RUN);
        expect(r.missing, `run ${r.run} missing`).toBe(0);
        expect(r.duplicates, `run ${r.run} duplicates`).toBeLessThanOrEqual(r.inFlightAtKills);
      }
    },
    15 * 60_000,
  );
});
