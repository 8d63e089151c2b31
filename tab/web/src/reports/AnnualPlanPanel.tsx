import { Body1, Button, Caption1, Field, Input, makeStyles, MessageBar, MessageBarBody, Select, Subtitle1, Textarea, tokens } from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState } from 'react';
import { apiFetch } from '../api';
import type { AnnualPlanResponse, AnnualPlanTopic, AnnualPlanUpdate } from '../../../shared/reports';
import { keys } from '../data/query-client';
import { useApiMutation, useApiQuery } from '../data/use-api';
import { DataTable } from '../ui/DataTable';
import { DateInput } from '../ui/DateInput';
import { OutcomeBar } from '../ui/OutcomeBar';
import { QueryState } from '../ui/QueryState';
import { ExportButtons, useReportStyles } from './report-ui';

type Draft = Pick<AnnualPlanTopic, 'nationalContent' | 'assessMinutes' | 'completeMinutes' | 'improvement'>;
const keyOf = (t: Pick<AnnualPlanTopic, 'subjectId' | 'level'>) => `${t.subjectId}|${t.level}`;
const minutes = (text: string): number | null => (text.trim() === '' ? null : Math.max(0, Math.round(Number(text))));
const draftOf = (t: AnnualPlanTopic): Draft => ({ nationalContent: t.nationalContent, assessMinutes: t.assessMinutes, completeMinutes: t.completeMinutes, improvement: t.improvement });
const same = (a: Draft, b: Draft) => a.nationalContent === b.nationalContent && a.assessMinutes === b.assessMinutes && a.completeMinutes === b.completeMinutes && a.improvement === b.improvement;

const useStyles = makeStyles({
  // Inputs sized for what they hold, so a minutes box never runs over the renewal beside it.
  minutes: { width: '6.5rem', minWidth: 0, maxWidth: '100%' },
  yesNo: { width: '5rem', minWidth: 0 },
  improvement: { minWidth: 'min(16rem, 100%)', width: '100%' },
  formula: { padding: tokens.spacingHorizontalM, backgroundColor: tokens.colorNeutralBackground2, borderRadius: tokens.borderRadiusMedium },
});

/**
 * The Federated Data Platform annual plan: facts (headcount, renewal) are worked out from the
 * requirement matrix and the people and cannot be edited; judgements (national content, time to
 * assess and to complete, the improvement expected) are the MLOG's and are saved. The page says
 * when there are unsaved changes, and the reports page asks before they would be lost.
 */
export function AnnualPlanPanel({ onError, onDirtyChange }: { onError: (e: unknown) => void; onDirtyChange: (dirty: boolean) => void }) {
  const styles = useReportStyles();
  const own = useStyles();
  const id = useId();
  const key = keys.report('annual-plan', '');
  const plan = useApiQuery<AnnualPlanResponse>(key, '/api/reports/annual-plan');
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [submitter, setSubmitter] = useState('');
  const [submitted, setSubmitted] = useState<string>();
  const save = useApiMutation((body: { year: number; update: AnnualPlanUpdate }) => apiFetch<AnnualPlanResponse>(`/api/reports/annual-plan/${body.year}`, { method: 'PUT', body: body.update }), {
    update: (result, _v, client) => client.setQueryData(key, result),
    success: () => 'Plan saved.',
  });

  const data = plan.data;
  useEffect(() => {
    if (!data) return;
    setSubmitter(data.submitterName);
    setSubmitted(data.dateSubmitted ?? undefined);
    setDrafts(Object.fromEntries([...data.national, ...data.local].map((t) => [keyOf(t), draftOf(t)])));
  }, [data]);

  const dirty = useMemo(() => {
    if (!data) return false;
    if (submitter !== data.submitterName || (submitted ?? null) !== data.dateSubmitted) return true;
    return [...data.national, ...data.local].some((t) => drafts[keyOf(t)] && !same(drafts[keyOf(t)]!, draftOf(t)));
  }, [data, drafts, submitter, submitted]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const change = (t: AnnualPlanTopic, patch: Partial<Draft>) => setDrafts((d) => ({ ...d, [keyOf(t)]: { ...d[keyOf(t)]!, ...patch } }));

  return (
    <QueryState query={plan} label="the annual plan">
      {(view) => {
        const submit = () =>
          save.mutate({
            year: view.year,
            update: {
              header: { submitterName: submitter, dateSubmitted: submitted ?? null },
              topics: [...view.national, ...view.local].map((t) => ({ subjectId: t.subjectId, level: t.level, ...(drafts[keyOf(t)] ?? draftOf(t)) })),
            },
          });
        const table = (title: string, rows: AnnualPlanTopic[]) => (
          <section aria-labelledby={`${id}-${title}`} className={styles.section}>
            <Subtitle1 block as="h2" id={`${id}-${title}`}>
              {title}
            </Subtitle1>
            <DataTable
              label={title}
              rows={rows}
              rowKey={keyOf}
              empty={<Body1 block as="p">None in the catalogue.</Body1>}
              columns={[
                { key: 'topic', header: 'Topic', primary: true, cell: (t) => t.topic },
                { key: 'headcount', header: 'Headcount required to complete topic', numeric: true, cell: (t) => t.headcountRequired.toLocaleString('en-GB') },
                {
                  key: 'national',
                  header: 'Use national content (Y/N)',
                  cell: (t) => (
                    <Select className={own.yesNo} aria-label={`Use national content for ${t.topic}`} value={drafts[keyOf(t)]?.nationalContent ?? t.nationalContent} onChange={(_e, v) => change(t, { nationalContent: v.value as 'Y' | 'N' })}>
                      <option value="Y">Y</option>
                      <option value="N">N</option>
                    </Select>
                  ),
                },
                {
                  key: 'assess',
                  header: 'Time to assess competency (minutes)',
                  cell: (t) => (
                    <Input className={own.minutes} aria-label={`Minutes to assess competency in ${t.topic}`} type="number" min={0} value={String(drafts[keyOf(t)]?.assessMinutes ?? '')} onChange={(_e, v) => change(t, { assessMinutes: minutes(v.value) })} />
                  ),
                },
                {
                  key: 'complete',
                  header: 'Time to complete learning (minutes)',
                  cell: (t) => (
                    <Input className={own.minutes} aria-label={`Minutes to complete ${t.topic}`} type="number" min={0} value={String(drafts[keyOf(t)]?.completeMinutes ?? '')} onChange={(_e, v) => change(t, { completeMinutes: minutes(v.value) })} />
                  ),
                },
                { key: 'renewal', header: 'Renewal frequency', cell: (t) => t.renewal },
                {
                  key: 'improvement',
                  header: 'Expected measurable improvement in outcomes',
                  cell: (t) => (
                    <Textarea className={own.improvement} aria-label={`Expected measurable improvement for ${t.topic}`} value={drafts[keyOf(t)]?.improvement ?? ''} maxLength={2000} onChange={(_e, v) => change(t, { improvement: v.value })} />
                  ),
                },
                { key: 'hours', header: 'Staff hours a year', numeric: true, cell: (t) => (t.staffHoursPerYear === null ? '—' : t.staffHoursPerYear.toLocaleString('en-GB')) },
              ]}
            />
          </section>
        );
        return (
          <div className={styles.section}>
            <Body1 block as="p">
              Annual mandatory learning plan {view.label} for {view.organisationName}. Headcount as of 1 March {view.year}: <strong>{view.headcount.value.toLocaleString('en-GB')}</strong> <Caption1>({view.headcount.basis})</Caption1>. Planned staff time:{' '}
              <strong>{view.totals.staffHoursPerYear.toLocaleString('en-GB')} hours a year</strong> (as last saved).
            </Body1>
            <Body1 block as="p" className={own.formula}>
              {view.formula}
            </Body1>
            <Caption1 block>Headcounts and renewal come from the requirement matrix and the people and cannot be edited here; the other columns are the MLOG&apos;s judgement.</Caption1>
            <div className={styles.toolbar}>
              <Field label="Name of submitter">
                <Input value={submitter} onChange={(_e, d) => setSubmitter(d.value)} />
              </Field>
              <DateInput label="Date form submitted" value={submitted} onChange={setSubmitted} />
              <Button appearance="primary" disabled={save.isPending || !dirty} onClick={submit}>
                Save the plan
              </Button>
              <ExportButtons report="annual-plan" query={{ year: String(view.year) }} label="the plan" onError={onError} />
            </div>
            {dirty && (
              <MessageBar intent="warning">
                <MessageBarBody>You have unsaved changes. Save the plan to keep them; the hours follow once saved.</MessageBarBody>
              </MessageBar>
            )}
            {!dirty && <OutcomeBar outcome={save.outcome} />}
            {table('Nationally mandated topics', view.national)}
            {table('Locally mandated topics', view.local)}
          </div>
        );
      }}
    </QueryState>
  );
}
