import {
  Body1,
  Button,
  Caption1,
  Input,
  Label,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Title3,
} from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { apiFetch } from '../api';
import { Problem } from '../shell/Problem';
import type { AnnualPlanResponse, AnnualPlanTopic, AnnualPlanUpdate } from '../../../shared/reports';
import { ExportButtons, useApi, useReportStyles } from './report-ui';

type Draft = Pick<AnnualPlanTopic, 'nationalContent' | 'assessMinutes' | 'completeMinutes' | 'improvement'>;
const keyOf = (t: Pick<AnnualPlanTopic, 'subjectId' | 'level'>) => `${t.subjectId}|${t.level}`;
const minutes = (text: string): number | null => (text.trim() === '' ? null : Math.max(0, Math.round(Number(text))));

/**
 * The Federated Data Platform annual plan: facts (headcount, renewal) are worked out from the
 * requirement matrix and the people and cannot be edited; judgements (national content, time to
 * assess and to complete, the improvement expected) are the MLOG's and are saved.
 */
export function AnnualPlanPanel({ onError }: { onError: (e: unknown) => void }) {
  const styles = useReportStyles();
  const id = useId();
  const { data, error, set } = useApi<AnnualPlanResponse>('/api/reports/annual-plan');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [submitter, setSubmitter] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();

  useEffect(() => {
    if (!data) return;
    setSubmitter(data.submitterName);
    setSubmitted(data.dateSubmitted ?? '');
    setDrafts(Object.fromEntries([...data.national, ...data.local].map((t) => [keyOf(t), { nationalContent: t.nationalContent, assessMinutes: t.assessMinutes, completeMinutes: t.completeMinutes, improvement: t.improvement }])));
  }, [data]);

  if (error) return <Problem error={error} title="Could not load the annual plan" />;
  if (!data) return <Spinner label="Working out the plan" />;

  const change = (t: AnnualPlanTopic, patch: Partial<Draft>) => {
    setSaved(false);
    setDrafts((d) => ({ ...d, [keyOf(t)]: { ...d[keyOf(t)]!, ...patch } }));
  };
  const save = async () => {
    setSaving(true);
    setSaveError(undefined);
    const body: AnnualPlanUpdate = {
      header: { submitterName: submitter, dateSubmitted: /^\d{4}-\d{2}-\d{2}$/.test(submitted) ? submitted : null },
      topics: [...data.national, ...data.local].map((t) => ({ subjectId: t.subjectId, level: t.level, ...drafts[keyOf(t)]! })),
    };
    try {
      set(await apiFetch<AnnualPlanResponse>(`/api/reports/annual-plan/${data.year}`, { method: 'PUT', body }));
      setSaved(true);
    } catch (e) {
      setSaveError(e);
    } finally {
      setSaving(false);
    }
  };

  const table = (title: string, rows: AnnualPlanTopic[]) => (
    <section aria-labelledby={`${id}-${title}`} className={styles.section}>
      <Title3 as="h2" id={`${id}-${title}`}>
        {title}
      </Title3>
      {rows.length === 0 ? (
        <Body1 as="p">None in the catalogue.</Body1>
      ) : (
        <div className={styles.scroll}>
          <Table aria-label={title} size="small">
            <TableHeader>
              <TableRow>
                {['Topic', 'Headcount required to complete topic', 'Use national content (Y/N)', 'Time to assess competency (minutes)', 'Time to complete learning (minutes)', 'Renewal frequency', 'Expected measurable improvement in outcomes', 'Staff hours a year'].map((h) => (
                  <TableHeaderCell key={h}>{h}</TableHeaderCell>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((t) => {
                const d = drafts[keyOf(t)];
                if (!d) return null;
                const f = `${id}-${t.subjectId}-${t.level}`;
                return (
                  <TableRow key={keyOf(t)}>
                    <TableCell>{t.topic}</TableCell>
                    <TableCell className={styles.num}>{t.headcountRequired.toLocaleString('en-GB')}</TableCell>
                    <TableCell>
                      <Select aria-label={`Use national content for ${t.topic}`} id={`${f}-national`} value={d.nationalContent} onChange={(_e, v) => change(t, { nationalContent: v.value as 'Y' | 'N' })}>
                        <option value="Y">Y</option>
                        <option value="N">N</option>
                      </Select>
                    </TableCell>
                    <TableCell>
                      <Input aria-label={`Minutes to assess competency in ${t.topic}`} type="number" min={0} value={d.assessMinutes === null ? '' : String(d.assessMinutes)} onChange={(_e, v) => change(t, { assessMinutes: minutes(v.value) })} />
                    </TableCell>
                    <TableCell>
                      <Input aria-label={`Minutes to complete ${t.topic}`} type="number" min={0} value={d.completeMinutes === null ? '' : String(d.completeMinutes)} onChange={(_e, v) => change(t, { completeMinutes: minutes(v.value) })} />
                    </TableCell>
                    <TableCell>{t.renewal}</TableCell>
                    <TableCell>
                      <Textarea aria-label={`Expected measurable improvement for ${t.topic}`} value={d.improvement} maxLength={2000} onChange={(_e, v) => change(t, { improvement: v.value })} />
                    </TableCell>
                    <TableCell className={styles.num}>{t.staffHoursPerYear === null ? '—' : t.staffHoursPerYear.toLocaleString('en-GB')}</TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );

  return (
    <div className={styles.section}>
      <Body1 as="p">
        Annual mandatory learning plan {data.label} for {data.organisationName}. Headcount as of 1 March {data.year}: <strong>{data.headcount.value.toLocaleString('en-GB')}</strong> <Caption1>({data.headcount.basis})</Caption1>. Planned staff time:{' '}
        <strong>{data.totals.staffHoursPerYear.toLocaleString('en-GB')} hours a year</strong>.
      </Body1>
      <Caption1>Headcounts and renewal come from the requirement matrix and the people and cannot be edited here; the other columns are the MLOG&apos;s judgement.</Caption1>
      <div className={styles.toolbar}>
        <div>
          <Label htmlFor={`${id}-submitter`}>Name of submitter</Label>
          <Input id={`${id}-submitter`} value={submitter} onChange={(_e, d) => (setSubmitter(d.value), setSaved(false))} />
        </div>
        <div>
          <Label htmlFor={`${id}-date`}>Date form submitted</Label>
          <Input id={`${id}-date`} type="date" value={submitted} onChange={(_e, d) => (setSubmitted(d.value), setSaved(false))} />
        </div>
        <Button appearance="primary" disabled={saving} onClick={() => void save()}>
          Save the plan
        </Button>
        <ExportButtons report="annual-plan" query={{ year: String(data.year) }} label="the plan" onError={onError} />
        {saving && <Spinner size="tiny" label="Saving" />}
      </div>
      {saved && (
        <MessageBar intent="success">
          <MessageBarBody>Plan saved.</MessageBarBody>
        </MessageBar>
      )}
      {saveError !== undefined && <Problem error={saveError} title="The plan was not saved" />}
      {table('Nationally mandated topics', data.national)}
      {table('Locally mandated topics', data.local)}
    </div>
  );
}
