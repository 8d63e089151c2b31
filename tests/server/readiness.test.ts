import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLANNER_LEASE } from '../../core/reminders/planner.js';
import { azuriteConnectionString as azuriteAt, loadConfig } from '../../server/config.js';
import { createReadiness, storageProbes } from '../../server/readiness.js';
import { createServices } from '../../server/services.js';
import { azuriteConnectionString, uniquePrefix } from '../support/test-store.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** A TCP server that accepts connections and never answers: storage that hangs. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe('/readyz: storage, lease and queue reachable, and not draining', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await startTestApp({ seed: false });
  });

  afterAll(async () => {
    await app?.stop();
  });

  it('when storage answers, then /readyz is 200 with each check, and /healthz stays a bare "alive"', async () => {
    const response = await fetch(`${app.server.url}/readyz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as { status: string; checks: Record<string, { ok: boolean; ms: number }> };
    expect(body.status).toBe('ready');
    expect(Object.keys(body.checks).sort()).toEqual(['queue', 'reminderLease', 'tables']);
    expect(body.checks.reminderLease).toMatchObject({ ok: true, held: false, heldHere: false });
    expect(body.checks.queue).toMatchObject({ ok: true, approximateMessages: 0 });
    for (const check of Object.values(body.checks)) expect(check.ms).toBeLessThan(2000);
    expect(await (await fetch(`${app.server.url}/healthz`)).json()).toEqual({ status: 'ok' });
  });

  it('when this instance holds the planner lease, then the lease check says so', async () => {
    expect(await app.services.leases.acquire(PLANNER_LEASE, app.reminders.holder, 60_000)).toBe(true);
    try {
      const body = (await (await fetch(`${app.server.url}/readyz`)).json()) as { checks: Record<string, unknown> };
      expect(body.checks.reminderLease).toMatchObject({ ok: true, held: true, heldHere: true });
    } finally {
      await app.reminders.releaseLease();
    }
    expect(await app.services.leases.holder(PLANNER_LEASE)).toBeUndefined();
  });

  it('when storage refuses connections, then every check fails quickly, naming the check but no account, key or URL', async () => {
    const closed = await silentServer();
    const port = closed.port;
    await closed.close(); // nothing listens there now
    const connection = azuriteAt('127.0.0.1', port, port);
    const services = createServices(loadConfig({ STORAGE_CONNECTION_STRING: connection, TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent' }));
    const readiness = createReadiness(storageProbes(services, () => undefined), { timeoutMs: 1500 });
    const started = Date.now();
    const report = await readiness.check();
    expect(Date.now() - started).toBeLessThan(2500);
    expect(report.status).toBe('not-ready');
    for (const name of ['tables', 'reminderLease', 'queue']) expect(report.checks[name]).toMatchObject({ ok: false, problem: expect.any(String) });
    const text = JSON.stringify(report);
    for (const secret of ['devstoreaccount1', 'AccountKey', String(port), '127.0.0.1', 'Eby8']) expect(text).not.toContain(secret);
  });

  it('when storage accepts connections but never answers, then /readyz gives up at the timeout with 503', async () => {
    const hanging = await silentServer();
    try {
      const services = createServices(loadConfig({ STORAGE_CONNECTION_STRING: azuriteAt('127.0.0.1', hanging.port, hanging.port), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent' }));
      const readiness = createReadiness(storageProbes(services, () => undefined), { timeoutMs: 300 });
      const started = Date.now();
      const [first, second] = await Promise.all([readiness.check(), readiness.check()]);
      expect(Date.now() - started).toBeLessThan(1000);
      expect(first).toBe(second); // concurrent callers share one round of probes
      expect(first.status).toBe('not-ready');
      for (const name of ['tables', 'reminderLease', 'queue']) expect(first.checks[name]).toMatchObject({ ok: false, problem: 'timed out' });
    } finally {
      await hanging.close();
    }
  });

  it('when a table is missing, then the table check fails although the row read answered 404', async () => {
    const services = createServices(loadConfig({ STORAGE_CONNECTION_STRING: azuriteConnectionString(), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent' }));
    await services.reminderQueue.ensure();
    const report = await createReadiness(storageProbes(services, () => undefined)).check();
    expect(report.status).toBe('not-ready');
    expect(report.checks.tables).toMatchObject({ ok: false, problem: 'storage answered 404 (TableNotFound)' });
    expect(report.checks.queue).toMatchObject({ ok: true });
    await services.reminderQueue.drop();
  });

  it('when the instance starts draining, then /readyz answers 503 "draining" without probing storage', async () => {
    const other = await startTestApp({ seed: false });
    try {
      other.readiness.startDraining();
      const response = await fetch(`${other.server.url}/readyz`);
      expect(response.status).toBe(503);
      expect(await response.json()).toEqual({ status: 'draining', checks: {} });
      expect((await fetch(`${other.server.url}/healthz`)).status).toBe(200); // still alive while draining
    } finally {
      await other.stop();
    }
  });
});
