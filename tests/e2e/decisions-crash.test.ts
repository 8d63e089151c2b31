import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../core/audit/audit-chain.js';
import { computeCompliance } from '../../core/learning/compliance.js';
import { requestExtension } from '../../core/learning/approvals.js';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { runConcurrently } from '../../core/storage/table-store.js';
import { systemClock, todayInLondon } from '../../core/time/clock.js';
import { addDays } from '../../core/time/local-date.js';
import { createServices, type Services } from '../../server/services.js';
import { configEnv, reminderConfig } from '../support/reminder-fixture.js';
import { startServerProcess, type ServerProcess } from '../server/server-process.js';

// Ten runs, as the issue asks: each a stream of decisions cut off by SIGKILL at a random moment.
const RUNS = Number(process.env.DECISION_CRASH_RUNS ?? 10);
const STAFF = 160;

interface Pending {
  managerId: string;
  learnerId: string;
  requestId: string;
}

/** Seeds an organisation and one pending extension request for every (learner with a manager, requirement with a due date). */
async function seedPending(services: Services, config: ReturnType<typeof reminderConfig>): Promise<Pending[]> {
  const today = todayInLondon(systemClock);
  await services.ensureStorage();
  await seedOrganisation(services, generateOrganisation({ staff: STAFF, today }), { today, rules: config.rules });
  const deps = services.approvals;
  const catalogue = await services.catalogue.current();
  const pending: Pending[] = [];
  const learners = (await services.summaries.listAll()).map((s) => s.staffId);
  await runConcurrently(learners, 16, async (learnerId) => {
    const bundle = await services.staff.getBundle(learnerId);
    if (!bundle || bundle.person.managerIds.length === 0) return;
    const { items } = computeCompliance({ ...bundle, catalogue, today, rules: config.rules });
    for (const item of items) {
      if (!item.dueDate || item.status === 'exempt') continue;
      const outcome = await requestExtension(deps, learnerId, { subjectId: item.subjectId, requestedDate: addDays(item.dueDate, 14), reason: 'on annual leave' });
      if (outcome.kind === 'requested') pending.push({ managerId: bundle.person.managerIds[0]!, learnerId, requestId: outcome.request.id });
    }
  });
  return pending;
}

describe('extension decisions while the server is killed with SIGKILL at random moments', () => {
  it(
    `when a stream of decisions is cut by ${RUNS} SIGKILLs and the server restarted each time, then every stored decision has exactly one chain entry and the chain verifies`,
    async () => {
      // Arrange
      const config = reminderConfig();
      const services = createServices(config);
      const pending = await seedPending(services, config);
      expect(pending.length).toBeGreaterThan(150);
      const env = configEnv(config, { AUDIT_SWEEP_SECONDS: '1', AUDIT_FENCE_SECONDS: '1', LOG_LEVEL: 'info' });
      const queue = [...pending].sort(() => Math.random() - 0.5);
      const answered = new Set<string>();
      let kills = 0;

      // Act: each run decides as fast as it can with 8 in flight until it is killed.
      for (let run = 0; run < RUNS && queue.length > 0; run++) {
        const server: ServerProcess = await startServerProcess(env, 120_000);
        const killAfter = 150 + Math.random() * 900;
        let dead = false;
        const decideNext = async (): Promise<void> => {
          while (!dead && queue.length > 0) {
            const next = queue.shift()!;
            const response = await fetch(`${server.url}/api/team/extensions/${next.learnerId}/${next.requestId}/decision`, {
              method: 'POST',
              headers: { authorization: `Bearer dev:${next.managerId}`, 'content-type': 'application/json' },
              body: JSON.stringify({ decision: Math.random() < 0.5 ? 'approve' : 'decline', comment: 'ok' }),
            }).catch(() => undefined);
            if (response?.status === 200) answered.add(next.requestId);
            else if (!response && dead) queue.push(next); // cut off: try it again in the next run
          }
        };
        const streams = Array.from({ length: 8 }, decideNext);
        await new Promise((resolve) => setTimeout(resolve, killAfter));
        dead = true;
        server.child.kill('SIGKILL');
        await server.exited;
        kills++;
        await Promise.all(streams);
      }

      // A last start: its chain writer settles what the kills left (intents older than the fence delay).
      const last = await startServerProcess(env, 120_000);
      const deadline = Date.now() + 20_000;
      while ((await services.auditOutbox.pending()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 250));
      last.child.kill('SIGTERM');
      await last.exited;

      // Assert
      const decided: string[] = [];
      for (const p of pending) {
        const bundle = await services.staff.getBundle(p.learnerId);
        const request = bundle?.extensions.find((r) => r.id === p.requestId);
        if (request && request.state !== 'pending') decided.push(p.requestId);
      }
      const chain = await services.auditLog.list();
      const chainedDecisions = chain.filter((e) => e.action === 'extension.approved' || e.action === 'extension.declined').map((e) => String(e.details?.requestId));
      const counts = new Map<string, number>();
      for (const id of chainedDecisions) counts.set(id, (counts.get(id) ?? 0) + 1);

      console.log(`decision crash runs: ${kills} kills, ${answered.size} decisions answered, ${decided.length} stored, ${chainedDecisions.length} chained`);
      expect(kills).toBe(RUNS);
      expect(decided.length).toBeGreaterThan(20);
      for (const id of answered) expect(decided, `answered decision ${id} is stored`).toContain(id);
      expect(decided.filter((id) => counts.get(id) !== 1), 'stored decisions without exactly one chain entry').toEqual([]);
      expect(chainedDecisions.filter((id) => !decided.includes(id)), 'chain entries for decisions never stored').toEqual([]);
      expect(verifyChain(chain)).toEqual({ ok: true, entries: chain.length });
      expect(await services.auditOutbox.pending()).toBe(0);
    },
    10 * 60_000,
  );
});
