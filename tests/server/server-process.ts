import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { inject } from 'vitest';
import type { Env } from '../../server/config.js';

export interface LogLine {
  event?: string;
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Every structured log line so far (pino JSON on stdout). */
  logs: LogLine[];
  /** Anything written to stderr. */
  stderr: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** Resolves with the first log line with this event (already seen or still to come). */
  waitForEvent(event: string, timeoutMs?: number): Promise<LogLine>;
}

/**
 * The production entry point (`server/main.ts`, compiled once per run: server-bundle-setup.ts) as its own process, on a free
 * port, with the given environment on top of this one; resolves once it logged `server.started`.
 */
export async function startServerProcess(env: Env, timeoutMs = 90_000): Promise<ServerProcess> {
  const base: Record<string, string | undefined> = { ...process.env };
  // The test run's own settings must not leak into the server under test.
  for (const key of ['APPLICATIONINSIGHTS_CONNECTION_STRING', 'NODE_ENV', 'APP_MODE', 'MICROSOFT_APP_ID']) delete base[key];
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--enable-source-maps', inject('serverEntries').main], {
    env: { ...base, PORT: '0', LOG_LEVEL: 'info', ...env } as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: LogLine[] = [];
  const stderr: string[] = [];
  const waiters: { event: string; resolve: (line: LogLine) => void }[] = [];
  let buffered = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const text of lines) {
      if (!text.trim()) continue;
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      for (const waiter of waiters.filter((w) => w.event === line.event)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(line);
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const waitForEvent = (event: string, wait = timeoutMs) => {
    const seen = logs.find((line) => line.event === event);
    if (seen) return Promise.resolve(seen);
    return new Promise<LogLine>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${event}" log line within ${wait} ms; stderr: ${stderr.join('').slice(-2000)}`)), wait);
      waiters.push({ event, resolve: (line) => (clearTimeout(timer), resolve(line)) });
      void exited.then(({ code }) => reject(new Error(`server exited (${code}) before "${event}"; stderr: ${stderr.join('').slice(-2000)}`)));
    });
  };
  const started = await waitForEvent('server.started').catch((error: unknown) => {
    child.kill('SIGKILL');
    throw error;
  });
  return { child, url: String(started.url), logs, stderr, exited, waitForEvent };
}

export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** One HTTP request through the given agent (node:http, so keep-alive and connection errors are visible as they are). */
export function request(agent: http.Agent, url: string, options: { method?: string; body?: unknown } = {}): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = http.request(url, {
      agent,
      method: options.method ?? 'GET',
      headers: payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {},
    });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(payload);
  });
}
