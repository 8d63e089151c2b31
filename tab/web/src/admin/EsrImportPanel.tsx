import {
  Badge,
  Body1,
  Button,
  Caption1,
  Label,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
} from '@fluentui/react-components';
import { useCallback, useEffect, useId, useState } from 'react';
import { apiFetch, ApiProblem, authHeader } from '../api';
import { Problem } from '../shell/Problem';
import { ESR_LIMITS, type EsrImportResult, type EsrMappingsResponse, type EsrMappingTarget, type EsrRunListItem, type EsrUnknownName } from '../../../shared/esr-import';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: '16px' },
  row: { display: 'flex', flexWrap: 'wrap', gap: '12px', alignItems: 'end' },
  figures: { display: 'flex', flexWrap: 'wrap', gap: '24px', margin: 0, padding: 0 },
  figure: { display: 'flex', flexDirection: 'column' },
  scroll: { maxHeight: '420px', overflowY: 'auto' },
  line: { width: '72px' },
  file: { padding: '6px 0' },
});

const fmt = (n: number) => n.toLocaleString('en-GB');

/** Sends the chosen file as the request body (the browser streams it; the server never holds it whole). */
async function sendFile(file: File, mode: 'preview' | 'import'): Promise<EsrImportResult> {
  const response = await fetch(`/api/esr/imports?mode=${mode}&fileName=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { Authorization: await authHeader(), 'Content-Type': 'text/csv', Accept: 'application/json' },
    body: file,
  });
  const data = (await response.json().catch(() => undefined)) as (EsrImportResult & { error?: { code: string; message: string; details?: unknown } }) | undefined;
  if (!response.ok) throw new ApiProblem(response.status, data?.error?.code ?? 'http-error', data?.error?.message ?? `The server answered ${response.status}.`, data?.error?.details);
  return data!;
}

type Choice = { kind: 'competence' | 'position'; name: string; value: string };
const targetValue = (t: EsrMappingTarget) => (t.kind === 'topic' ? `topic:${t.subjectId}:${t.level}` : t.kind === 'role' ? `role:${t.roleId}` : 'ignore');
function targetOf(value: string): EsrMappingTarget | null {
  if (value === '') return null;
  if (value === 'ignore') return { kind: 'ignore' };
  const [kind, id, level] = value.split(':');
  return kind === 'topic' ? { kind: 'topic', subjectId: id!, level: Number(level) } : { kind: 'role', roleId: id! };
}

/**
 * ESR import for learning and development administrators: choose the export as it came out of
 * ESR, preview it (every problem listed by line), map the competences and positions we do not know
 * (remembered for next time), then import the good rows. Importing the same file again changes nothing.
 */
export default function EsrImportPanel() {
  const styles = useStyles();
  const inputId = useId();
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState<'preview' | 'import' | 'mapping'>();
  const [preview, setPreview] = useState<EsrImportResult>();
  const [imported, setImported] = useState<EsrImportResult>();
  const [error, setError] = useState<unknown>();
  const [options, setOptions] = useState<EsrMappingsResponse>();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [runs, setRuns] = useState<EsrRunListItem[]>([]);

  const loadSide = useCallback(() => {
    apiFetch<EsrMappingsResponse>('/api/esr/mappings').then(setOptions, setError);
    apiFetch<{ runs: EsrRunListItem[] }>('/api/esr/imports').then((r) => setRuns(r.runs), setError);
  }, []);
  useEffect(loadSide, [loadSide]);

  const run = async (mode: 'preview' | 'import') => {
    if (!file) return;
    setBusy(mode);
    setError(undefined);
    if (mode === 'preview') setImported(undefined);
    try {
      const result = await sendFile(file, mode);
      if (mode === 'preview') {
        setPreview(result);
        setChoices({});
      } else setImported(result);
      loadSide();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const saveMappings = async () => {
    const mappings = Object.values(choices)
      .filter((c) => c.value !== '')
      .map((c) => ({ kind: c.kind, name: c.name, target: targetOf(c.value) }));
    if (!mappings.length) return;
    setBusy('mapping');
    setError(undefined);
    try {
      await apiFetch('/api/esr/mappings', { method: 'PUT', body: { mappings } });
      setBusy(undefined);
      await run('preview');
    } catch (e) {
      setError(e);
      setBusy(undefined);
    }
  };

  const unknownRows = (kind: 'competence' | 'position', list: EsrUnknownName[]) =>
    list.map((u) => {
      const key = `${kind}|${u.key}`;
      const selectId = `${inputId}-${kind}-${u.key}`;
      return (
        <TableRow key={key}>
          <TableCell>{u.name}</TableCell>
          <TableCell>{fmt(u.rows)}</TableCell>
          <TableCell>{u.firstLine}</TableCell>
          <TableCell>
            <label htmlFor={selectId} className="visually-hidden">
              Map {u.name} to
            </label>
            <Select id={selectId} value={choices[key]?.value ?? ''} onChange={(_e, d) => setChoices((c) => ({ ...c, [key]: { kind, name: u.name, value: d.value } }))}>
              <option value="">Choose…</option>
              <option value="ignore">{kind === 'competence' ? 'Not a mandatory topic: ignore' : 'Not a role in the matrix: ignore'}</option>
              {kind === 'competence'
                ? options?.topics.map((t) => (
                    <option key={`${t.subjectId}:${t.level}`} value={targetValue({ kind: 'topic', subjectId: t.subjectId, level: t.level })}>
                      {t.label}
                    </option>
                  ))
                : options?.roles.map((r) => (
                    <option key={r.id} value={targetValue({ kind: 'role', roleId: r.id })}>
                      {r.name}
                    </option>
                  ))}
            </Select>
          </TableCell>
        </TableRow>
      );
    });

  const result = imported ?? preview;
  const unknown = preview ? preview.unknownCompetences.length + preview.unknownPositions.length : 0;

  return (
    <div className={styles.panel}>
      <Body1 as="p">
        Choose the ESR compliance export as it came out of ESR (CSV or Excel&apos;s &quot;Unicode text&quot;; up to {fmt(ESR_LIMITS.maxRows)} rows and {Math.round(ESR_LIMITS.maxBytes / 1024 / 1024)} MB — split larger exports). Preview it first: nothing is written until you import.
      </Body1>
      <div className={styles.row}>
        <div className={styles.figure}>
          <Label htmlFor={inputId}>ESR export file</Label>
          <input
            id={inputId}
            className={styles.file}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? undefined);
              setPreview(undefined);
              setImported(undefined);
            }}
          />
        </div>
        <Button appearance="primary" disabled={!file || !!busy} onClick={() => void run('preview')}>
          Preview
        </Button>
        {preview && (
          <Button appearance="primary" disabled={!file || !!busy || preview.goodRows === 0} onClick={() => void run('import')}>
            Import {fmt(preview.goodRows)} good rows
          </Button>
        )}
        {busy && <Spinner size="tiny" label={busy === 'preview' ? 'Reading the file' : busy === 'import' ? 'Importing' : 'Saving the mappings'} />}
      </div>
      {error !== undefined && <Problem error={error} title="The file could not be read" />}

      {imported?.written && (
        <MessageBar intent={imported.state === 'stopped' ? 'error' : imported.written.peopleFailed ? 'warning' : 'success'}>
          <MessageBarBody>
            <MessageBarTitle>{imported.state === 'stopped' ? 'The import stopped part-way' : 'Imported'}</MessageBarTitle>
            {imported.problem && `${imported.problem} `}
            {fmt(imported.written.peopleCreated)} people created, {fmt(imported.written.peopleUpdated)} updated, {fmt(imported.written.peopleUnchanged)} unchanged; {fmt(imported.written.recordsAdded)} records added,{' '}
            {fmt(imported.written.recordsUpdated)} corrected, {fmt(imported.written.recordsUnchanged)} already held.
            {imported.written.peopleFailed > 0 && ` ${fmt(imported.written.peopleFailed)} people could not be written: import the same file again to finish them (it is safe).`}
          </MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <section aria-labelledby={`${inputId}-summary`}>
          <Title3 as="h2" id={`${inputId}-summary`}>
            {result.mode === 'import' ? 'Import' : 'Preview'} of {result.fileName}
          </Title3>
          <dl className={styles.figures}>
            {[
              ['Rows', result.rows],
              ['Good rows', result.goodRows],
              ['Rows with errors', result.errorRows],
              ['People', result.people],
              ['Records', result.records],
              ['Required, not held', result.notHeldRows],
            ].map(([label, value]) => (
              <div key={label as string} className={styles.figure}>
                <dt>
                  <Caption1>{label}</Caption1>
                </dt>
                <dd style={{ margin: 0 }}>
                  <Body1>
                    <strong>{fmt(value as number)}</strong>
                  </Body1>
                </dd>
              </div>
            ))}
          </dl>
          {result.notices.map((n) => (
            <MessageBar key={n} intent="info">
              <MessageBarBody>{n}</MessageBarBody>
            </MessageBar>
          ))}
        </section>
      )}

      {preview && unknown > 0 && !imported && (
        <section aria-labelledby={`${inputId}-unknown`}>
          <Title3 as="h2" id={`${inputId}-unknown`}>
            Names to map ({unknown})
          </Title3>
          <Body1 as="p">Map each to a topic or role once; the mapping is remembered for every later import. Saving previews the file again.</Body1>
          <Table aria-label="Unknown competences and positions" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Name in ESR</TableHeaderCell>
                <TableHeaderCell>Rows</TableHeaderCell>
                <TableHeaderCell>First line</TableHeaderCell>
                <TableHeaderCell>Map to</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {unknownRows('competence', preview.unknownCompetences)}
              {unknownRows('position', preview.unknownPositions)}
            </TableBody>
          </Table>
          <Button disabled={!!busy || !Object.values(choices).some((c) => c.value !== '')} onClick={() => void saveMappings()}>
            Save mappings and preview again
          </Button>
        </section>
      )}

      {result && result.issues.length > 0 && (
        <section aria-labelledby={`${inputId}-issues`}>
          <Title3 as="h2" id={`${inputId}-issues`}>
            Problems by line ({fmt(Object.values(result.issueCounts).reduce((a, b) => a + (b ?? 0), 0))})
          </Title3>
          {result.issuesTruncated && <Caption1>Only the first {fmt(result.issues.length)} are listed; the counts are complete.</Caption1>}
          <div className={styles.scroll} tabIndex={0} role="region" aria-label="Problems by line">
            <Table aria-label="Problems by line" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={styles.line}>Line</TableHeaderCell>
                  <TableHeaderCell>Kind</TableHeaderCell>
                  <TableHeaderCell>Employee</TableHeaderCell>
                  <TableHeaderCell>What is wrong</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {result.issues.map((i, n) => (
                  <TableRow key={`${i.line}-${i.kind}-${n}`}>
                    <TableCell>{i.line}</TableCell>
                    <TableCell>
                      <Badge appearance="tint" color={i.severity === 'error' ? 'danger' : 'warning'}>
                        {i.severity === 'error' ? 'Error' : 'Warning'}
                      </Badge>{' '}
                      {i.kind.replace(/-/g, ' ')}
                    </TableCell>
                    <TableCell>{i.employeeNumber ?? '—'}</TableCell>
                    <TableCell>{i.message}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </section>
      )}

      {runs.length > 0 && (
        <section aria-labelledby={`${inputId}-history`}>
          <Title3 as="h2" id={`${inputId}-history`}>
            Recent previews and imports
          </Title3>
          <Table aria-label="Recent previews and imports" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>When</TableHeaderCell>
                <TableHeaderCell>File</TableHeaderCell>
                <TableHeaderCell>What</TableHeaderCell>
                <TableHeaderCell>Rows</TableHeaderCell>
                <TableHeaderCell>Result</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {runs.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>{new Date(r.at).toLocaleString('en-GB')}</TableCell>
                  <TableCell>{r.fileName}</TableCell>
                  <TableCell>{r.mode === 'import' ? 'Import' : 'Preview'}</TableCell>
                  <TableCell>
                    {fmt(r.rows ?? 0)} ({fmt(r.errorRows ?? 0)} with errors)
                  </TableCell>
                  <TableCell>{r.written ? `${fmt(r.written.peopleCreated)} created, ${fmt(r.written.peopleUpdated)} updated, ${fmt(r.written.peopleUnchanged)} unchanged` : '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </section>
      )}
    </div>
  );
}
