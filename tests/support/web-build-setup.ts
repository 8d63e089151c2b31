import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { build } from 'vite';

declare module 'vitest' {
  export interface ProvidedContext {
    tabWebDir: string;
  }
}

const root = join(import.meta.dirname, '..', '..');
let outDir: string | undefined;

/** Builds the tab's browser app once per run into a folder of its own, so parallel runs never serve each other's half-built files. */
export async function setup(project: TestProject): Promise<void> {
  outDir = mkdtempSync(join(tmpdir(), 'ml-tab-web-'));
  await build({ configFile: join(root, 'tab', 'web', 'vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
  project.provide('tabWebDir', outDir);
}

export async function teardown(): Promise<void> {
  if (outDir) rmSync(outDir, { recursive: true, force: true });
}
