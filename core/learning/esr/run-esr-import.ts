import { createHash } from 'node:crypto';
import { auditEntry } from '../audit.js';
import { computeCompliance, type ComplianceRules } from '../compliance.js';
import { summaryOf, type PersonSummary } from '../person-summary.js';
import type { CatalogueSource, StaffStore } from '../ports.js';
import type { Person } from '../../people/types.js';
import type { DirectoryRepository } from '../../storage/directory-repository.js';
import type { TeamRepository } from '../../storage/team-repository.js';
import type { SummaryRepository } from '../../storage/summary-repository.js';
import type { EsrImportRepository } from '../../storage/esr-import-repository.js';
import { runConcurrently } from '../../util/concurrency.js';
import { todayInLondon, type Clock } from '../../time/clock.js';
import { decodeExport } from './esr-decode.js';
import { mergePerson, type MergeOutcome } from './esr-merge.js';
import type { CatalogueIndex } from '../catalogue-index.js';
import type { LocalDate } from '../../time/local-date.js';
import { parseEsrExport } from './esr-parse.js';
import { type EsrImportSummary, type EsrWriteCounts, type ImportIssue, type IssueKind, type ParsedExport, type ParseLimits, type PersonDraft, type UnknownName } from './esr-types.js';
export type { EsrImportSummary, EsrWriteCounts } from './esr-types.js';

export interface EsrImportDeps {
  staff: Pick<StaffStore, 'change' | 'getPerson'>;
  directory: Pick<DirectoryRepository, 'indexMany' | 'index'>;
  teams: Pick<TeamRepository, 'indexMany' | 'index'>;
  summaries: Pick<SummaryRepository, 'saveMany'>;
  catalogue: CatalogueSource;
  imports: Pick<EsrImportRepository, 'mappings' | 'saveRun' | 'knownStaffIds' | 'createPerson'>;
  clock: Clock;
  rules: ComplianceRules;
  /** Told of each write storage refused (for the log; never shown to the user). */
  onWriteFailed?(importId: string, error: unknown, employeeNumber?: string): void;
}

export interface EsrImportInput {
  mode: 'preview' | 'import';
  fileName: string;
  actorId: string;
  /** The upload as it arrives, chunk by chunk. */
  bytes: AsyncIterable<Buffer>;
  limits?: Partial<ParseLimits>;
  /** People written at once (each a read and a transaction in their own partition). */
  concurrency?: number;
}

/** How many issues a run keeps (the counts are always complete): keeps the stored run well under an entity's 1 MiB. */
export const STORED_ISSUES = 1000;

function notices(parsed: ParsedExport): string[] {
  const out: string[] = [];
  const { encoding } = parsed;
  if (encoding.name === 'utf-16le' || encoding.name === 'utf-16be') {
    out.push(`The file is UTF-16 (${encoding.name === 'utf-16le' ? 'little' : 'big'}-endian${encoding.byteOrderMark ? ', with a byte-order mark' : ', without a byte-order mark'}), as Excel's "Unicode text" saves it: it was read as such.`);
  }
  if (encoding.windows1252Lines > 0) {
    out.push(`${encoding.windows1252Lines.toLocaleString('en-GB')} line(s) were not UTF-8 and were read as Windows-1252 (Latin-1); each is listed. Saving the export as "CSV UTF-8" avoids this.`);
  }
  if (encoding.undecodableLines > 0) {
    out.push(`${encoding.undecodableLines.toLocaleString('en-GB')} line(s) could not be read in any encoding we know and were left out.`);
  }
  if (parsed.delimiter === '\t') out.push('Columns are separated by tabs.');
  if (parsed.delimiter === ';') out.push('Columns are separated by semicolons.');
  return out;
}

/**
 * Preview or import an ESR export. Both read the whole file the same way (so the preview shows
 * exactly what an import would do); an import then writes each person in their own partition — a
 * read and one transaction, with the ETag, skipped when nothing changed — at bounded concurrency,
 * and refreshes the summary rows, the team index and the identity index of the people it changed.
 */
export async function runEsrImport(deps: EsrImportDeps, input: EsrImportInput, newId: (at: string) => string): Promise<EsrImportSummary> {
  const started = performance.now();
  const at = deps.clock.now().toISOString();
  const today = todayInLondon(deps.clock);
  const [catalogue, mappings] = await Promise.all([deps.catalogue.current(), deps.imports.mappings()]);
  const hash = createHash('sha256');
  async function* hashed(): AsyncGenerator<Buffer> {
    for await (const chunk of input.bytes) {
      hash.update(chunk);
      yield chunk;
    }
  }
  const { text, report } = decodeExport(hashed());
  const readStarted = performance.now();
  const parsed = await parseEsrExport(text, report, { catalogue, mappings, today, ...(input.limits ? { limits: input.limits } : {}) });

  // Supervisors who are not in the file must be people we already hold, or the team will point at nobody.
  const unknownSupervisors: [string, number][] = [];
  await runConcurrently([...parsed.supervisorsOutsideFile], 16, async ([id, line]) => {
    if (!(await deps.staff.getPerson(id))) unknownSupervisors.push([id, line]);
  });
  for (const [id, line] of unknownSupervisors.sort((a, b) => a[1] - b[1])) {
    parsed.issueCounts['unknown-supervisor'] = (parsed.issueCounts['unknown-supervisor'] ?? 0) + 1;
    parsed.issues.push({ line, kind: 'unknown-supervisor', severity: 'warning', message: `The supervisor ${id} is neither in this file nor a person we hold; the line management is kept and will show once they are imported.` });
  }
  parsed.issues.sort((a, b) => a.line - b.line);

  const readMs = Math.round(performance.now() - readStarted);
  const id = newId(at);
  const sha256 = hash.digest('hex');
  const timings = { readMs, writeMs: 0, indexMs: 0 };
  const describe = (written?: EsrWriteCounts, state?: EsrImportSummary['state'], problem?: string): EsrImportSummary => ({
    id,
    mode: input.mode,
    fileName: input.fileName,
    sha256,
    at,
    by: input.actorId,
    milliseconds: Math.round(performance.now() - started),
    timings,
    file: { bytes: parsed.bytes, encoding: parsed.encoding.name, byteOrderMark: parsed.encoding.byteOrderMark, delimiter: parsed.delimiter, columnsIgnored: parsed.columnsIgnored },
    notices: notices(parsed),
    rows: parsed.rows,
    goodRows: parsed.rows - parsed.errorRows,
    errorRows: parsed.errorRows,
    notHeldRows: parsed.notHeldRows,
    ignoredRows: parsed.ignoredRows,
    people: parsed.people.size,
    records: parsed.records,
    issueCounts: parsed.issueCounts,
    issues: parsed.issues.slice(0, STORED_ISSUES),
    issuesTruncated: parsed.issuesTruncated || parsed.issues.length > STORED_ISSUES,
    unknownCompetences: parsed.unknownCompetences.slice(0, 500),
    unknownPositions: parsed.unknownPositions.slice(0, 500),
    ...(written ? { written } : {}),
    ...(state ? { state } : {}),
    ...(problem ? { problem } : {}),
  });
  const run = (summary: EsrImportSummary) => ({ id, mode: input.mode, fileName: input.fileName, sha256, by: input.actorId, at, summary: fitForStorage(summary) });
  if (input.mode === 'preview') {
    const summary = describe();
    await deps.imports.saveRun(run(summary));
    return summary;
  }

  // From just before the first write, the run is on record (and chained), so an import that dies
  // part-way is never invisible; its end, or where it stopped, is recorded and chained the same way.
  const event = (action: string, summary: string, written?: EsrWriteCounts) => ({
    actorId: input.actorId,
    action,
    target: input.fileName.slice(0, 200),
    summary,
    details: { importId: id, sha256, rows: parsed.rows, errorRows: parsed.errorRows, ...written },
  });
  await deps.imports.saveRun(run(describe(undefined, 'running')), [event('esr.import-started', `${parsed.rows} rows, ${parsed.people.size} people to import`)]);
  const written: EsrWriteCounts = { peopleCreated: 0, peopleUpdated: 0, peopleUnchanged: 0, recordsAdded: 0, recordsUpdated: 0, recordsUnchanged: 0, peopleFailed: 0 };
  let problem: string | undefined;
  try {
    await writePeople(timings, deps, parsed, written, { importId: id, now: at, today, concurrency: input.concurrency ?? 24, fileName: input.fileName, actorId: input.actorId, catalogue });
  } catch (error) {
    deps.onWriteFailed?.(id, error);
    problem = 'Storage failed while the import was updating the team, directory and report indexes. Everything counted under "written" is saved; import the same file again to finish (nothing is written twice).';
  }
  const summary = describe(written, problem ? 'stopped' : 'finished', problem);
  const counts = `${summary.goodRows} of ${summary.rows} rows; ${written.peopleCreated} people created, ${written.peopleUpdated} updated${written.peopleFailed ? `, ${written.peopleFailed} not saved` : ''}`;
  await deps.imports.saveRun(run(summary), [event(problem ? 'esr.import-stopped' : 'esr.imported', problem ? `stopped part-way: ${counts}` : counts, written)]);
  return summary;
}

/** Largest stored run, in characters of JSON (Table Storage counts UTF-16: well under the 1 MiB entity). */
const MAX_RUN_CHARS = 400_000;

/** The summary as stored: issue lists shortened until it fits an entity (the counts stay complete). */
export function fitForStorage(summary: EsrImportSummary): EsrImportSummary {
  let fitted = summary;
  while (JSON.stringify(fitted).length > MAX_RUN_CHARS && (fitted.issues.length > 0 || fitted.unknownCompetences.length > 10 || fitted.unknownPositions.length > 10)) {
    fitted = {
      ...fitted,
      issues: fitted.issues.slice(0, Math.floor(fitted.issues.length / 2)),
      unknownCompetences: fitted.unknownCompetences.slice(0, Math.max(10, Math.floor(fitted.unknownCompetences.length / 2))),
      unknownPositions: fitted.unknownPositions.slice(0, Math.max(10, Math.floor(fitted.unknownPositions.length / 2))),
      issuesTruncated: true,
    };
  }
  return fitted;
}

const sameTeamRow = (a: Person, b: Person) => a.name === b.name && a.orgUnit === b.orgUnit && a.managerIds.join() === b.managerIds.join();

async function writePeople(
  timings: { writeMs: number; indexMs: number },
  deps: EsrImportDeps,
  parsed: ParsedExport,
  counts: EsrWriteCounts,
  context: { importId: string; now: string; today: LocalDate; concurrency: number; fileName: string; actorId: string; catalogue: CatalogueIndex },
): Promise<void> {
  const summaries: PersonSummary[] = [];
  const teamRows: Person[] = [];
  const teamMoves: [Person, Person][] = [];
  const identityRows: Person[] = [];
  const identityMoves: [Person, Person][] = [];
  const mergeContext = { today: context.today, importId: context.importId, now: context.now };

  const known = await deps.imports.knownStaffIds();

  const writeOne = async (draft: PersonDraft): Promise<void> => {
    let outcome: MergeOutcome | undefined;
    let before: Person | undefined;
    if (!known.has(draft.employeeNumber)) {
      // Surely new (no summary row): one transaction, conditional on the person not existing.
      outcome = mergePerson(undefined, draft, mergeContext);
      if (await deps.imports.createPerson(outcome.bundle, context.importId)) return afterWrite(draft, outcome, undefined);
    }
    const existed = await deps.staff.change(draft.employeeNumber, (bundle) => {
      before = bundle.person;
      outcome = mergePerson(bundle, draft, mergeContext);
      if (!outcome.personChanged && outcome.changedRecords.length === 0) return { kind: 'keep', result: true };
      const what = [
        outcome.recordsAdded ? `${outcome.recordsAdded} record(s) added` : '',
        outcome.recordsUpdated ? `${outcome.recordsUpdated} corrected` : '',
        outcome.personChanged ? 'profile updated' : '',
      ].filter(Boolean).join(', ');
      const audit = auditEntry({ at: context.now, actorId: context.actorId, personId: draft.employeeNumber, action: 'person.updated', why: `ESR import ${context.fileName.slice(0, 100)}`, what });
      return { kind: 'write', bundle: outcome.bundle, records: outcome.changedRecords, audit: [audit], result: true };
    });
    if (existed === undefined) {
      before = undefined;
      outcome = mergePerson(undefined, draft, mergeContext);
      // Created by someone else between the read and now: merge onto theirs.
      if (!(await deps.imports.createPerson(outcome.bundle, context.importId))) return writeOne(draft);
    }
    afterWrite(draft, outcome!, before);
  };

  const afterWrite = (draft: PersonDraft, result: MergeOutcome, before: Person | undefined): void => {
    counts.recordsAdded += result.recordsAdded;
    counts.recordsUpdated += result.recordsUpdated;
    counts.recordsUnchanged += draft.records.size - result.recordsAdded - result.recordsUpdated;
    if (!result.personChanged && result.changedRecords.length === 0) {
      counts.peopleUnchanged++;
      return;
    }
    if (result.created) counts.peopleCreated++;
    else counts.peopleUpdated++;
    const { person } = result.bundle;
    summaries.push(
      summaryOf(
        person,
        computeCompliance({ person, catalogue: context.catalogue, records: result.bundle.records, extensions: result.bundle.extensions, exemptions: result.bundle.exemptions, today: context.today, rules: deps.rules }),
      ),
    );
    // The team and identity indexes follow the profile (StaffRepository does not keep them itself).
    if (!before || !sameTeamRow(before, person)) {
      if (before && before.managerIds.some((m) => !person.managerIds.includes(m))) teamMoves.push([person, before]);
      else teamRows.push(person);
    }
    if ((person.email ?? '') !== (before?.email ?? '')) {
      if (before?.email) identityMoves.push([person, before]);
      else identityRows.push(person);
    }
  };

  const writeStarted = performance.now();
  await runConcurrently([...parsed.people.values()], context.concurrency, async (draft) => {
    try {
      await writeOne(draft);
    } catch (error) {
      counts.peopleFailed++;
      deps.onWriteFailed?.(context.importId, error, draft.employeeNumber);
      if ((counts.failures ??= []).length < 20) counts.failures.push({ employeeNumber: draft.employeeNumber, reason: 'Storage did not accept this person’s changes, so nothing of theirs was changed; import the file again to retry.' });
    }
  });
  timings.writeMs = Math.round(performance.now() - writeStarted);
  const indexStarted = performance.now();
  await Promise.all([
    deps.summaries.saveMany(summaries, 8),
    deps.teams.indexMany(teamRows, 8),
    deps.directory.indexMany(identityRows, 4),
  ]);
  await runConcurrently(teamMoves, 4, ([person, before]) => deps.teams.index(person, before));
  await runConcurrently(identityMoves, 4, ([person, before]) => deps.directory.index(person, before));
  timings.indexMs = Math.round(performance.now() - indexStarted);
}
