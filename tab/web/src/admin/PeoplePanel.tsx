import { Body1, Button, Field, Input, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../api';
import type { AbsenceDto, PersonAdminView, PersonHit, RoleAssignmentDto } from '../../../shared/admin-api';
import { attempt, OutcomeBar, problemText, type Outcome } from '../learning/ui';

/** Find a person, then change their roles, line managers and absences (one use case on the server moves teams and reports too). */
export function PeoplePanel() {
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
  const search = async () => {
    try {
      setHits((await apiFetch<{ people: PersonHit[] }>(`/api/admin/people?q=${encodeURIComponent(query)}`)).people);
    } catch (error) {
      setOutcome({ intent: 'error', text: problemText(error) });
    }
  };
  const save = async () => {
    if (!person) return;
    const managerIds = managers.split(/[,\s]+/).filter(Boolean);
    const clean = <T extends object>(list: T[]) => list.map((item) => Object.fromEntries(Object.entries(item).filter(([, v]) => v !== '' && v !== undefined)) as T);
    await attempt(async () => {
      const answer = await apiFetch<{ person: PersonAdminView; message: string }>(`/api/admin/people/${person.staffId}`, {
        method: 'PUT',
        body: { roles: clean(roles), managerIds, absences: clean(absences), basedOn: { roles: person.roles, managerIds: person.managerIds, absences: person.absences } },
      });
      open(answer.person);
      return answer;
    }, setOutcome);
  };

  return (
    <>
      <Subtitle2 as="h2">People</Subtitle2>
      <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); void search(); }}>
        <Field label="Name or staff number">
          <Input value={query} onChange={(_e, d) => setQuery(d.value)} />
        </Field>
        <Button type="submit">Find</Button>
      </form>
      <OutcomeBar outcome={outcome} />
      {hits && (hits.length === 0 ? <Body1 as="p">Nobody found.</Body1> : (
        <ul>
          {hits.map((h) => (
            <li key={h.staffId}>
              <Button appearance="transparent" onClick={() => void apiFetch<PersonAdminView>(`/api/admin/people/${h.staffId}`).then(open, (e: unknown) => setOutcome({ intent: 'error', text: problemText(e) }))}>
                {h.name} ({h.staffId}), {h.orgUnit}
              </Button>
            </li>
          ))}
        </ul>
      ))}
      {person && (
        <form className="form-grid" aria-label={`Change ${person.name}`} onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <Subtitle2 as="h3">{person.name} ({person.staffId})</Subtitle2>
          <Body1 as="p">{person.orgUnit} · {person.staffGroup} · {person.category} · started {person.startDate}</Body1>
          <Table aria-label="Roles" size="small">
            <TableHeader><TableRow><TableHeaderCell>Role</TableHeaderCell><TableHeaderCell>From</TableHeaderCell><TableHeaderCell>Until</TableHeaderCell><TableHeaderCell>Remove</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {roles.map((r, i) => (
                <TableRow key={i}>
                  <TableCell>
                    <Select aria-label={`Role ${i + 1}`} value={r.roleId} onChange={(_e, d) => setRoles(roles.map((x, j) => (j === i ? { ...x, roleId: d.value } : x)))}>
                      {person.roleOptions.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
                    </Select>
                  </TableCell>
                  <TableCell><Input aria-label={`Role ${i + 1} from`} type="date" value={r.start} onChange={(_e, d) => setRoles(roles.map((x, j) => (j === i ? { ...x, start: d.value } : x)))} /></TableCell>
                  <TableCell><Input aria-label={`Role ${i + 1} until`} type="date" value={r.end ?? ''} onChange={(_e, d) => setRoles(roles.map((x, j) => (j === i ? { ...x, end: d.value } : x)))} /></TableCell>
                  <TableCell><Button aria-label={`Remove role ${i + 1}`} onClick={() => setRoles(roles.filter((_x, j) => j !== i))}>Remove</Button></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div><Button onClick={() => setRoles([...roles, { roleId: person.roleOptions[0]?.id ?? '', start: new Date().toISOString().slice(0, 10) }])}>Add a role</Button></div>
          <Field label="Line managers (staff numbers, comma separated)" hint={person.managers.map((m) => `${m.staffId} ${m.name}`).join('; ') || 'none'}>
            <Input value={managers} onChange={(_e, d) => setManagers(d.value)} />
          </Field>
          <Table aria-label="Absences" size="small">
            <TableHeader><TableRow><TableHeaderCell>Kind</TableHeaderCell><TableHeaderCell>From</TableHeaderCell><TableHeaderCell>Last day away</TableHeaderCell><TableHeaderCell>Remove</TableHeaderCell></TableRow></TableHeader>
            <TableBody>
              {absences.map((a, i) => (
                <TableRow key={i}>
                  <TableCell>
                    <Select aria-label={`Absence ${i + 1} kind`} value={a.kind} onChange={(_e, d) => setAbsences(absences.map((x, j) => (j === i ? { ...x, kind: d.value } : x)))}>
                      {person.absenceKinds.map((k) => <option key={k} value={k}>{k}</option>)}
                    </Select>
                  </TableCell>
                  <TableCell><Input aria-label={`Absence ${i + 1} from`} type="date" value={a.from} onChange={(_e, d) => setAbsences(absences.map((x, j) => (j === i ? { ...x, from: d.value } : x)))} /></TableCell>
                  <TableCell><Input aria-label={`Absence ${i + 1} last day away`} type="date" value={a.to ?? ''} onChange={(_e, d) => setAbsences(absences.map((x, j) => (j === i ? { ...x, to: d.value } : x)))} /></TableCell>
                  <TableCell><Button aria-label={`Remove absence ${i + 1}`} onClick={() => setAbsences(absences.filter((_x, j) => j !== i))}>Remove</Button></TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div><Button onClick={() => setAbsences([...absences, { kind: 'sickness', from: new Date().toISOString().slice(0, 10) }])}>Add an absence</Button></div>
          <div><Button appearance="primary" type="submit">Save {person.name}</Button></div>
        </form>
      )}
    </>
  );
}
