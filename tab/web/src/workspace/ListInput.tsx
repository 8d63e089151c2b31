import { mergeClasses, Button, Caption1, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Dismiss12Regular } from '@fluentui/react-icons';
import { useId, useState } from 'react';
import { formatList, parseList } from '../../../shared/workspace-api';
import { useBits } from './bits';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  item: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusCircular,
    paddingLeft: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  add: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center', marginTop: tokens.spacingVerticalS },
  suggestions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS, alignItems: 'center' },
});

/**
 * A list field (learner types, practices' roles…): items shown as removable chips, a box to add one
 * and the definition's suggestions as one-click additions. The stored text is one item per line, so
 * it merges like any other text. Every change is committed at once (`onCommit`).
 */
export function ListInput({ label, value, suggestions = [], readOnly, onCommit }: { label: string; value: string; suggestions?: string[] | undefined; readOnly: boolean; onCommit: (text: string) => void }) {
  const bits = useBits();
  const styles = useStyles();
  const [adding, setAdding] = useState('');
  const inputId = useId();
  const items = parseList(value);
  const lower = new Set(items.map((i) => i.toLowerCase()));
  const add = (item: string) => {
    const clean = item.trim();
    if (!clean || lower.has(clean.toLowerCase())) return;
    onCommit(formatList([...items, clean]));
  };
  const remove = (index: number) => onCommit(formatList(items.filter((_, i) => i !== index)));
  const open = suggestions.filter((s) => !lower.has(s.toLowerCase()));
  return (
    <div>
      {items.length === 0 ? (
        <Caption1>None yet.</Caption1>
      ) : (
        <ul className={styles.list} aria-label={label}>
          {items.map((item, i) => (
            <li key={`${item}-${i}`} className={styles.item}>
              <span>{item}</span>
              {!readOnly && <Button size="small" appearance="transparent" icon={<Dismiss12Regular />} aria-label={`Remove ${item}`} onClick={() => remove(i)} />}
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <>
          <div className={styles.add}>
            <Input
              id={inputId}
              aria-label={`Add to ${label}`}
              placeholder="Add an item"
              value={adding}
              onChange={(_, d) => setAdding(d.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add(adding);
                  setAdding('');
                }
              }}
            />
            <Button
              icon={<Add16Regular />}
              onClick={() => {
                add(adding);
                setAdding('');
              }}
              disabled={!adding.trim()}
            >
              Add
            </Button>
          </div>
          {open.length > 0 && (
            <div className={mergeClasses(styles.suggestions, bits.topXS)}>
              <Caption1>Suggestions:</Caption1>
              {open.map((s) => (
                <Button key={s} size="small" appearance="subtle" icon={<Add16Regular />} onClick={() => add(s)} aria-label={`Add ${s}`}>
                  {s}
                </Button>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
