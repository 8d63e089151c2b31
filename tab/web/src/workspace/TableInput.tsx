import { Button, Caption1, Input, Link, makeStyles, Select, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular, Open16Regular } from '@fluentui/react-icons';
import { formatTable, parseTable, type ColumnDefinition } from '../../../shared/workspace-api';

const useStyles = makeStyles({
  // position: relative keeps visually hidden (absolute) headers inside the scroll box, not widening the page.
  wrap: { overflowX: 'auto', maxWidth: '100%', position: 'relative' },
  table: { borderCollapse: 'collapse', width: '100%', minWidth: '480px' },
  th: { textAlign: 'start', padding: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  td: { padding: tokens.spacingVerticalXS, verticalAlign: 'top' },
  cell: { width: '100%', minWidth: '8em' },
  url: { display: 'flex', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

const isHttp = (url: string) => /^https?:\/\/\S+$/i.test(url);

/**
 * A table field (supervisors, evidence links…): one row per line, cells separated by a TAB, so it is
 * saved, merged and versioned as text. Cell edits go to `onChange` (shared as they are typed);
 * adding or removing a row is committed at once.
 */
export function TableInput({ label, value, columns, readOnly, onChange, onCommit }: { label: string; value: string; columns: ColumnDefinition[]; readOnly: boolean; onChange: (text: string) => void; onCommit: (text: string) => void }) {
  const styles = useStyles();
  const rows = parseTable(value, columns);
  const setCell = (r: number, key: string, cell: string) => onChange(formatTable(rows.map((row, i) => (i === r ? { ...row, [key]: cell } : row)), columns));
  const blank = Object.fromEntries(columns.map((c) => [c.key, c.options?.[0] ?? '']));
  // An all-empty row would vanish from the text (empty lines are skipped), so a new row starts with a placeholder.
  const addRow = () => onCommit(formatTable([...rows, { ...blank, [columns[0]!.key]: blank[columns[0]!.key] || 'New' }], columns));
  const removeRow = (r: number) => onCommit(formatTable(rows.filter((_, i) => i !== r), columns));
  return (
    <div className={styles.wrap}>
      {rows.length === 0 ? (
        <Caption1 block as="p">No rows yet.</Caption1>
      ) : (
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
                  <span className="visually-hidden">Actions</span>
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
      )}
      {!readOnly && (
        <Button icon={<Add16Regular />} onClick={addRow} style={{ marginTop: tokens.spacingVerticalXS }}>
          Add a row
        </Button>
      )}
    </div>
  );
}
