import { Badge, Body1, Button, Field, makeStyles, Select, Subtitle1, tokens } from '@fluentui/react-components';
import { useId, useState } from 'react';
import type { EsrImportResult, EsrIssueKind } from '../../../../shared/esr-import';
import { DataTable } from '../../ui/DataTable';

const KIND_TEXT: Record<EsrIssueKind, string> = {
  'missing-employee-number': 'no employee number',
  'invalid-employee-number': 'an employee number that is not valid',
  'impossible-date': 'a date that does not exist',
  'missing-date': 'no completion date',
  'expiry-before-completion': 'an expiry before the completion',
  'future-date': 'a date in the future',
  'missing-competence': 'no competence name',
  'unknown-competence': 'a competence not mapped to a topic',
  'duplicate-row': 'the same row twice',
  encoding: 'characters read as Windows-1252',
  'malformed-row': 'a row that could not be read',
  'unknown-position': 'a position not mapped to a role',
  'unknown-supervisor': 'a supervisor we do not hold',
  'oversized-cell': 'a cell too long to keep',
  'different-name': 'two names for one employee number',
};

const useStyles = makeStyles({
  groups: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  group: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  scroller: { maxHeight: '60vh' },
});

type Severity = 'all' | 'error' | 'warning';
const n = (v: number) => v.toLocaleString('en-GB');

/**
 * Problems in the file, errors first: a line per kind of problem with how many rows it touches
 * (repeated warnings grouped: "112 rows: 2 positions not mapped — map them"), then every line,
 * errors before warnings, filtered by severity.
 */
export function IssueList({ result, onMap }: { result: EsrImportResult; onMap: () => void }) {
  const styles = useStyles();
  const id = useId();
  const [severity, setSeverity] = useState<Severity>('all');
  const severityOf = new Map<EsrIssueKind, 'error' | 'warning'>();
  for (const issue of result.issues) severityOf.set(issue.kind, issue.severity);
  const counts = Object.entries(result.issueCounts) as [EsrIssueKind, number][];
  const groups = counts
    .map(([kind, count]) => ({ kind, count, severity: severityOf.get(kind) ?? (kind === 'unknown-position' || kind === 'unknown-supervisor' || kind === 'encoding' || kind === 'different-name' ? 'warning' : 'error') }))
    .sort((a, b) => (a.severity === b.severity ? b.count - a.count : a.severity === 'error' ? -1 : 1));
  const errors = groups.filter((g) => g.severity === 'error').reduce((sum, g) => sum + g.count, 0);
  const warnings = groups.filter((g) => g.severity === 'warning').reduce((sum, g) => sum + g.count, 0);
  const lines = result.issues.filter((i) => severity === 'all' || i.severity === severity).sort((a, b) => (a.severity === b.severity ? a.line - b.line : a.severity === 'error' ? -1 : 1));
  const groupText = (kind: EsrIssueKind, count: number) => {
    const rows = `${n(count)} row${count === 1 ? '' : 's'}`;
    if (kind === 'unknown-position') return `${rows}: ${n(result.unknownPositions.length)} position${result.unknownPositions.length === 1 ? '' : 's'} not mapped to a role`;
    if (kind === 'unknown-competence') return `${rows}: ${n(result.unknownCompetences.length)} competence${result.unknownCompetences.length === 1 ? '' : 's'} not mapped to a topic`;
    return `${rows} with ${KIND_TEXT[kind]}`;
  };
  return (
    <section aria-labelledby={`${id}-issues`} className={styles.groups}>
      <Subtitle1 block as="h2" id={`${id}-issues`}>
        Problems: {n(errors)} error{errors === 1 ? '' : 's'}, {n(warnings)} warning{warnings === 1 ? '' : 's'}
      </Subtitle1>
      <Body1 block as="p">Rows with an error are left out of the import; rows with only a warning are imported.</Body1>
      <ul className={styles.groups} aria-label="Problems by kind">
        {groups.map((g) => (
          <li key={g.kind} className={styles.group}>
            <Badge appearance="filled" color={g.severity === 'error' ? 'danger' : 'warning'}>
              {g.severity === 'error' ? 'Error' : 'Warning'}
            </Badge>
            <Body1>{groupText(g.kind, g.count)}</Body1>
            {(g.kind === 'unknown-position' || g.kind === 'unknown-competence') && (
              <Button size="small" appearance="transparent" onClick={onMap}>
                Map them
              </Button>
            )}
          </li>
        ))}
      </ul>
      <Field label="Show lines with">
        <Select value={severity} onChange={(_e, d) => setSeverity(d.value as Severity)}>
          <option value="all">Errors and warnings</option>
          <option value="error">Errors only</option>
          <option value="warning">Warnings only</option>
        </Select>
      </Field>
      {result.issuesTruncated && <Body1 block>Only the first {n(result.issues.length)} lines are listed; the counts above are complete.</Body1>}
      <DataTable
        label="Problems by line"
        rows={lines}
        rowKey={(i) => `${i.line}-${i.kind}-${i.message.slice(0, 40)}`}
        scrollerClassName={styles.scroller}
        empty={<Body1 block as="p">None of this kind.</Body1>}
        columns={[
          { key: 'line', header: 'Line', primary: true, cell: (i) => `Line ${i.line}` },
          { key: 'kind', header: 'Kind', cell: (i) => <><Badge appearance="tint" color={i.severity === 'error' ? 'danger' : 'warning'}>{i.severity === 'error' ? 'Error' : 'Warning'}</Badge> {KIND_TEXT[i.kind]}</> },
          { key: 'employee', header: 'Employee', cell: (i) => i.employeeNumber ?? '—' },
          { key: 'message', header: 'What is wrong', cell: (i) => i.message },
        ]}
      />
    </section>
  );
}
