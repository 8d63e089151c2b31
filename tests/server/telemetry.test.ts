import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../../core/demo/generate-organisation.js';
import { seedOrganisation } from '../../core/demo/seed-store.js';
import { systemClock, todayInLondon } from '../../core/time/clock.js';
import { loadConfig, type AppConfig } from '../../server/config.js';
import { createServices } from '../../server/services.js';
import { ALEX, exchange, messageActivity } from '../support/activities.js';
import { startFakeConnector, type FakeConnector } from '../support/fake-connector.js';
import { configEnv } from '../support/reminder-fixture.js';
import { azuriteConnectionString, uniquePrefix } from '../support/test-store.js';
import { startServerProcess, type ServerProcess } from './server-process.js';

/** Start-up through tsx with the SDK loaded is slow on a busy two-core machine. */
const START_MS = 60_000;

interface Envelope {
  name?: string;
  data?: { baseType?: string; baseData?: { name?: string; url?: string; responseCode?: string; properties?: Record<string, unknown> } };
}

/** A throw-away certificate for 127.0.0.1: the exporter only speaks HTTPS. The server under test trusts it through NODE_EXTRA_CA_CERTS. */
function selfSignedCertificate(): { dir: string; certPath: string; key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'ml-ingestion-'));
  const keyPath = path.join(dir, 'key.pem');
  const certPath = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
  return { dir, certPath, key: readFileSync(keyPath), cert: readFileSync(certPath) };
}

/** An Application Insights ingestion endpoint stand-in (HTTPS): keeps every envelope posted to /v2.1/track. */
async function startIngestion(tls: { key: Buffer; cert: Buffer }): Promise<{ url: string; envelopes: Envelope[]; raw: string[]; close(): Promise<void> }> {
  const envelopes: Envelope[] = [];
  const raw: string[] = [];
  const server = https.createServer(tls, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body = Buffer.concat(chunks);
      if (req.headers['content-encoding'] === 'gzip') body = gunzipSync(body);
      const text = body.toString('utf8');
      raw.push(text);
      const items = text.trim() ? (text.trim().startsWith('[') ? (JSON.parse(text) as Envelope[]) : text.trim().split('\n').map((line) => JSON.parse(line) as Envelope)) : [];
      envelopes.push(...items);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: items.length, itemsAccepted: items.length, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `https://127.0.0.1:${(server.address() as net.AddressInfo).port}/`,
    envelopes,
    raw,
    close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}

async function stopAndTime(server: ServerProcess): Promise<{ code: number | null; seconds: number }> {
  const signalAt = Date.now();
  server.child.kill('SIGTERM');
  const exit = await server.exited;
  return { code: exit.code, seconds: (exit.at - signalAt) / 1000 };
}

describe('telemetry: Application Insights through OpenTelemetry when configured, off otherwise', () => {
  let config: AppConfig;
  let connector: FakeConnector;
  const env = () => configEnv(config, { LOG_LEVEL: 'info', REMINDER_WORKERS: '0' });

  beforeAll(async () => {
    connector = await startFakeConnector();
    config = loadConfig({ STORAGE_CONNECTION_STRING: azuriteConnectionString(), TABLE_PREFIX: uniquePrefix(), LOG_LEVEL: 'silent' });
    const services = createServices(config);
    await services.ensureStorage();
    const today = todayInLondon(systemClock);
    await seedOrganisation(services, generateOrganisation({ staff: 20, today }), { today, rules: config.rules });
  });

  afterAll(async () => {
    await connector?.close();
  });

  it('when no connection string is set, then the server starts with telemetry off, answers, and stops cleanly', async () => {
    const server = await startServerProcess(env(), START_MS);
    expect(await server.waitForEvent('telemetry')).toMatchObject({ enabled: false });
    expect(await exchange(server.url, messageActivity(ALEX, "what's due", connector.serviceUrl))).not.toHaveLength(0);
    const exit = await stopAndTime(server);
    expect(exit.code).toBe(0);
    expect(exit.seconds).toBeLessThan(5);
  }, 90_000);

  it('when a connection string is set, then each bot turn becomes a request span sent to Application Insights (probes are not), without message text, and the flush on stop is bounded', async () => {
    const tls = selfSignedCertificate();
    const ingestion = await startIngestion(tls);
    try {
      const server = await startServerProcess({
        ...env(),
        NODE_EXTRA_CA_CERTS: tls.certPath,
        OTEL_TRACES_SAMPLER: 'always_on', // the default samples at most 5 traces a second, starting from none
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000001;IngestionEndpoint=${ingestion.url}`,
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      }, START_MS);
      expect(await server.waitForEvent('telemetry')).toMatchObject({ enabled: true });
      await fetch(`${server.url}/healthz`);
      await fetch(`${server.url}/readyz`);
      const secret = 'my secret fire drill 7f3a';
      await exchange(server.url, messageActivity(ALEX, "what's due", connector.serviceUrl));
      await exchange(server.url, messageActivity(ALEX, secret, connector.serviceUrl));
      const exit = await stopAndTime(server);
      expect(exit.code).toBe(0);
      expect(exit.seconds).toBeLessThan(8);

      const requests = ingestion.envelopes.filter((e) => e.data?.baseType === 'RequestData').map((e) => e.data!.baseData!);
      const turns = requests.filter((r) => (r.url ?? '').endsWith('/api/messages'));
      expect(turns.length).toBeGreaterThanOrEqual(2);
      expect(turns.every((r) => r.responseCode === '200')).toBe(true);
      expect(requests.filter((r) => /\/(healthz|readyz)$/.test(r.url ?? ''))).toEqual([]);
      // Storage calls made during a turn are recorded as its dependencies.
      expect(ingestion.envelopes.some((e) => e.data?.baseType === 'RemoteDependencyData')).toBe(true);
      expect(ingestion.raw.join('\n')).not.toContain(secret);
      expect(ingestion.raw.join('\n')).not.toContain('Alex Wilber');
    } finally {
      await ingestion.close();
      rmSync(tls.dir, { recursive: true, force: true });
    }
  }, 90_000);

  it('when the connection string points at an endpoint that never answers, then the server still starts, answers and exits promptly on SIGTERM', async () => {
    const sockets = new Set<net.Socket>();
    const blackHole = net.createServer((socket) => void sockets.add(socket));
    await new Promise<void>((resolve) => blackHole.listen(0, '127.0.0.1', resolve));
    try {
      const port = (blackHole.address() as net.AddressInfo).port;
      const server = await startServerProcess({
        ...env(),
        APPLICATIONINSIGHTS_CONNECTION_STRING: `InstrumentationKey=00000000-0000-4000-8000-000000000002;IngestionEndpoint=https://127.0.0.1:${port}/`,
        APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true',
      }, START_MS);
      expect(await exchange(server.url, messageActivity(ALEX, "what's due", connector.serviceUrl))).not.toHaveLength(0);
      const exit = await stopAndTime(server);
      expect(exit.code).toBe(0);
      expect(exit.seconds).toBeLessThan(8);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => blackHole.close(() => resolve(undefined)));
    }
  }, 90_000);

  it('when the connection string is malformed, then start-up stops with the configuration problem named', () => {
    expect(() => loadConfig({ APPLICATIONINSIGHTS_CONNECTION_STRING: 'not-a-connection-string' })).toThrow(/APPLICATIONINSIGHTS_CONNECTION_STRING: an Application Insights connection string/);
  });
});
