import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { MatrixStatus, TeamView } from '../../../shared/learning-api';
import { formatDate } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiQuery } from '../data/use-api';
import { MATRIX_ORDER, StatusBadge } from '../ui/badges';
import { Page, Section } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { useLayout } from '../ui/styles';
import { useNarrow } from '../ui/use-narrow';
import { DecisionList } from './team/DecisionList';
import { DnaSection } from './team/DnaSection';
import { TeamList } from './team/TeamList';
import { TeamMatrix } from './team/TeamMatrix';
import { filterMembers, MEANING, SHORT, type Filter } from './team/team-model';

const useStyles = makeStyles({
  legend: { listStyle: 'none', padding: 0, margin: 0, display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalL, rowGap: tokens.spacingVerticalXS },
  legendItem: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
});

/** What each status word in the matrix means, once: the badge, then its meaning in words. */
function Key() {
  const styles = useStyles();
  return (
    <ul className={styles.legend} aria-label="Key">
      {(MATRIX_ORDER as MatrixStatus[]).map((s) => (
        <li key={s} className={styles.legendItem}>
          <StatusBadge status={s} label={SHORT[s]} />
          <Body1>{MEANING[s]}</Body1>
        </li>
      ))}
    </ul>
  );
}

/**
 * A manager's page: decisions waiting first (decided in place), then the team — a matrix with a
 * fixed header and person column on a desktop, a list of people with their worst item on a phone —
 * with filters, then who is overdue and did-not-attend records.
 */
export default function TeamPage() {
  const layout = useLayout();
  const narrow = useNarrow();
  const team = useApiQuery<TeamView>(keys.team, '/api/team');
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [subject, setSubject] = useState('');
  const members = useMemo(() => (team.data ? filterMembers(team.data, { query, filter, subject }) : []), [team.data, query, filter, subject]);

  return (
    <Page id="team" title="My team">
      <QueryState query={team} label="your team">
        {(view) => {
          if (view.members.length === 0) return <Body1 block as="p">You have nobody in your team on record. If you manage people, ask learning and development to record you as their line manager.</Body1>;
          const shown = subject ? view.subjects.filter((s) => s.id === subject) : view.subjects;
          const subjectName = (id: string) => view.subjects.find((s) => s.id === id)?.name ?? 'a topic';
          const overdue = view.members.flatMap((m) => m.cells.filter((c) => c.status === 'overdue').map((c) => ({ member: m, cell: c })));
          return (
            <>
              <Section id="pending-title" title={`Decisions waiting for you (${view.pending.length})`}>
                <DecisionList pending={view.pending} />
              </Section>
              <Section id="matrix-title" title={`Your team (${view.members.length})`}>
                <div className={layout.toolbar} role="search" aria-label="Filter the team">
                  <Field label="Name">
                    <Input value={query} onChange={(_e, d) => setQuery(d.value)} />
                  </Field>
                  <Field label="Show">
                    <Select value={filter} onChange={(_e, d) => setFilter(d.value as Filter)}>
                      <option value="all">Everyone</option>
                      <option value="overdue">Anyone overdue</option>
                      <option value="not-compliant">Anyone with something to do</option>
                      <option value="away">People away</option>
                    </Select>
                  </Field>
                  <Field label="Topic">
                    <Select value={subject} onChange={(_e, d) => setSubject(d.value)}>
                      <option value="">All topics</option>
                      {view.subjects.map((s) => (
                        <option key={s.id} value={s.id}>
                          {s.name}
                        </option>
                      ))}
                    </Select>
                  </Field>
                </div>
                <Body1 block as="p" role="status">
                  Showing {members.length} of {view.members.length} people.
                </Body1>
                <Key />
                {narrow ? <TeamList members={members} subjectName={subjectName} subject={subject} /> : <TeamMatrix members={members} subjects={shown} total={view.members.length} />}
              </Section>
              <Accordion collapsible>
                <AccordionItem value="overdue">
                  <AccordionHeader as="h2">Overdue ({overdue.length})</AccordionHeader>
                  <AccordionPanel>
                    {overdue.length === 0 ? (
                      <Body1 block as="p">Nobody is overdue.</Body1>
                    ) : (
                      <ul>
                        {overdue.map(({ member, cell }) => (
                          <li key={`${member.staffId}-${cell.subjectId}`}>
                            {member.name}: {subjectName(cell.subjectId)}, due {formatDate(cell.dueDate)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </AccordionPanel>
                </AccordionItem>
              </Accordion>
              <DnaSection view={view} />
            </>
          );
        }}
      </QueryState>
    </Page>
  );
}
