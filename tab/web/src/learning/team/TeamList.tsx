import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamMemberView } from '../../../../shared/learning-api';
import { formatDate } from '../../../../shared/dates';
import { StatusBadge } from '../../ui/badges';
import { cellDate, SHORT, worstFirst } from './team-model';
import { PassportMarker } from '../../passport/PassportMarker';

const useStyles = makeStyles({
  header: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS, textAlign: 'start', paddingBlock: tokens.spacingVerticalXS },
  worst: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  items: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  item: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) auto', gap: tokens.spacingHorizontalS, alignItems: 'center', paddingBlock: tokens.spacingVerticalXXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  right: { display: 'flex', flexDirection: 'column', alignItems: 'flex-end', gap: tokens.spacingVerticalXXS },
});

/**
 * The team on a phone: one line per person with their worst item, opening to all their items
 * (worst first), instead of a matrix that cannot fit.
 */
export function TeamList({ members, subjectName, subject }: { members: TeamMemberView[]; subjectName: (id: string) => string; subject: string }) {
  const styles = useStyles();
  return (
    <Accordion multiple collapsible aria-label={`Your team: ${members.length} people`}>
      {members.map((m) => {
        const cells = worstFirst(subject ? m.cells.filter((c) => c.subjectId === subject) : m.cells);
        const worst = cells[0];
        return (
          <AccordionItem key={m.staffId} value={m.staffId} data-staff={m.staffId}>
            <AccordionHeader>
              <span className={styles.header}>
                <Body1>
                  <strong>{m.name}</strong> · {m.percent}% in date{m.away ? ' · away' : ''}
                </Body1>
                {worst && (
                  <span className={styles.worst}>
                    <StatusBadge status={worst.status} label={SHORT[worst.status]} />
                    <Caption1>
                      {subjectName(worst.subjectId)}
                      {cellDate(worst) ? `, ${formatDate(cellDate(worst))}` : ''}
                    </Caption1>
                  </span>
                )}
              </span>
            </AccordionHeader>
            <AccordionPanel>
              <Caption1 block>{m.roles.join(', ')}</Caption1>
              <ul className={styles.items} aria-label={`${m.name}'s learning`}>
                {cells.map((c) => {
                  const date = cellDate(c);
                  return (
                    <li key={c.subjectId} className={styles.item} data-subject={c.subjectId}>
                      <Body1>{subjectName(c.subjectId)}</Body1>
                      <span className={styles.right}>
                        <StatusBadge status={c.status} label={SHORT[c.status]} />
                        {date !== undefined && <Caption1>{date === null ? 'no expiry' : formatDate(date)}</Caption1>}
                        {c.source && <PassportMarker source={c.source} />}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </AccordionPanel>
          </AccordionItem>
        );
      })}
    </Accordion>
  );
}
