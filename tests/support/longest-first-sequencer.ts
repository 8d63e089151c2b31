import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The files that take longest start first, so on two cores the suite's end is not one long file
 * running alone (a clean clone has no timings cached for Vitest's own ordering to use). The rest keep
 * Vitest's order.
 */
const LONGEST = [
  'tests/e2e/decisions-crash.test.ts',
  'tests/e2e/reminders-crash.test.ts',
  'tests/security/bot-fuzz.test.ts',
  'tests/tab/layout-desktop.test.ts',
  'tests/tab/layout-phone.test.ts',
  'tests/tab/workspace-coediting.test.ts',
  'tests/server/telemetry.test.ts',
  'tests/architecture/typecheck.test.ts',
  'tests/tab/workspace-screens.test.ts',
  'tests/tab/esr-import.test.ts',
  'tests/workspace/workspace-lifecycle.test.ts',
  'tests/server/graceful-shutdown.test.ts',
  'tests/tab/admin-page.test.ts',
  'tests/tab/passport-admin-page.test.ts',
  'tests/tab/passport-learning-page.test.ts',
  'tests/e2e/two-instances.test.ts',
  'tests/tab/reports-screens.test.ts',
  'tests/tab/esr-screens.test.ts',
  'tests/tab/shell.test.ts',
];

export class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const at = LONGEST.findIndex((path) => spec.moduleId.endsWith(path));
      return at < 0 ? LONGEST.length : at;
    };
    return [...sorted].sort((a, b) => rank(a) - rank(b));
  }
}
