import { inject } from 'vitest';

/** Where this run built the tab (browser project only: importing this file puts a test there). */
export function builtTabDir(): string {
  const dir = inject('tabWebDir');
  if (!dir) throw new Error('the tab is built only for the browser project');
  return dir;
}
