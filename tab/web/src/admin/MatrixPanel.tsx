import { Body1, Button } from '@fluentui/react-components';
import { useState } from 'react';
import { COMPLETION_METHOD_NAMES } from '../../../shared/learning-api';
import type { CatalogueAdminView } from '../../../shared/admin-api';
import { keys } from '../data/query-client';
import { useApiQuery, type Outcome } from '../data/use-api';
import { DataTable } from '../ui/DataTable';
import { OutcomeBar } from '../ui/OutcomeBar';
import { Section } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { RefreshStatus } from './matrix/RefreshStatus';
import { RolesGrid } from './matrix/RolesGrid';
import { TopicDialog, type EditingTopic } from './matrix/TopicDialog';

/** The requirement matrix: topics (renewal, ways to complete, link), local topics, and the roles × subjects grid. */
export function MatrixPanel() {
  const catalogue = useApiQuery<CatalogueAdminView>(keys.catalogue, '/api/admin/catalogue');
  const [editing, setEditing] = useState<EditingTopic>();
  const [outcome, setOutcome] = useState<Outcome>();
  return (
    <Section id="matrix-title" title="Requirement matrix">
      <Body1 block as="p">Changes apply to everyone’s learning at once; reports follow as the people affected are recomputed. Before a change moves anyone’s due dates, you see its effect and confirm.</Body1>
      <OutcomeBar outcome={outcome} />
      <RefreshStatus />
      <QueryState query={catalogue} label="the requirement matrix">
        {(view) => {
          const name = (id: string) => view.subjects.find((s) => s.value.id === id)?.value.name ?? 'a subject';
          return (
            <>
              <Section id="topics-title" title="Topics" level={3} actions={<Button onClick={() => setEditing({ value: { id: '', subjectId: '', level: 1, levelName: 'Level 1', renewalMonths: 12, methods: ['e-learning'] }, etag: '', isNew: true })}>Add a local topic</Button>}>
                <DataTable
                  label="Topics"
                  rows={view.topics}
                  rowKey={(t) => t.value.id}
                  rowProps={(t) => ({ 'data-topic': t.value.id })}
                  columns={[
                    { key: 'subject', header: 'Subject', primary: true, cell: (t) => `${name(t.value.subjectId)}, ${t.value.levelName}` },
                    { key: 'renewal', header: 'Renewal', cell: (t) => (t.value.renewalMonths === null ? 'Never' : `${t.value.renewalMonths} months`) },
                    { key: 'ways', header: 'Ways to complete', cell: (t) => t.value.methods.map((m) => COMPLETION_METHOD_NAMES[m] ?? m).join(', ') },
                    {
                      key: 'edit',
                      header: 'Change',
                      cell: (t) => (
                        <Button size="small" aria-label={`Edit ${name(t.value.subjectId)} ${t.value.levelName}`} onClick={() => setEditing({ ...t, subjectName: name(t.value.subjectId) })}>
                          Edit
                        </Button>
                      ),
                    },
                  ]}
                />
              </Section>
              <RolesGrid view={view} />
              <TopicDialog
                topic={editing}
                subjects={view.subjects}
                methods={view.methods}
                onClose={() => setEditing(undefined)}
                onSaved={(o) => {
                  setEditing(undefined);
                  setOutcome(o);
                }}
              />
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}
