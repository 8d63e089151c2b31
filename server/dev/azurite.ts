import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import { azuriteConnectionString } from '../config.js';

export interface AzuriteOptions {
  /** Folder for data; omitted = in memory (tests). */
  location?: string;
  tablePort?: number;
  queuePort?: number;
  blobPort?: number;
  onOutput?: (line: string) => void;
  /** In its own process group, so a terminal's Ctrl-C reaches only us and we stop it with SIGTERM. */
  detached?: boolean;
}

export interface RunningAzurite {
  connectionString: string;
  tablePort: number;
  queuePort: number;
  /** SIGTERM, so Azurite flushes its last writes; waits for it to exit. */
  stop(): Promise<void>;
}

/** A port nobody is listening on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export async function isPortOpen(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Azurite exited early with code ${child.exitCode}`);
    if (await isPortOpen(port)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Azurite did not open port ${port} within ${timeoutMs} ms`);
}

function azuriteBin(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('azurite/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(manifestPath), manifest.bin.azurite!);
}

/** Starts Azurite (Table, Queue and Blob) as a child process and waits until Table and Queue answer. */
export async function startAzurite(options: AzuriteOptions = {}): Promise<RunningAzurite> {
  const tablePort = options.tablePort ?? (await freePort());
  const queuePort = options.queuePort ?? (await freePort());
  const blobPort = options.blobPort ?? (await freePort());
  const args = [
    azuriteBin(),
    '--silent',
    '--skipApiVersionCheck',
    '--loose',
    '--disableTelemetry',
    '--tableHost', '127.0.0.1', '--tablePort', String(tablePort),
    '--queueHost', '127.0.0.1', '--queuePort', String(queuePort),
    '--blobHost', '127.0.0.1', '--blobPort', String(blobPort),
  ];
  if (options.location) {
    mkdirSync(options.location, { recursive: true });
    args.push('--location', options.location);
  } else {
    args.push('--inMemoryPersistence');
  }
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: options.detached ?? false });
  const forward = (chunk: Buffer) => options.onOutput?.(chunk.toString());
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    await waitForPort(tablePort, child, 20_000);
    await waitForPort(queuePort, child, 20_000);
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    connectionString: azuriteConnectionString('127.0.0.1', tablePort, queuePort),
    tablePort,
    queuePort,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
