import { spawn, type ChildProcess } from 'node:child_process';
import { inject } from 'vitest';
import { environmentWith, type Env } from '../../server/config.js';

export interface WorkerProcess {
  child: ChildProcess;
  /** In-flight counts the worker reported, newest last, with when they arrived. */
  reports: { at: number; inflight: number; sent: number }[];
  ready: Promise<void>;
  exited: Promise<void>;
}

/** Starts `server/cli/reminder-worker.ts` as its own Node process (compiled once per run: server-bundle-setup.ts). */
export function startWorker(env: Env, reportMs = 10): WorkerProcess {
  const child = spawn(process.execPath, ['--disable-warning=DEP0111', '--enable-source-maps', inject('serverEntries').reminderWorker, `--report-ms=${reportMs}`], {
    env: environmentWith(env) as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const reports: WorkerProcess['reports'] = [];
  let buffered = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout!.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      if (line === 'ready') markReady();
      const match = /^inflight (\d+) sent (\d+)$/.exec(line);
      if (match) {
        reports.push({ at: Date.now(), inflight: Number(match[1]), sent: Number(match[2]) });
        if (reports.length > 200) reports.splice(0, reports.length - 200);
      }
    }
  });
  child.stderr!.on('data', () => undefined);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, reports, ready, exited };
}

/** The most messages the worker said it had in hand over the last `windowMs`: what a kill can strand. */
export function recentInFlight(worker: WorkerProcess, windowMs = 100): number {
  const since = Date.now() - windowMs;
  const recent = worker.reports.filter((r) => r.at >= since);
  const last = worker.reports[worker.reports.length - 1];
  return Math.max(0, ...recent.map((r) => r.inflight), last?.inflight ?? 0);
}
