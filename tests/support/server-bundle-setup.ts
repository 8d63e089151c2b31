import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The production entry points (server/main.ts, server/cli/reminder-worker.ts) as this run built them. */
    serverEntries: { main: string; reminderWorker: string };
  }
}

const root = join(import.meta.dirname, '..', '..');
let outDir: string | undefined;

/**
 * Compiles the entry points that tests start as child processes once per run (esbuild, about a
 * tenth of a second), instead of each start compiling every module again through tsx: a process
 * start is then module loading only. Packages stay external, so node_modules load as in production;
 * the folder sits inside the project so they resolve, and is the run's own.
 */
export async function setup(project: TestProject): Promise<void> {
  const parent = join(root, 'node_modules', '.cache', 'ml-test-server');
  mkdirSync(parent, { recursive: true });
  outDir = mkdtempSync(join(parent, 'run-'));
  await build({
    entryPoints: { main: join(root, 'server', 'main.ts'), 'reminder-worker': join(root, 'server', 'cli', 'reminder-worker.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
  project.provide('serverEntries', { main: join(outDir, 'main.mjs'), reminderWorker: join(outDir, 'reminder-worker.mjs') });
}

export async function teardown(): Promise<void> {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
