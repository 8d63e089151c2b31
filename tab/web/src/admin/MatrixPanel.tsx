import { Body1, Button, Caption1, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, ProgressBar, Select, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { apiFetch } from '../api';
import { COMPLETION_METHOD_NAMES } from '../../../shared/learning-api';
import type { CatalogueAdminView, RefreshJobView, RoleDto, Row, SavedAnswer, SubjectDto, TopicDto } from '../../../shared/admin-api';
import { attempt, Loading, OutcomeBar, useApi, type Outcome } from '../learning/ui';

/** Progress of the background summary refresh after a matrix change, polled while it runs. */
function RefreshStatus({ tick }: { tick: number }) {
  const [job, setJob] = useState<RefreshJobView | null>();
  const [restarted, setRestarted] = useState(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const answer = await apiFetch<{ job: RefreshJobView | null }>('/api/admin/summary-refresh').catch(() => ({ job: null }));
      if (stopped) return;
      setJob(answer.job);
      if (answer.job?.state === 'running') timer = setTimeout(() => void poll(), 1000);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [tick, restarted]);
  const refreshAll = () => void apiFetch('/api/admin/summary-refresh', { method: 'POST', body: {} }).then(() => setRestarted((n) => n + 1), () => undefined);
  if (!job) return <div><Button size="small" onClick={refreshAll}>Recompute everyone’s report rows</Button></div>;
  const words = { running: 'Updating reports', done: 'Reports up to date', failed: 'Report update failed', stopped: 'Report update stopped', interrupted: 'Report update interrupted' }[job.state];
  return (
    <Field label={`${words}: ${job.done} of ${job.total} people${job.failed ? `, ${job.failed} failed` : ''} (${job.reason})`} validationState="none">
      <ProgressBar value={job.total === 0 ? 1 : job.done / job.total} aria-label="Report update progress" />
      {job.state !== 'running' && <div><Button size="small" onClick={refreshAll}>Recompute everyone’s report rows</Button></div>}
    </Field>
  );
}

function TopicDialog({ topic, subjects, methods, onClose, onSaved }: { topic: (Row<TopicDto> & { isNew?: boolean; subjectName?: string }) | undefined; subjects: Row<SubjectDto>[]; methods: string[]; onClose: () => void; onSaved: (o: Outcome) => void }) {
  const [value, setValue] = useState<TopicDto>();
  const [renewal, setRenewal] = useState('');
  const [subjectName, setSubjectName] = useState('');
  const [problem, setProblem] = useState<Outcome>();
  useEffect(() => {
    setValue(topic?.value);
    setRenewal(topic?.value.renewalMonths === null || topic === undefined ? '' : String(topic.value.renewalMonths));
    setSubjectName(topic?.subjectName ?? '');
    setProblem(undefined);
  }, [topic]);
  if (!topic || !value) return null;
  const isNewLocal = topic.isNew === true;
  const save = async () => {
    const renewalMonths = renewal.trim() === '' ? null : Number(renewal);
    let result: Outcome;
    const ok = await attempt(async () => {
      let subjectId = value.subjectId;
      if (isNewLocal) {
        subjectId = subjectName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'local-topic';
        const subject: SubjectDto = { id: subjectId, name: subjectName, kind: 'local', aliases: [] };
        if (!subjects.some((s) => s.value.id === subjectId)) await apiFetch<SavedAnswer<SubjectDto>>(`/api/admin/subjects/${subjectId}`, { method: 'PUT', body: { value: subject } });
      }
      const next: TopicDto = { ...value, subjectId, id: `${subjectId}-${value.level}`, renewalMonths };
      return apiFetch<SavedAnswer<TopicDto>>(`/api/admin/topics/${next.id}`, { method: 'PUT', body: { value: next, ...(isNewLocal ? {} : { etag: topic.etag }) } });
    }, (o) => (result = o));
    if (ok) onSaved(result);
    else setProblem(result);
  };
  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined}>
        <form onSubmit={(e) => { e.preventDefault(); void save(); }}>
          <DialogBody>
            <DialogTitle>{isNewLocal ? 'Add a local topic' : `Edit ${topic.subjectName ?? value.subjectId} (${value.levelName})`}</DialogTitle>
            <DialogContent className="form-grid">
              {isNewLocal && (
                <Field label="Subject name" required>
                  <Input value={subjectName} onChange={(_e, d) => setSubjectName(d.value)} maxLength={120} />
                </Field>
              )}
              <Field label="Level name" required>
                <Input value={value.levelName} onChange={(_e, d) => setValue({ ...value, levelName: d.value })} maxLength={60} />
              </Field>
              {isNewLocal && (
                <Field label="Level" required>
                  <Input type="number" min={1} max={9} value={String(value.level)} onChange={(_e, d) => setValue({ ...value, level: Number(d.value) })} />
                </Field>
              )}
              <Field label="Renewal in months (empty: never expires)">
                <Input type="number" min={1} max={120} value={renewal} onChange={(_e, d) => setRenewal(d.value)} />
              </Field>
              <fieldset className="form-grid">
                <legend>Allowed ways to complete it</legend>
                {methods.map((m) => (
                  <Checkbox key={m} label={COMPLETION_METHOD_NAMES[m] ?? m} checked={value.methods.includes(m)} onChange={(_e, d) => setValue({ ...value, methods: d.checked ? [...value.methods, m] : value.methods.filter((x) => x !== m) })} />
                ))}
              </fieldset>
              <Field label="Link to the learning">
                <Input type="url" value={value.link ?? ''} onChange={(_e, d) => setValue({ ...value, link: d.value })} />
              </Field>
              <Field label="Audience">
                <Input value={value.audience ?? ''} onChange={(_e, d) => setValue({ ...value, audience: d.value })} maxLength={200} />
              </Field>
              {problem && <p role="alert" className="form-problem">{problem.text}</p>}
            </DialogContent>
            <DialogActions>
              <Button onClick={onClose}>Cancel</Button>
              <Button appearance="primary" type="submit">Save</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

function RoleEditor({ view, onSaved }: { view: CatalogueAdminView; onSaved: (o: Outcome) => void }) {
  const [roleId, setRoleId] = useState(view.roles[0]?.value.id ?? '');
  const row = view.roles.find((r) => r.value.id === roleId);
  const [requirements, setRequirements] = useState<RoleDto['requirements']>(row?.value.requirements ?? []);
  useEffect(() => setRequirements(view.roles.find((r) => r.value.id === roleId)?.value.requirements ?? []), [roleId, view]);
  if (!row) return null;
  const levels = (subjectId: string) => view.topics.filter((t) => t.value.subjectId === subjectId).map((t) => t.value);
  const set = (subjectId: string, level: number | undefined) => {
    const rest = requirements.filter((r) => r.subjectId !== subjectId);
    const existing = requirements.find((r) => r.subjectId === subjectId);
    setRequirements(level === undefined ? rest : [...rest, { ...(existing ?? {}), subjectId, level }]);
  };
  const save = () => attempt(() => apiFetch<SavedAnswer<RoleDto>>(`/api/admin/roles/${row.value.id}`, { method: 'PUT', body: { value: { ...row.value, requirements }, etag: row.etag } }), onSaved);
  return (
    <section aria-labelledby="roles-title" className="form-grid">
      <Subtitle2 as="h3" id="roles-title">Roles and what they require</Subtitle2>
      <Field label="Role">
        <Select value={roleId} onChange={(_e, d) => setRoleId(d.value)}>
          {view.roles.map((r) => <option key={r.value.id} value={r.value.id}>{r.value.name}</option>)}
        </Select>
      </Field>
      <Table aria-label={`Requirements of ${row.value.name}`} size="small">
        <TableHeader>
          <TableRow>
            <TableHeaderCell>Subject</TableHeaderCell>
            <TableHeaderCell>Required level</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {view.subjects.map((s) => {
            const current = requirements.find((r) => r.subjectId === s.value.id);
            return (
              <TableRow key={s.value.id}>
                <TableCell>{s.value.name}{s.value.kind === 'local' && <Caption1> (local)</Caption1>}</TableCell>
                <TableCell>
                  <Select aria-label={`Level of ${s.value.name} required by ${row.value.name}`} value={current ? String(current.level) : ''} onChange={(_e, d) => set(s.value.id, d.value ? Number(d.value) : undefined)}>
                    <option value="">Not required</option>
                    {levels(s.value.id).map((t) => <option key={t.level} value={t.level}>{t.levelName}</option>)}
                  </Select>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
      <div><Button appearance="primary" onClick={() => void save()}>Save {row.value.name}</Button></div>
    </section>
  );
}

/** The requirement matrix: topics (renewal, methods, link), local topics, and roles → requirements. */
export function MatrixPanel() {
  const { data, error, reload } = useApi<CatalogueAdminView>('/api/admin/catalogue');
  const [editing, setEditing] = useState<Row<TopicDto> & { isNew?: boolean; subjectName?: string }>();
  const [outcome, setOutcome] = useState<Outcome>();
  const [tick, setTick] = useState(0);
  const saved = (o: Outcome) => {
    setEditing(undefined);
    setOutcome(o);
    setTick((t) => t + 1);
    void reload();
  };
  return (
    <>
      <Subtitle2 as="h2">Requirement matrix</Subtitle2>
      <Body1 as="p">Changes apply to everyone’s learning at once; reports follow as the people affected are recomputed.</Body1>
      <OutcomeBar outcome={outcome} />
      <RefreshStatus tick={tick} />
      <Loading data={data} error={error} label="the requirement matrix">
        {() => {
          const view = data!;
          const name = (id: string) => view.subjects.find((s) => s.value.id === id)?.value.name ?? id;
          return (
            <>
              <div className="toolbar">
                <Button onClick={() => setEditing({ value: { id: '', subjectId: '', level: 1, levelName: 'Level 1', renewalMonths: 12, methods: ['e-learning'] }, etag: '', isNew: true })}>Add a local topic</Button>
              </div>
              <Table aria-label="Topics" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Subject</TableHeaderCell>
                    <TableHeaderCell>Level</TableHeaderCell>
                    <TableHeaderCell>Renewal</TableHeaderCell>
                    <TableHeaderCell>Ways to complete</TableHeaderCell>
                    <TableHeaderCell>Edit</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {view.topics.map((t) => (
                    <TableRow key={t.value.id} data-topic={t.value.id}>
                      <TableCell>{name(t.value.subjectId)}</TableCell>
                      <TableCell>{t.value.levelName}</TableCell>
                      <TableCell>{t.value.renewalMonths === null ? 'Never' : `${t.value.renewalMonths} months`}</TableCell>
                      <TableCell>{t.value.methods.map((m) => COMPLETION_METHOD_NAMES[m] ?? m).join(', ')}</TableCell>
                      <TableCell>
                        <Button size="small" aria-label={`Edit ${name(t.value.subjectId)} ${t.value.levelName}`} onClick={() => setEditing({ ...t, subjectName: name(t.value.subjectId) })}>Edit</Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
              <RoleEditor view={view} onSaved={saved} />
              <TopicDialog topic={editing} subjects={view.subjects} methods={view.methods} onClose={() => setEditing(undefined)} onSaved={saved} />
            </>
          );
        }}
      </Loading>
    </>
  );
}
