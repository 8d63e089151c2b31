import { Caption1, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { STATUS_NAMES, type MatrixCellView, type TeamMemberView } from '../../../../shared/learning-api';
import { formatDate } from '../../../../shared/dates';
import { StatusBadge } from '../../ui/badges';
import { ScrollArea } from '../../ui/ScrollArea';
import { cellDate, SHORT } from './team-model';
import { PassportMarker } from '../../passport/PassportMarker';

const useStyles = makeStyles({
  scroller: { maxHeight: '70vh' },
  table: { borderCollapse: 'separate', borderSpacing: 0, fontSize: tokens.fontSizeBase200 },
  // Headers wrap inside a fixed column width: every topic name readable, none over its neighbour.
  head: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: tokens.colorNeutralBackground1,
    verticalAlign: 'bottom',
    textAlign: 'start',
    width: '8.5rem',
    minWidth: '8.5rem',
    maxWidth: '8.5rem',
    whiteSpace: 'normal',
    overflowWrap: 'break-word',
    hyphens: 'auto',
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}`,
  },
  corner: { left: 0, zIndex: 3, width: '12rem', minWidth: '12rem', maxWidth: '12rem' },
  person: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: tokens.colorNeutralBackground1,
    textAlign: 'start',
    fontWeight: tokens.fontWeightRegular,
    width: '12rem',
    minWidth: '12rem',
    maxWidth: '12rem',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    verticalAlign: 'top',
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    width: '8.5rem',
    minWidth: '8.5rem',
    maxWidth: '8.5rem',
  },
  stackCell: { display: 'flex', flexDirection: 'column', alignItems: 'flex-start', gap: tokens.spacingVerticalXXS },
  name: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
});

function Cell({ cell }: { cell: MatrixCellView | undefined }) {
  const styles = useStyles();
  if (!cell) return <Caption1>Not required</Caption1>;
  const date = cellDate(cell);
  return (
    <span className={styles.stackCell} title={STATUS_NAMES[cell.status]}>
      <StatusBadge status={cell.status} label={SHORT[cell.status]} />
      {date !== undefined && <Caption1>{date === null ? 'no expiry' : formatDate(date)}</Caption1>}
      {cell.source && <PassportMarker source={cell.source} />}
    </span>
  );
}

/**
 * The team × topics matrix for a desktop: the header row and the person column stay put while the
 * table scrolls inside its own box (with a cue when there is more to the side); topic names wrap
 * in fixed-width columns so each one can be read.
 */
export function TeamMatrix({ members, subjects, total }: { members: TeamMemberView[]; subjects: { id: string; name: string }[]; total: number }) {
  const styles = useStyles();
  return (
    <ScrollArea label="Compliance matrix" scrollerClassName={styles.scroller}>
      <table className={styles.table} aria-label={`Compliance matrix: ${members.length} of ${total} people`}>
        <thead>
          <tr>
            <th scope="col" className={mergeClasses(styles.head, styles.corner)}>
              Person (in date)
            </th>
            {subjects.map((s) => (
              <th key={s.id} scope="col" className={styles.head} data-subject-head={s.id}>
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.staffId} data-staff={m.staffId}>
              <th scope="row" className={styles.person}>
                <span className={styles.name}>{m.name}</span>
                <Caption1>
                  {m.percent}% in date{m.away ? ' · away' : ''}
                  <br />
                  {m.roles.join(', ')}
                </Caption1>
              </th>
              {subjects.map((s) => (
                <td key={s.id} className={styles.cell} data-subject={s.id}>
                  <Cell cell={m.cells.find((c) => c.subjectId === s.id)} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollArea>
  );
}
