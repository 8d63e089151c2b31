import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { Add16Regular, Delete16Regular } from '@fluentui/react-icons';
import { practiceSchema, type Practice } from '../../../shared/workspace-api';
import { useBits } from './bits';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: { display: 'grid', gridTemplateColumns: 'minmax(0, 2fr) minmax(0, 1fr) auto', gap: tokens.spacingHorizontalS, alignItems: 'end' },
});

/** The problem with one practice row, in words, or undefined when it is fine. */
export function practiceProblem(p: Practice): { name?: string; odsCode?: string } | undefined {
  const result = practiceSchema.safeParse(p);
  if (result.success) return undefined;
  const fields = result.error.flatten().fieldErrors;
  return {
    ...(fields.name ? { name: 'Enter the practice name.' } : {}),
    ...(fields.odsCode ? { odsCode: 'An ODS code is 3 to 10 letters and digits, e.g. L81001.' } : {}),
  };
}

/** The PCN's aligned practices (name and ODS code), validated as the server will. */
export function PracticesEditor({ practices, onChange, showErrors }: { practices: Practice[]; onChange: (p: Practice[]) => void; showErrors: boolean }) {
  const bits = useBits();
  const styles = useStyles();
  const set = (i: number, patch: Partial<Practice>) => onChange(practices.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div>
      <ul className={styles.list} aria-label="Aligned practices">
        {practices.map((p, i) => {
          const problem = showErrors ? practiceProblem(p) : undefined;
          return (
            <li key={i} className={styles.row}>
              <Field label={`Practice ${i + 1} name`} validationMessage={problem?.name} validationState={problem?.name ? 'error' : 'none'}>
                <Input value={p.name} onChange={(_, d) => set(i, { name: d.value })} />
              </Field>
              <Field label="ODS code" validationMessage={problem?.odsCode} validationState={problem?.odsCode ? 'error' : 'none'}>
                <Input value={p.odsCode} onChange={(_, d) => set(i, { odsCode: d.value.toUpperCase() })} />
              </Field>
              <Button appearance="subtle" icon={<Delete16Regular />} aria-label={`Remove practice ${i + 1}`} disabled={practices.length === 1} onClick={() => onChange(practices.filter((_, j) => j !== i))} />
            </li>
          );
        })}
      </ul>
      <Button icon={<Add16Regular />} onClick={() => onChange([...practices, { name: '', odsCode: '' }])} className={bits.topS}>
        Add a practice
      </Button>
    </div>
  );
}
