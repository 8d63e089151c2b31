import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type { CatalogueIndex } from '../catalogue-index.js';
import type { LocalDate } from '../../time/local-date.js';
import { FIELD_LABELS, mapHeader, type ColumnMap, type EsrField } from './esr-columns.js';
import { splitHeadLine } from './esr-head.js';
import { competenceKey } from './esr-competence.js';
import { createResolvers } from './esr-resolvers.js';
import { displayName, EMPLOYEE_NUMBER, sameName, supervisorId } from './esr-names.js';
import { parseEsrDate } from './esr-dates.js';
import { oversizedCell, quote } from './esr-cell-limits.js';
import type { DecodeReport } from './esr-decode.js';
import {
  DEFAULT_LIMITS,
  EsrFileError,
  type IssueKind,
  type Mappings,
  type ParsedExport,
  type ParseLimits,
  type UnknownName,
} from './esr-types.js';


export interface ParseContext {
  catalogue: CatalogueIndex;
  mappings: Mappings;
  today: LocalDate;
  limits?: Partial<ParseLimits>;
}


/** The record id is a hash of who, what (the competence as ESR names it) and when: the same row always gives the same record. */
export function esrRecordId(employeeNumber: string, competence: string, completedOn: string): string {
  return `esr-${createHash('sha1').update(`${employeeNumber}\u0000${competenceKey(competence)}\u0000${completedOn}`).digest('hex').slice(0, 24)}`;
}

/**
 * Reads an ESR export as a stream of text, row by row (csv-parse's streaming parser: the file is
 * never held whole), and gathers each person's draft from all their rows. Every problem is an issue
 * on its line; what is good on a line is kept even when something else on it is not (a row with an
 * unknown competence still tells us the person's position and manager).
 */
export async function parseEsrExport(text: AsyncIterable<string>, decode: DecodeReport, context: ParseContext): Promise<ParsedExport> {
  const limits = { ...DEFAULT_LIMITS, ...context.limits };
  const { delimiter, rest } = await splitHeadLine(text);
  const parser = Readable.from(rest()).pipe(
    parse({ delimiter, info: true, relax_column_count: true, relax_quotes: true, skip_empty_lines: true, skip_records_with_error: true, bom: true }),
  );

  const out: ParsedExport = {
    delimiter,
    encoding: { name: decode.encoding, byteOrderMark: decode.byteOrderMark, windows1252Lines: 0, undecodableLines: 0 },
    bytes: 0,
    columnsIgnored: [],
    rows: 0,
    errorRows: 0,
    notHeldRows: 0,
    ignoredRows: 0,
    people: new Map(),
    records: 0,
    issues: [],
    issueCounts: {},
    issuesTruncated: false,
    unknownCompetences: [],
    unknownPositions: [],
    supervisorsOutsideFile: new Map(),
  };
  const issue = (line: number, kind: IssueKind, severity: 'error' | 'warning', message: string, employeeNumber?: string) => {
    out.issueCounts[kind] = (out.issueCounts[kind] ?? 0) + 1;
    if (out.issues.length < limits.maxIssues) out.issues.push({ line, kind, severity, message, ...(employeeNumber ? { employeeNumber } : {}) });
    else out.issuesTruncated = true;
  };
  parser.on('skip', (error: { lines?: number; message: string }) => {
    out.rows++;
    out.errorRows++;
    issue(error.lines ?? 0, 'malformed-row', 'error', `This line is not a well-formed row (${error.message.replace(/^Invalid Record Length: /, '').slice(0, 120)}); it was left out.`);
  });

  const unknownCompetences = new Map<string, UnknownName>();
  const unknownPositions = new Map<string, UnknownName>();
  let columns: ColumnMap | undefined;
  let lastLine = 0;

  const { resolveCompetence, resolvePosition } = createResolvers(context);

  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    const line = info.lines;
    if (!columns) {
      const header = mapHeader(record);
      if (!header.ok) {
        // The headings are the file's own text: quoted short, never echoed whole.
        const found = header.found.slice(0, 20).map((heading) => quote(heading, 40));
        const listed = found.join(', ').slice(0, 300) || 'none';
        throw new EsrFileError(
          'missing-columns',
          `The file has no ${header.missing.map((f) => `"${FIELD_LABELS[f]}"`).join(' or ')} column. Columns found: ${listed}${header.found.length > found.length ? ` and ${header.found.length - found.length} more` : ''}.`,
          { missing: header.missing.map((f) => FIELD_LABELS[f]), found },
        );
      }
      columns = header.columns;
      out.columnsIgnored = header.ignored;
      lastLine = line;
      continue;
    }
    out.rows++;
    if (out.rows > limits.maxRows) {
      throw new EsrFileError('too-many-rows', `The file has more than ${limits.maxRows.toLocaleString('en-GB')} rows: split the export (for example by organisation level) and import the parts one after another.`, { maxRows: limits.maxRows });
    }
    // Encoding problems noted by the decoder on any line this row spans.
    let encodingProblem: 'windows-1252' | 'undecodable' | undefined;
    for (let l = lastLine + 1; l <= line; l++) {
      const found = decode.lineIssues.get(l);
      if (found) {
        decode.lineIssues.delete(l);
        if (found === 'undecodable' || !encodingProblem) encodingProblem = found;
      }
    }
    lastLine = line;
    const cell = (field: EsrField): string => {
      const at = columns![field];
      return at === undefined ? '' : (record[at] ?? '').trim();
    };
    const employee = cell('employeeNumber');
    const oversized = oversizedCell(record, columns);
    if (oversized) {
      out.errorRows++;
      issue(line, 'oversized-cell', 'error', oversized, employee.length <= 30 && EMPLOYEE_NUMBER.test(employee) ? employee : undefined);
      continue;
    }
    if (encodingProblem === 'undecodable') {
      out.errorRows++;
      issue(line, 'encoding', 'error', 'This line has bytes that are neither UTF-8 nor Windows-1252, so it cannot be read safely; it was left out. Save the export as "CSV UTF-8" and import it again.', employee || undefined);
      continue;
    }
    if (encodingProblem === 'windows-1252') {
      issue(line, 'encoding', 'warning', `This line is not UTF-8; it was read as Windows-1252 (what Excel saves on Windows): check the names on it read correctly${cell('fullName') ? ` ("${cell('fullName')}")` : ''}.`, employee || undefined);
    }
    if (employee === '') {
      out.errorRows++;
      issue(line, 'missing-employee-number', 'error', 'This row has no employee number, so it cannot be matched to a person; it was left out.');
      continue;
    }
    if (!EMPLOYEE_NUMBER.test(employee)) {
      out.errorRows++;
      issue(line, 'invalid-employee-number', 'error', `"${employee.slice(0, 40)}" is not an employee number (letters, digits and hyphens only); the row was left out.`);
      continue;
    }

    let person = out.people.get(employee);
    if (!person) {
      person = { employeeNumber: employee, firstLine: line, assignments: new Map(), records: new Map(), rowKeys: new Map() };
      out.people.set(employee, person);
    }
    const fullName = (cell('fullName') && displayName(cell('fullName'))) || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
    if (fullName && !person.name) {
      person.name = fullName;
      person.nameLine = line;
    } else if (fullName && person.name && sameName(fullName, person.name) === false && !(person.otherNames ??= new Set()).has(fullName.toLowerCase())) {
      // A marriage, or a typo: the first name the file gave is kept, and both lines are named.
      person.otherNames.add(fullName.toLowerCase());
      issue(line, 'different-name', 'warning', `Employee ${employee} is “${quote(fullName)}” here but “${quote(person.name)}” on line ${person.nameLine}; “${quote(person.name)}” (line ${person.nameLine}) was kept. Check which is right.`, employee);
    }
    person.email ??= cell('email') || undefined;
    person.category ??= cell('category') || undefined;

    const assignmentNumber = cell('assignmentNumber') || employee;
    let assignment = person.assignments.get(assignmentNumber);
    if (!assignment) {
      assignment = { number: assignmentNumber, line };
      person.assignments.set(assignmentNumber, assignment);
      const position = cell('position');
      if (position) {
        assignment.position = position;
        const { roleId, known } = resolvePosition(position);
        if (roleId) assignment.roleId = roleId;
        if (!known) {
          const key = competenceKey(position);
          const seen = unknownPositions.get(key);
          if (seen) seen.rows++;
          else unknownPositions.set(key, { name: position, key, rows: 1, firstLine: line, reason: 'no role in the requirement matrix has this name' });
          issue(line, 'unknown-position', 'warning', `The position "${position.slice(0, 80)}" is not a role in the requirement matrix: map it to a role so its learning is required.`, employee);
        }
      }
      const levels = (['orgL3', 'orgL4', 'orgL5', 'orgL6', 'orgL7'] as const).map(cell).filter(Boolean);
      const orgUnit = levels.length ? levels.join(' / ') : cell('organisation');
      if (orgUnit) assignment.orgUnit = orgUnit;
      if (cell('staffGroup')) assignment.staffGroup = cell('staffGroup');
      const supervisor = cell('supervisor') ? supervisorId(cell('supervisor')) : undefined;
      if (supervisor && supervisor !== employee) assignment.supervisorId = supervisor;
      const start = parseEsrDate(cell('assignmentStart'));
      if (start.kind === 'date') assignment.start = start.date;
    }

    const competence = cell('competence');
    const completed = parseEsrDate(cell('completedOn'));
    const expiry = parseEsrDate(cell('expiresOn'));
    if (competence === '') {
      if (completed.kind === 'empty' && expiry.kind === 'empty') continue; // a person with nothing to record on this row
      out.errorRows++;
      issue(line, 'missing-competence', 'error', 'This row has dates but no competence name; its record was left out.', employee);
      continue;
    }
    if (completed.kind === 'invalid' || expiry.kind === 'invalid') {
      out.errorRows++;
      const which = completed.kind === 'invalid' ? `completion date: ${completed.reason}` : `expiry date: ${(expiry as { reason: string }).reason}`;
      issue(line, 'impossible-date', 'error', `Impossible ${which}; the record was left out.`, employee);
      continue;
    }
    if (completed.kind === 'empty') {
      if (expiry.kind === 'date') {
        out.errorRows++;
        issue(line, 'missing-date', 'error', 'This row has an expiry date but no completion date; the record was left out.', employee);
      } else out.notHeldRows++;
      continue;
    }
    if (completed.kind === 'never') {
      out.errorRows++;
      issue(line, 'impossible-date', 'error', 'The completion date says "no expiry"; the record was left out.', employee);
      continue;
    }
    if (completed.date > context.today) {
      out.errorRows++;
      issue(line, 'future-date', 'error', `The completion date ${completed.date} is in the future; the record was left out.`, employee);
      continue;
    }
    if (expiry.kind === 'date' && expiry.date < completed.date) {
      out.errorRows++;
      issue(line, 'expiry-before-completion', 'error', `The expiry date ${expiry.date} is before the completion date ${completed.date}; the record was left out.`, employee);
      continue;
    }
    const rowKey = `${assignmentNumber}\u0000${competenceKey(competence)}\u0000${completed.date}\u0000${expiry.kind === 'date' ? expiry.date : expiry.kind}`;
    const duplicateOf = person.rowKeys.get(rowKey);
    if (duplicateOf !== undefined) {
      out.errorRows++;
      issue(line, 'duplicate-row', 'error', `This row repeats line ${duplicateOf}; it was counted once.`, employee);
      continue;
    }
    person.rowKeys.set(rowKey, line);
    const resolution = resolveCompetence(competence);
    if (resolution.kind === 'ignore') {
      out.ignoredRows++;
      continue;
    }
    if (resolution.kind === 'unknown') {
      out.errorRows++;
      const key = competenceKey(competence);
      const seen = unknownCompetences.get(key);
      if (seen) seen.rows++;
      else unknownCompetences.set(key, { name: competence, key, rows: 1, firstLine: line, reason: resolution.reason });
      issue(line, 'unknown-competence', 'error', `"${competence.slice(0, 120)}" is not a topic we know (${resolution.reason}): map it to a topic and import again.`, employee);
      continue;
    }
    const id = esrRecordId(employee, competence, completed.date);
    if (person.records.has(id)) continue; // the same learning listed under another assignment
    person.records.set(id, {
      id,
      subjectId: resolution.subjectId,
      level: resolution.level,
      completedOn: completed.date,
      expiresOn: expiry.kind === 'date' ? expiry.date : expiry.kind === 'never' ? null : undefined,
      line,
    });
    out.records++;
  }
  if (!columns) throw new EsrFileError('empty-file', 'The file has no rows.');

  for (const person of out.people.values()) {
    person.rowKeys.clear(); // only needed while reading
    for (const assignment of person.assignments.values()) {
      if (assignment.supervisorId && !out.people.has(assignment.supervisorId) && !out.supervisorsOutsideFile.has(assignment.supervisorId)) {
        out.supervisorsOutsideFile.set(assignment.supervisorId, assignment.line);
      }
    }
  }
  out.bytes = decode.bytes;
  out.encoding.windows1252Lines = decode.windows1252Lines;
  out.encoding.undecodableLines = decode.undecodableLines;
  out.unknownCompetences = [...unknownCompetences.values()].sort((a, b) => b.rows - a.rows);
  out.unknownPositions = [...unknownPositions.values()].sort((a, b) => b.rows - a.rows);
  out.issues.sort((a, b) => a.line - b.line);
  return out;
}
