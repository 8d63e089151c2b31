import { Body1, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Select, Subtitle1, tokens } from '@fluentui/react-components';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState } from 'react';
import { apiFetch } from '../api';
import { ESR_LIMITS, type EsrImportProgress, type EsrImportResult, type EsrMappingsResponse, type EsrMappingTarget, type EsrRunListItem, type EsrUnknownName } from '../../../shared/esr-import';
import { formatInstant } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiMutation, useApiQuery } from '../data/use-api';
import { Problem } from '../shell/Problem';
import { DataTable } from '../ui/DataTable';
import { ImportProgress } from './esr/ImportProgress';
import { IssueList } from './esr/IssueList';
import { sendImport } from './esr/send-import';

const useStyles = makeStyles({
  panel: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  figures: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXL, margin: 0, padding: 0 },
  figure: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  value: { margin: 0 },
  file: { paddingBlock: tokens.spacingVerticalXS, maxWidth: '100%' },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

const fmt = (n: number) => n.toLocaleString('en-GB');
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
 * ESR, preview it (errors first, repeated warnings grouped), map the competences and positions we do
 * not know (remembered for next time), then import the good rows, with real progress throughout.
 * Importing the same file again changes nothing.
 */
export default function EsrImportPanel() {
  const styles = useStyles();
  const inputId = useId();
  const client = useQueryClient();
  const mapRef = useRef<HTMLElement>(null);
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<EsrImportResult>();
  const [imported, setImported] = useState<EsrImportResult>();
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const [running, setRunning] = useState<{ mode: 'preview' | 'import'; startedAt: number; upload: { sent: number; total: number }; server?: EsrImportProgress }>();
  const options = useApiQuery<EsrMappingsResponse>(keys.esrMappings, '/api/esr/mappings');
  const runs = useApiQuery<{ runs: EsrRunListItem[] }>(keys.esrRuns, '/api/esr/imports');
  const abort = useRef<AbortController>(undefined);
  useEffect(() => () => abort.current?.abort(), []);

  const run = useApiMutation(
    (mode: 'preview' | 'import') => {
      abort.current = new AbortController();
      setRunning({ mode, startedAt: Date.now(), upload: { sent: 0, total: file!.size } });
      return sendImport(
        file!,
        mode,
        {
          upload: (sent, total) => setRunning((r) => r && { ...r, upload: { sent, total } }),
          progress: (server) => setRunning((r) => r && { ...r, server }),
        },
        abort.current.signal,
      ).finally(() => setRunning(undefined));
    },
    {
      invalidates: [keys.esrRuns],
      update: (result, mode) => {
        if (mode === 'preview') {
          setPreview(result);
          setChoices({});
        } else {
          setImported(result);
          void client.invalidateQueries({ queryKey: keys.team });
          void client.invalidateQueries({ queryKey: keys.reports });
        }
      },
      success: () => undefined,
    },
  );
  const saveMappings = useApiMutation(
    (mappings: { kind: 'competence' | 'position'; name: string; target: EsrMappingTarget | null }[]) => apiFetch('/api/esr/mappings', { method: 'PUT', body: { mappings } }),
    { invalidates: [keys.esrMappings], success: () => 'Mappings saved.' },
  );

  const start = (mode: 'preview' | 'import') => {
    if (!file) return;
    if (mode === 'preview') setImported(undefined);
    run.mutate(mode);
  };

  const unknownRows = (kind: 'competence' | 'position', list: EsrUnknownName[]) =>
    list.map((u) => ({ kind, u }));
  const result = imported ?? preview;
  const unknown = preview ? preview.unknownCompetences.length + preview.unknownPositions.length : 0;
  const busy = run.isPending || saveMappings.isPending;
  const failure = run.outcome?.intent === 'error' || run.outcome?.intent === 'warning' ? run.error : saveMappings.error;

  return (
    <div className={styles.panel}>
      <Body1 block as="p">
        Choose the ESR compliance export as it came out of ESR (CSV or Excel&apos;s &quot;Unicode text&quot;; up to {fmt(ESR_LIMITS.maxRows)} rows and {Math.round(ESR_LIMITS.maxBytes / 1024 / 1024)} MB — split larger exports). Preview it first: nothing is written until you import.
      </Body1>
      <div className={styles.row}>
        <Field label="ESR export file">
          {(fieldProps) => (
          <input
            {...fieldProps}
            className={styles.file}
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? undefined);
              setPreview(undefined);
              setImported(undefined);
            }}
          />
          )}
        </Field>
        <Button appearance="primary" disabled={!file || busy} onClick={() => start('preview')}>
          Preview
        </Button>
        {preview && (
          <Button appearance="primary" disabled={!file || busy || preview.goodRows === 0} onClick={() => start('import')}>
            Import {fmt(preview.goodRows)} good rows
          </Button>
        )}
      </div>
      {running && <ImportProgress mode={running.mode} upload={running.upload} server={running.server} startedAt={running.startedAt} />}
      {failure ? <Problem error={failure} title={run.error ? 'The file could not be read' : 'The mappings were not saved'} /> : null}

      {imported?.written && (
        <MessageBar intent={imported.state === 'stopped' ? 'error' : imported.written.peopleFailed ? 'warning' : 'success'} role="status">
          <MessageBarBody>
            <MessageBarTitle>{imported.state === 'stopped' ? 'The import stopped part-way' : 'Imported'}</MessageBarTitle>
            {imported.problem && `${imported.problem} `}
            {fmt(imported.written.peopleCreated)} people created, {fmt(imported.written.peopleUpdated)} updated, {fmt(imported.written.peopleUnchanged)} unchanged; {fmt(imported.written.recordsAdded)} records added, {fmt(imported.written.recordsUpdated)} corrected,{' '}
            {fmt(imported.written.recordsUnchanged)} already held.
            {imported.written.peopleFailed > 0 && ` ${fmt(imported.written.peopleFailed)} people could not be written: import the same file again to finish them (it is safe).`}
          </MessageBarBody>
        </MessageBar>
      )}

      {result && (
        <section aria-labelledby={`${inputId}-summary`} className={styles.section}>
          <Subtitle1 block as="h2" id={`${inputId}-summary`}>
            {result.mode === 'import' ? 'Import' : 'Preview'} of {result.fileName}
          </Subtitle1>
          <dl className={styles.figures}>
            {(
              [
                ['Rows', result.rows],
                ['Good rows', result.goodRows],
                ['Rows with errors', result.errorRows],
                ['People', result.people],
                ['Records', result.records],
                ['Required, not held', result.notHeldRows],
              ] as const
            ).map(([label, value]) => (
              <div key={label} className={styles.figure}>
                <dt>
                  <Caption1>{label}</Caption1>
                </dt>
                <dd className={styles.value}>
                  <Body1>
                    <strong>{fmt(value)}</strong>
                  </Body1>
                </dd>
              </div>
            ))}
          </dl>
          {result.notices.map((notice) => (
            <MessageBar key={notice} intent="info">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          ))}
        </section>
      )}

      {result && Object.keys(result.issueCounts).length > 0 && <IssueList result={result} onMap={() => mapRef.current?.focus()} />}

      {preview && unknown > 0 && !imported && (
        <section aria-labelledby={`${inputId}-unknown`} className={styles.section} ref={mapRef} tabIndex={-1}>
          <Subtitle1 block as="h2" id={`${inputId}-unknown`}>
            Names to map ({unknown})
          </Subtitle1>
          <Body1 block as="p">Map each to a topic or role once; the mapping is remembered for every later import. Saving previews the file again.</Body1>
          <DataTable
            label="Unknown competences and positions"
            rows={[...unknownRows('competence', preview.unknownCompetences), ...unknownRows('position', preview.unknownPositions)]}
            rowKey={({ kind, u }) => `${kind}|${u.key}`}
            columns={[
              { key: 'name', header: 'Name in ESR', primary: true, cell: ({ u }) => u.name },
              { key: 'what', header: 'What it is', cell: ({ kind }) => (kind === 'competence' ? 'Competence' : 'Position') },
              { key: 'rows', header: 'Rows', numeric: true, cell: ({ u }) => fmt(u.rows) },
              { key: 'first', header: 'First line', numeric: true, cell: ({ u }) => u.firstLine },
              {
                key: 'map',
                header: 'Map to',
                cell: ({ kind, u }) => {
                  const key = `${kind}|${u.key}`;
                  return (
                    <Select aria-label={`Map ${u.name} to`} value={choices[key]?.value ?? ''} onChange={(_e, d) => setChoices((c) => ({ ...c, [key]: { kind, name: u.name, value: d.value } }))}>
                      <option value="">Choose…</option>
                      <option value="ignore">{kind === 'competence' ? 'Not a mandatory topic: ignore' : 'Not a role in the matrix: ignore'}</option>
                      {kind === 'competence'
                        ? options.data?.topics.map((t) => (
                            <option key={`${t.subjectId}:${t.level}`} value={targetValue({ kind: 'topic', subjectId: t.subjectId, level: t.level })}>
                              {t.label}
                            </option>
                          ))
                        : options.data?.roles.map((r) => (
                            <option key={r.id} value={targetValue({ kind: 'role', roleId: r.id })}>
                              {r.name}
                            </option>
                          ))}
                    </Select>
                  );
                },
              },
            ]}
          />
          <div>
            <Button
              disabled={busy || !Object.values(choices).some((c) => c.value !== '')}
              onClick={() =>
                saveMappings.mutate(
                  Object.values(choices)
                    .filter((c) => c.value !== '')
                    .map((c) => ({ kind: c.kind, name: c.name, target: targetOf(c.value) })),
                  { onSuccess: () => start('preview') },
                )
              }
            >
              Save mappings and preview again
            </Button>
          </div>
        </section>
      )}

      {runs.data && runs.data.runs.length > 0 && (
        <section aria-labelledby={`${inputId}-history`} className={styles.section}>
          <Subtitle1 block as="h2" id={`${inputId}-history`}>
            Recent previews and imports
          </Subtitle1>
          <DataTable
            label="Recent previews and imports"
            rows={runs.data.runs}
            rowKey={(r) => r.id}
            columns={[
              { key: 'when', header: 'When', primary: true, cell: (r) => formatInstant(r.at) },
              { key: 'file', header: 'File', cell: (r) => r.fileName },
              { key: 'what', header: 'What', cell: (r) => (r.mode === 'import' ? 'Import' : 'Preview') },
              { key: 'rows', header: 'Rows', cell: (r) => `${fmt(r.rows ?? 0)} (${fmt(r.errorRows ?? 0)} with errors)` },
              { key: 'result', header: 'Result', cell: (r) => (r.written ? `${fmt(r.written.peopleCreated)} created, ${fmt(r.written.peopleUpdated)} updated, ${fmt(r.written.peopleUnchanged)} unchanged` : '—') },
            ]}
          />
        </section>
      )}
    </div>
  );
}
