import { Caption1, Link, makeStyles, Title3, tokens } from '@fluentui/react-components';
import { CheckmarkCircle20Filled, Circle20Regular } from '@fluentui/react-icons';
import type { ChecklistItemResult } from '../../../shared/workspace-api';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  done: { color: tokens.colorPaletteGreenForeground1, flexShrink: 0 },
  todo: { color: tokens.colorNeutralForeground3, flexShrink: 0 },
});

/** What is still missing before the application can be submitted (computed on the server), missing items first. */
export function ChecklistPanel({ items, onOpen }: { items: ChecklistItemResult[]; onOpen: (sectionId: string) => void }) {
  const layout = useLayout();
  const styles = useStyles();
  const missing = items.filter((i) => !i.done);
  const done = items.filter((i) => i.done);
  return (
    <section aria-labelledby="checklist-title">
      <Title3 block as="h2" id="checklist-title">
        Before you submit
      </Title3>
      <Caption1 block as="p">
        {missing.length === 0 ? 'Everything on the checklist is done.' : `${missing.length} of ${items.length} still missing.`}
      </Caption1>
      <ul className={styles.list} aria-label="Checklist">
        {[...missing, ...done].map((item) => (
          <li key={item.id} className={styles.item}>
            {item.done ? <CheckmarkCircle20Filled className={styles.done} aria-hidden /> : <Circle20Regular className={styles.todo} aria-hidden />}
            <span>
              <span className={layout.visuallyHidden}>{item.done ? 'Done: ' : 'Missing: '}</span>
              {item.sectionId && !item.done ? (
                <Link
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    onOpen(item.sectionId!);
                  }}
                >
                  {item.label}
                </Link>
              ) : (
                item.label
              )}
              {item.detail && !item.done && <Caption1> — {item.detail}</Caption1>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
