import { Button, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../../api';
import type { ActionAnswer, TeamView } from '../../../../shared/learning-api';
import { formatDate } from '../../../../shared/dates';
import { keys } from '../../data/query-client';
import { useApiMutation } from '../../data/use-api';
import { DataTable } from '../../ui/DataTable';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { Section } from '../../ui/Page';
import { DateInput } from '../../ui/DateInput';
import { useLayout } from '../../ui/styles';

const EMPTY = { staffId: '', subjectId: '', sessionDate: '', reason: '', plan: '' };

/** Did-not-attend records of the team, and the form to record one (the reason and the plan agreed). */
export function DnaSection({ view }: { view: TeamView }) {
  const layout = useLayout();
  const [dna, setDna] = useState(EMPTY);
  const record = useApiMutation((body: typeof EMPTY) => apiFetch<ActionAnswer>('/api/team/dna', { body: { ...body, plan: body.plan || undefined } }), { invalidates: [keys.team] });
  return (
    <Section id="dna-title" title="Did not attend">
      <DataTable
        label="Did not attend"
        rows={view.dna}
        rowKey={(d) => d.id}
        empty="No non-attendance recorded."
        columns={[
          { key: 'who', header: 'Who', primary: true, cell: (d) => d.learnerName },
          { key: 'topic', header: 'Topic', cell: (d) => d.subject },
          { key: 'session', header: 'Session', cell: (d) => formatDate(d.sessionDate) },
          { key: 'reason', header: 'Reason and plan', cell: (d) => `${d.reason}${d.plan ? ` · plan: ${d.plan}` : ''}` },
          { key: 'by', header: 'Recorded by', cell: (d) => d.recordedBy },
        ]}
      />
      <form
        className={layout.form}
        aria-labelledby="record-dna-title"
        onSubmit={(e) => {
          e.preventDefault();
          record.mutate(dna, { onSuccess: () => setDna(EMPTY) });
        }}
      >
        <Section id="record-dna-title" title="Record did not attend" level={3}>
          <div className={layout.fields}>
            <Field label="Who" required>
              <Select value={dna.staffId} onChange={(_e, d) => setDna({ ...dna, staffId: d.value })}>
                <option value="">Choose…</option>
                {view.members.map((m) => (
                  <option key={m.staffId} value={m.staffId}>
                    {m.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Session topic" required>
              <Select value={dna.subjectId} onChange={(_e, d) => setDna({ ...dna, subjectId: d.value })}>
                <option value="">Choose…</option>
                {view.subjects.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </Field>
            <DateInput label="Session date" required max={view.asOf} value={dna.sessionDate} onChange={(iso) => setDna({ ...dna, sessionDate: iso ?? '' })} />
          </div>
          <Field label="Reason" required>
            <Input value={dna.reason} onChange={(_e, d) => setDna({ ...dna, reason: d.value })} maxLength={500} />
          </Field>
          <Field label="Plan agreed (optional)">
            <Textarea value={dna.plan} onChange={(_e, d) => setDna({ ...dna, plan: d.value })} maxLength={500} />
          </Field>
          <OutcomeBar outcome={record.outcome} />
          <div>
            <Button type="submit" disabled={record.isPending}>
              Record it
            </Button>
          </div>
        </Section>
      </form>
    </Section>
  );
}
