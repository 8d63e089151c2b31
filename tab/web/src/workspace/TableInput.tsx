import { Button, Caption1, Card, Field, Input, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular, Open16Regular } from '@fluentui/react-icons';
import { formatTable, parseTable, type ColumnDefinition } from '../../../shared/workspace-api';
import { useLayout } from '../ui/styles';
import { useBits } from './bits';
import { ScrollArea } from '../ui/ScrollArea';
import { useNarrow } from '../ui/use-narrow';

const useStyles = makeStyles({
  // position: relative keeps visually hidden (absolute) headers inside the scroll box, not widening the page.
  wrap: { maxWidth: '100%', position: 'relative', minWidth: 0 },
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '480px' },
  th: { textAlign: 'start', padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  td: { padding: tokens.spacingVerticalXS, verticalAlign: 'top' },
  cell: { width: '100%', minWidth: '8em' },
  url: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
  cards: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { gap: tokens.spacingVerticalXS },
});

const isHttp = (url: string) => /^https?:\/\/\S+$/i.test(url);

/**
 * A table field (supervisors, evidence links…): one row per line, cells separated by a TAB, so it is
 * saved, merged and versioned as text. Cell edits go to `onChange` (shared as they are typed);
 * adding or removing a row is committed at once.
 */
export function TableInput({ label, value, columns, readOnly, onChange, onCommit }: { label: string; value: string; columns: ColumnDefinition[]; readOnly: boolean; onChange: (text: string) => void; onCommit: (text: string) => void }) {
  const layout = useLayout();
  const bits = useBits();
  const styles = useStyles();
  const rows = parseTable(value, columns);
  const setCell = (r: number, key: string, cell: string) => onChange(formatTable(rows.map((row, i) => (i === r ? { ...row, [key]: cell } : row)), columns));
  const blank = Object.fromEntries(columns.map((c) => [c.key, c.options?.[0] ?? '']));
  // An all-empty row would vanish from the text (empty lines are skipped), so a new row starts with a placeholder.
  const addRow = () => onCommit(formatTable([...rows, { ...blank, [columns[0]!.key]: blank[columns[0]!.key] || 'New' }], columns));
  const removeRow = (r: number) => onCommit(formatTable(rows.filter((_, i) => i !== r), columns));
  const narrow = useNarrow();
  const editor = (c: ColumnDefinition, r: number, cell: string, name: string) =>
    c.options ? (
      <Select aria-label={name} value={cell} onChange={(_, d) => setCell(r, c.key, d.value)}>
        {!c.options.includes(cell) && <option value={cell}>{cell || '—'}</option>}
        {c.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    ) : (
      <Input className={styles.cell} aria-label={name} type={c.kind === 'url' ? 'url' : 'text'} value={cell} onChange={(_, d) => setCell(r, c.key, d.value)} />
    );
  if (narrow && rows.length > 0) {
    // On a phone every column of every row is visible: one card a row, each cell labelled, its Remove button at hand.
    return (
      <div>
        <ul className={styles.cards} aria-label={label}>
          {rows.map((row, r) => (
            <li key={r}>
              <Card className={styles.card}>
                {columns.map((c) => {
                  const cell = row[c.key] ?? '';
                  const name = `${c.label}, row ${r + 1}`;
                  return readOnly ? (
                    <Caption1 key={c.key} block>
                      <strong>{c.label}:</strong> {c.kind === 'url' && isHttp(cell) ? <Link href={cell} target="_blank" rel="noreferrer">{cell}</Link> : cell || '—'}
                    </Caption1>
                  ) : (
                    <Field key={c.key} label={c.label}>
                      {editor(c, r, cell, name)}
                    </Field>
                  );
                })}
                {!readOnly && (
                  <div>
                    <Button icon={<Delete16Regular />} onClick={() => removeRow(r)}>
                      Remove row {r + 1}
                    </Button>
                  </div>
                )}
              </Card>
            </li>
          ))}
        </ul>
        {!readOnly && (
          <Button icon={<Add16Regular />} onClick={addRow} className={bits.topXS}>
            Add a row
          </Button>
        )}
      </div>
    );
  }
  return (
    <div className={styles.wrap}>
      {rows.length === 0 ? (
        <Caption1 block as="p">No rows yet.</Caption1>
      ) : (
        <ScrollArea label={`${label}, scrolls sideways when it does not fit`}>
        <table className={styles.table} aria-label={label}>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.key} className={styles.th} scope="col">
                  {c.label}
                </th>
              ))}
              {!readOnly && (
                <th className={styles.th} scope="col">
                  <span className={layout.visuallyHidden}>Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={r}>
                {columns.map((c) => {
                  const cell = row[c.key] ?? '';
                  const name = `${c.label}, row ${r + 1}`;
                  if (readOnly)
                    return (
                      <td key={c.key} className={styles.td}>
                        {c.kind === 'url' && isHttp(cell) ? (
                          <Link href={cell} target="_blank" rel="noreferrer">
                            {cell}
                          </Link>
                        ) : (
                          cell
                        )}
                      </td>
                    );
                  return (
                    <td key={c.key} className={styles.td}>
                      {c.options ? (
                        <Select aria-label={name} value={cell} onChange={(_, d) => setCell(r, c.key, d.value)}>
                          {!c.options.includes(cell) && <option value={cell}>{cell || '—'}</option>}
                          {c.options.map((o) => (
                            <option key={o} value={o}>
                              {o}
                            </option>
                          ))}
                        </Select>
                      ) : (
                        <div className={styles.url}>
                          <Input className={styles.cell} aria-label={name} type={c.kind === 'url' ? 'url' : 'text'} value={cell} onChange={(_, d) => setCell(r, c.key, d.value)} />
                          {c.kind === 'url' && isHttp(cell) && (
                            <Link href={cell} target="_blank" rel="noreferrer" aria-label={`Open ${name}`}>
                              <Open16Regular />
                            </Link>
                          )}
                        </div>
                      )}
                    </td>
                  );
                })}
                {!readOnly && (
                  <td className={styles.td}>
                    <Button appearance="subtle" icon={<Delete16Regular />} aria-label={`Remove row ${r + 1}`} onClick={() => removeRow(r)} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
        </ScrollArea>
      )}
      {!readOnly && (
        <Button icon={<Add16Regular />} onClick={addRow} className={bits.topXS}>
          Add a row
        </Button>
      )}
    </div>
  );
}
