import { Body1, Card, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { HTMLAttributes, ReactNode } from 'react';
import { ScrollArea } from './ScrollArea';
import { useNarrow } from './use-narrow';

export interface Column<T> {
  key: string;
  header: string;
  cell: (row: T) => ReactNode;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** On a phone: this column is the card's title (one column should be). */
  primary?: boolean;
  /** On a phone: left out of the card when it says nothing (e.g. the actions of a read-only row). */
  hideWhenNarrow?: boolean;
}

const useStyles = makeStyles({
  table: { minWidth: '100%' },
  num: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
  top: { verticalAlign: 'top' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: { gap: tokens.spacingVerticalXS, padding: tokens.spacingHorizontalM },
  title: { fontWeight: tokens.fontWeightSemibold, margin: 0 },
  facts: { display: 'grid', gridTemplateColumns: 'minmax(7em, max-content) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS, margin: 0 },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0, minWidth: 0 },
  pair: { display: 'contents' },
});

/**
 * A table at desktop widths; on a phone the same rows as cards (the primary column as the title,
 * the rest as labelled facts), so six columns never collapse into each other. A wide table scrolls
 * inside its own box with a visible cue, never the page.
 */
export function DataTable<T>({ label, columns, rows, rowKey, rowProps, empty, scrollerClassName }: { label: string; columns: Column<T>[]; rows: T[]; rowKey: (row: T) => string; rowProps?: (row: T) => HTMLAttributes<HTMLElement> & Record<`data-${string}`, string>; empty?: ReactNode; scrollerClassName?: string }) {
  const styles = useStyles();
  const narrow = useNarrow();
  if (rows.length === 0) return <>{empty ?? <Body1 block as="p">Nothing to show.</Body1>}</>;
  if (narrow) {
    const primary = columns.find((c) => c.primary) ?? columns[0]!;
    return (
      <ul className={styles.list} aria-label={label}>
        {rows.map((row) => (
          <li key={rowKey(row)} {...(rowProps?.(row) ?? {})}>
            <Card className={styles.card}>
              <Body1 block as="h3" className={styles.title}>
                {primary.cell(row)}
              </Body1>
              <dl className={styles.facts}>
                {columns
                  .filter((c) => c !== primary && !c.hideWhenNarrow)
                  .map((c) => (
                    <div key={c.key} className={styles.pair}>
                      <dt className={styles.term}>{c.header}</dt>
                      <dd className={styles.value}>{c.cell(row)}</dd>
                    </div>
                  ))}
              </dl>
            </Card>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ScrollArea label={`${label} (scrolls when it does not fit)`} {...(scrollerClassName ? { scrollerClassName } : {})}>
      <Table className={styles.table} aria-label={label} size="small">
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c.key} className={c.numeric ? styles.num : undefined}>
                {c.header}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map((row) => (
            <TableRow key={rowKey(row)} {...(rowProps?.(row) ?? {})}>
              {columns.map((c) => (
                <TableCell key={c.key} className={c.numeric ? styles.num : styles.top}>
                  {c.cell(row)}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </ScrollArea>
  );
}
