import { Body1, Button, Field, Input, makeStyles, Select, Subtitle2 } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../api';
import type { AbsenceDto, PersonAdminView, PersonHit, RoleAssignmentDto } from '../../../shared/admin-api';
import { formatDate } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { outcomeOf, useApiMutation, type Outcome } from '../data/use-api';
import { DataTable } from '../ui/DataTable';
import { DateInput } from '../ui/DateInput';
import { OutcomeBar } from '../ui/OutcomeBar';
import { Section } from '../ui/Page';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({ date: { minWidth: 'min(11rem, 100%)' } });
const today = () => new Date().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
const ABSENCE_WORDS: Record<string, string> = { sickness: 'Sickness', maternity: 'Maternity leave', paternity: 'Paternity leave', adoption: 'Adoption leave', 'shared-parental': 'Shared parental leave', career: 'Career break', other: 'Other' };

/** Find a person, then change their roles, line managers and absences (one use case on the server moves teams and reports too). */
export function PeoplePanel() {
  const layout = useLayout();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<PersonHit[]>();
  const [person, setPerson] = useState<PersonAdminView>();
  const [roles, setRoles] = useState<RoleAssignmentDto[]>([]);
  const [managers, setManagers] = useState('');
  const [absences, setAbsences] = useState<AbsenceDto[]>([]);
  const [outcome, setOutcome] = useState<Outcome>();

  const open = (view: PersonAdminView) => {
    setPerson(view);
    setRoles(view.roles.map((r) => ({ ...r })));
    setManagers(view.managerIds.join(', '));
    setAbsences(view.absences.map((a) => ({ ...a })));
  };
  const search = useApiMutation((q: string) => apiFetch<{ people: PersonHit[] }>(`/api/admin/people?q=${encodeURIComponent(q)}`), { success: () => undefined });
  const load = useApiMutation((staffId: string) => apiFetch<PersonAdminView>(`/api/admin/people/${encodeURIComponent(staffId)}`));
  const save = useApiMutation(
    (p: PersonAdminView) => {
      const managerIds = managers.split(/[,\s]+/).filter(Boolean);
      const clean = <T extends object>(list: T[]) => list.map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== '' && v !== undefined)) as T);
      return apiFetch<{ person: PersonAdminView; message: string }>(`/api/admin/people/${encodeURIComponent(p.staffId)}`, {
        method: 'PUT',
        body: { roles: clean(roles), managerIds, absences: clean(absences), basedOn: { roles: p.roles, managerIds: p.managerIds, absences: p.absences } },
      });
    },
    { invalidates: [keys.team, keys.reports] },
  );

  return (
    <Section id="people-title" title="People">
      <form
        className={layout.toolbar}
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          search.mutate(query, { onSuccess: (r) => setHits(r.people), onError: (error) => setOutcome(outcomeOf(error)) });
        }}
      >
        <Field label="Name or staff number">
          <Input value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
        <Button type="submit" disabled={search.isPending}>
          Find
        </Button>
      </form>
      <OutcomeBar outcome={outcome} />
      {hits &&
        (hits.length === 0 ? (
          <Body1 block as="p">Nobody found.</Body1>
        ) : (
          <ul className={layout.plainList}>
            {hits.map((h) => (
              <li key={h.staffId}>
                <Button appearance="transparent" onClick={() => load.mutate(h.staffId, { onSuccess: open, onError: (e) => setOutcome(outcomeOf(e)) })}>
                  {h.name} ({h.staffId}), {h.orgUnit}
                </Button>
              </li>
            ))}
          </ul>
        ))}
      {person && (
        <form
          className={layout.form}
          aria-label={`Change ${person.name}`}
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate(person, { onSuccess: (answer) => open(answer.person) });
          }}
        >
          <Subtitle2 block as="h3">
            {person.name} ({person.staffId})
          </Subtitle2>
          <Body1 block as="p">
            {person.orgUnit} · {person.staffGroup} · {person.category} · started {formatDate(person.startDate)}
          </Body1>
          <DataTable
            label="Roles"
            rows={roles.map((r, i) => ({ r, i }))}
            rowKey={({ i }) => String(i)}
            empty={<Body1 block as="p">No roles.</Body1>}
            columns={[
              {
                key: 'role',
                header: 'Role',
                primary: true,
                cell: ({ r, i }) => (
                  <Select aria-label={`Role ${i + 1}`} value={r.roleId} onChange={(_e, d) => setRoles(roles.map((x, j) => (j === i ? { ...x, roleId: d.value } : x)))}>
                    {person.roleOptions.map((o) => (
                      <option key={o.id} value={o.id}>
                        {o.name}
                      </option>
                    ))}
                  </Select>
                ),
              },
              { key: 'from', header: 'From', cell: ({ r, i }) => <DateInput className={styles.date} label={`Role ${i + 1} from`} value={r.start} onChange={(iso) => setRoles(roles.map((x, j) => (j === i ? { ...x, start: iso ?? '' } : x)))} /> },
              { key: 'until', header: 'Until', cell: ({ r, i }) => <DateInput className={styles.date} label={`Role ${i + 1} until`} value={r.end} onChange={(iso) => setRoles(roles.map((x, j) => (j === i ? { ...x, end: iso ?? '' } : x)))} /> },
              { key: 'remove', header: 'Remove', cell: ({ i }) => <Button aria-label={`Remove role ${i + 1}`} onClick={() => setRoles(roles.filter((_x, j) => j !== i))}>Remove</Button> },
            ]}
          />
          <div>
            <Button onClick={() => setRoles([...roles, { roleId: person.roleOptions[0]?.id ?? '', start: today() }])}>Add a role</Button>
          </div>
          <Field label="Line managers (staff numbers, comma separated)" hint={person.managers.map((m) => `${m.staffId} ${m.name}`).join('; ') || 'none'}>
            <Input value={managers} onChange={(_e, d) => setManagers(d.value)} />
          </Field>
          <DataTable
            label="Absences"
            rows={absences.map((a, i) => ({ a, i }))}
            rowKey={({ i }) => String(i)}
            empty={<Body1 block as="p">No absences.</Body1>}
            columns={[
              {
                key: 'kind',
                header: 'Kind',
                primary: true,
                cell: ({ a, i }) => (
                  <Select aria-label={`Absence ${i + 1} kind`} value={a.kind} onChange={(_e, d) => setAbsences(absences.map((x, j) => (j === i ? { ...x, kind: d.value } : x)))}>
                    {person.absenceKinds.map((k) => (
                      <option key={k} value={k}>
                        {ABSENCE_WORDS[k] ?? k}
                      </option>
                    ))}
                  </Select>
                ),
              },
              { key: 'from', header: 'From', cell: ({ a, i }) => <DateInput className={styles.date} label={`Absence ${i + 1} from`} value={a.from} onChange={(iso) => setAbsences(absences.map((x, j) => (j === i ? { ...x, from: iso ?? '' } : x)))} /> },
              { key: 'to', header: 'Last day away', cell: ({ a, i }) => <DateInput className={styles.date} label={`Absence ${i + 1} last day away`} value={a.to} onChange={(iso) => setAbsences(absences.map((x, j) => (j === i ? { ...x, to: iso ?? '' } : x)))} /> },
              { key: 'remove', header: 'Remove', cell: ({ i }) => <Button aria-label={`Remove absence ${i + 1}`} onClick={() => setAbsences(absences.filter((_x, j) => j !== i))}>Remove</Button> },
            ]}
          />
          <div>
            <Button onClick={() => setAbsences([...absences, { kind: 'sickness', from: today() }])}>Add an absence</Button>
          </div>
          <OutcomeBar outcome={save.outcome} />
          <div className={layout.toolbar}>
            <Button appearance="primary" type="submit" disabled={save.isPending}>
              Save the changes to {person.name}
            </Button>
          </div>
        </form>
      )}
    </Section>
  );
}
