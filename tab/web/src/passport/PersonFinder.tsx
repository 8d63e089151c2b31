import { Body1, Button, Field, Input } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../api';
import type { PersonHit } from '../../../shared/admin-api';
import { problemText } from '../data/use-api';
import { usePassportStyles } from './passport-styles';

/** Find a learner by name or staff number (the people search L&D use), then choose one. */
export function PersonFinder({ label, onChoose }: { label: string; onChoose: (person: PersonHit) => void }) {
  const styles = usePassportStyles();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PersonHit[]>();
  const [problem, setProblem] = useState<string>();
  const search = async () => {
    setProblem(undefined);
    try {
      setHits((await apiFetch<{ people: PersonHit[] }>(`/api/admin/people?q=${encodeURIComponent(query)}`)).people);
    } catch (e) {
      setProblem(problemText(e));
    }
  };
  return (
    <div>
      <form
        role="search"
        aria-label={label}
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Field label={`${label}: name or staff number`} className={styles.grow}>
          <Input value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
        <Button type="submit">Find</Button>
      </form>
      {problem && <Body1 role="alert">{problem}</Body1>}
      {hits && (hits.length === 0 ? <Body1 as="p">Nobody found.</Body1> : (
        <ul className={styles.list} aria-label={`${label}: people found`}>
          {hits.map((h) => (
            <li key={h.staffId}>
              <Button appearance="subtle" onClick={() => (onChoose(h), setHits(undefined))}>
                {h.name} ({h.staffId}), {h.orgUnit}
              </Button>
            </li>
          ))}
        </ul>
      ))}
    </div>
  );
}
