import { RestError } from '@azure/data-tables';
import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../core/audit/audit-chain.js';
import { CatalogueIndex } from '../../../core/learning/catalogue-index.js';
import { defaultCatalogue } from '../../../core/learning/default-matrix.js';
import { runEsrImport, type EsrImportDeps, type EsrImportSummary } from '../../../core/learning/esr/run-esr-import.js';
import type { StaffBundle } from '../../../core/learning/ports.js';
import { fixedClock } from '../../../core/time/clock.js';

const HEADER = 'Employee Number,Full Name,Position Title,Competency Name,Date Start,Expiry Date';
const row = (n: number) => `E66${String(n).padStart(5, '0')},"Person, Number ${n}",Staff Nurse,"NHS|CSTF|Fire Safety - 2 Years|",01-Mar-2026,01-Mar-2028`;
const file = (rows: number) => [HEADER, ...Array.from({ length: rows }, (_, i) => row(i + 1))].join('\n');

async function* bytesOf(text: string): AsyncGenerator<Buffer> {
  yield Buffer.from(text);
}

/** In-memory ports of the import: people created are kept, runs saved with their chain events; `fail` injects storage trouble. */
function fakes(fail: { createPerson?: (staffId: string) => boolean; indexes?: boolean } = {}) {
  const people = new Map<string, StaffBundle>();
  const runs: { summary: EsrImportSummary; chain: readonly AuditEvent[] }[] = [];
  const storageError = () => new RestError('The property value exceeds the maximum allowed size (64KB). RequestId:1234-abcd', { statusCode: 400 });
  const deps: EsrImportDeps = {
    staff: { getPerson: async (id) => people.get(id)?.person, change: async () => undefined },
    directory: { indexMany: async () => undefined, index: async () => undefined },
    teams: { indexMany: async () => undefined, index: async () => undefined },
    summaries: {
      saveMany: async () => {
        if (fail.indexes) throw storageError();
      },
    },
    catalogue: { current: async () => new CatalogueIndex(defaultCatalogue()) },
    imports: {
      mappings: async () => ({ list: [], competences: new Map(), positions: new Map() }),
      knownStaffIds: async () => new Set(people.keys()),
      createPerson: async (bundle) => {
        if (fail.createPerson?.(bundle.person.id)) throw storageError();
        people.set(bundle.person.id, bundle);
        return true;
      },
      saveRun: async (run, chain = []) => void runs.push({ summary: run.summary as EsrImportSummary, chain }),
    },
    clock: fixedClock('2026-11-21T12:00:00Z'),
    rules: { dueSoonDays: 30, newStarterWeeks: 12, returnFromAbsenceDays: 28 },
  };
  return { deps, people, runs };
}

const importing = (deps: EsrImportDeps, text: string) => runEsrImport(deps, { mode: 'import', fileName: 'e.csv', actorId: 'E9000022', bytes: bytesOf(text) }, () => 'run-1');

describe('an ESR import that storage fails part-way', () => {
  it('when some people cannot be written, then the rest are, the answer says exactly which, and storage’s own words never reach it', async () => {
    // Arrange
    const { deps, people, runs } = fakes({ createPerson: (id) => id === 'E6600002' });

    // Act
    const summary = await importing(deps, file(3));

    // Assert
    expect(summary.state).toBe('finished');
    expect(summary.written).toMatchObject({ peopleCreated: 2, peopleFailed: 1 });
    expect(summary.written?.failures).toEqual([{ employeeNumber: 'E6600002', reason: expect.stringContaining('nothing of theirs was changed') }]);
    expect(JSON.stringify(summary)).not.toMatch(/RequestId|64KB|property value/);
    expect([...people.keys()].sort()).toEqual(['E6600001', 'E6600003']);
    expect(runs.map((r) => [r.summary.state, r.chain.map((e) => e.action)])).toEqual([
      ['running', ['esr.import-started']],
      ['finished', ['esr.imported']],
    ]);
  });

  it('when storage fails after the people are written, then the run says it stopped and what was written, never "nothing changed"', async () => {
    // Arrange
    const { deps, people, runs } = fakes({ indexes: true });

    // Act
    const summary = await importing(deps, file(4));

    // Assert
    expect(summary.state).toBe('stopped');
    expect(summary.written).toMatchObject({ peopleCreated: 4 });
    expect(summary.problem).toMatch(/Everything counted under "written" is saved/);
    expect(people.size).toBe(4);
    const last = runs.at(-1)!;
    expect(last.summary.state).toBe('stopped');
    expect(last.chain[0]).toMatchObject({ action: 'esr.import-stopped', details: expect.objectContaining({ importId: 'run-1', peopleCreated: 4 }) });
  });

  it('when a preview is run, then nothing is chained and no run is marked running', async () => {
    const { deps, runs } = fakes();
    await runEsrImport(deps, { mode: 'preview', fileName: 'e.csv', actorId: 'E9000022', bytes: bytesOf(file(2)) }, () => 'run-2');
    expect(runs.map((r) => [r.summary.state, r.chain.length])).toEqual([[undefined, 0]]);
  });
});
