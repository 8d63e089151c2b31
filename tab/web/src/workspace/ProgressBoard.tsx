import {
  Badge,
  Caption1,
  Field,
  Input,
  Link,
  makeStyles,
  Select,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { SECTION_STATUSES, type SectionState, type SectionStatus, type WorkspaceView } from '../../../shared/workspace-api';
import { formatDate } from './countdown';
import { STATUS_COLOR, STATUS_LABEL } from './labels';

const useStyles = makeStyles({
  filters: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(min(180px, 100%), 1fr))', gap: tokens.spacingHorizontalM, alignItems: 'end' },
  // position: relative keeps visually hidden (absolute) headers inside the scroll box, not widening the page.
  wrap: { overflowX: 'auto', maxWidth: '100%', position: 'relative' },
  fill: { width: '100%', minWidth: 0, maxWidth: '100%' },
  table: { minWidth: '640px' },
  overdue: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

function ownerText(s: SectionState | undefined): string {
  const parts = [s?.owner?.person?.name, s?.owner?.practiceName ?? s?.owner?.practiceOds].filter(Boolean);
  return parts.length ? parts.join(', ') : 'Unassigned';
}

/** Every section with its owner, status and due date; filter by status, owner or words, or only mine. */
export function ProgressBoard({ view, today, onOpen }: { view: WorkspaceView; today: string; onOpen: (sectionId: string) => void }) {
  const styles = useStyles();
  const [status, setStatus] = useState<SectionStatus | ''>('');
  const [owner, setOwner] = useState('');
  const [words, setWords] = useState('');
  const [mine, setMine] = useState(false);
  const rows = view.definitions.sections.map((def) => ({ def, state: view.sections[def.id] }));
  const owners = useMemo(() => [...new Set(rows.map((r) => ownerText(r.state)))].sort(), [rows]);
  const shown = rows.filter(({ def, state }) => {
    if (status && (state?.status ?? 'not-started') !== status) return false;
    if (owner && ownerText(state) !== owner) return false;
    if (mine && state?.owner?.person?.staffId !== view.me.staffId) return false;
    if (words && !`${def.number} ${def.title}`.toLowerCase().includes(words.toLowerCase())) return false;
    return true;
  });
  return (
    <section aria-labelledby="board-title">
      <Title3 block as="h2" id="board-title">
        Progress board
      </Title3>
      <div className={styles.filters} role="search" aria-label="Filter sections">
        <Field label="Status">
          <Select className={styles.fill} select={{ className: styles.fill }} value={status} onChange={(_, d) => setStatus(d.value as SectionStatus | '')}>
            <option value="">Any status</option>
            {SECTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Owner">
          <Select className={styles.fill} select={{ className: styles.fill }} value={owner} onChange={(_, d) => setOwner(d.value)}>
            <option value="">Anyone</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Find a section">
          <Input value={words} onChange={(_, d) => setWords(d.value)} />
        </Field>
        <Switch label="Only sections I own" checked={mine} onChange={(_, d) => setMine(d.checked)} />
      </div>
      <Caption1 block as="p" role="status">
        Showing {shown.length} of {rows.length} sections
      </Caption1>
      <div className={styles.wrap}>
        <Table className={styles.table} aria-label="Sections">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Section</TableHeaderCell>
              <TableHeaderCell>Owner</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
              <TableHeaderCell>Due</TableHeaderCell>
              <TableHeaderCell>Feedback</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {shown.map(({ def, state }) => {
              const s = state?.status ?? 'not-started';
              const overdue = state?.dueDate && state.dueDate < today && s !== 'agreed';
              return (
                <TableRow key={def.id}>
                  <TableCell>
                    <Link
                      href={`?${new URLSearchParams({ ...Object.fromEntries(new URLSearchParams(location.search)), section: def.id }).toString()}`}
                      onClick={(e) => {
                        e.preventDefault();
                        onOpen(def.id);
                      }}
                    >
                      {def.number}. {def.title}
                    </Link>
                  </TableCell>
                  <TableCell>{ownerText(state)}</TableCell>
                  <TableCell>
                    <Badge appearance="tint" color={STATUS_COLOR[s]}>
                      {STATUS_LABEL[s]}
                    </Badge>
                  </TableCell>
                  <TableCell>
                    <span className={overdue ? styles.overdue : undefined}>
                      {formatDate(state?.dueDate)}
                      {overdue ? ' (overdue)' : ''}
                    </span>
                  </TableCell>
                  <TableCell>{state?.changesRequested ? <Badge appearance="tint" color="warning">Changes requested</Badge> : '—'}</TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
