import { Body1, Button, Caption1, Card, CardHeader, Spinner, Title2 } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { apiFetch } from '../api';

interface DemoPerson {
  staffId: string;
  name: string;
  situation: string;
  permissions: string[];
}

/** Development mode outside Teams: choose which demo person to be (the choice is kept for this browser tab). */
export function DevPersonPicker({ onPick }: { onPick: (staffId: string) => void }) {
  const [people, setPeople] = useState<DemoPerson[]>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    apiFetch<{ people: DemoPerson[] }>('/api/dev/people', { anonymous: true })
      .then((data) => setPeople(data.people))
      .catch((e: Error) => setError(e.message));
  }, []);
  return (
    <main className="page" aria-labelledby="picker-title">
      <Title2 as="h1" id="picker-title">
        Development mode: choose a demo person
      </Title2>
      <Body1 as="p">Outside Teams there is no sign-in. Pick whose view to see; the server treats you as that person.</Body1>
      {error && <Body1 role="alert">{error}</Body1>}
      {!people && !error && <Spinner label="Loading demo people" />}
      <ul className="card-list">
        {people?.map((person) => (
          <li key={person.staffId}>
            <Card>
              <CardHeader header={<Body1><strong>{person.name}</strong></Body1>} description={<Caption1>{person.situation}</Caption1>} />
              <Button appearance="primary" onClick={() => onPick(person.staffId)} aria-label={`Continue as ${person.name}`}>
                Continue as {person.name.split(' ')[0]}
              </Button>
            </Card>
          </li>
        ))}
      </ul>
    </main>
  );
}
