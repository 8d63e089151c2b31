import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Link,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Textarea,
  Title3,
  tokens,
} from '@fluentui/react-components';
import { Add16Regular, Delete16Regular, Edit16Regular } from '@fluentui/react-icons';
import { useState } from 'react';
import { RESOURCE_KINDS, resourceSchema, type Resource, type ResourceKind, type ResourceRequest, type SectionDefinition } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { RESOURCE_KIND_LABEL } from './ResourcesPanel';
import { workspaceApi } from './workspace-client';
import { useBits } from './bits';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  wrap: { overflowX: 'auto' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  sections: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))', maxHeight: '30vh', overflowY: 'auto' },
});

const EMPTY: ResourceRequest = { title: '', kind: 'exemplar', url: '', description: '', sectionIds: [] };

function ResourceForm({ initial, sections, onClose, onSaved }: { initial: Resource | undefined; sections: SectionDefinition[]; onClose: () => void; onSaved: () => void }) {
  const layout = useLayout();
  const bits = useBits();
  const styles = useStyles();
  const [form, setForm] = useState<ResourceRequest>(initial ? { title: initial.title, kind: initial.kind, url: initial.url, description: initial.description ?? '', sectionIds: initial.sectionIds } : EMPTY);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const parsed = resourceSchema.safeParse(form);
  const urlProblem = form.url && !parsed.success && parsed.error.flatten().fieldErrors.url ? 'Enter an http(s) address, e.g. a SharePoint link.' : undefined;
  const ids = form.sectionIds ?? [];
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const body = { ...form, ...(form.description?.trim() ? {} : { description: undefined }) };
      if (initial) await workspaceApi.updateResource(initial.id, body);
      else await workspaceApi.createResource(body);
      onSaved();
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={layout.dialog}>
        <DialogBody>
          <DialogTitle>{initial ? 'Edit resource' : 'Add a resource'}</DialogTitle>
          <DialogContent>
            <div className={styles.form}>
              <Field label="Title" required>
                <Input value={form.title} onChange={(_, d) => setForm({ ...form, title: d.value })} />
              </Field>
              <Field label="Kind">
                <Select value={form.kind} onChange={(_, d) => setForm({ ...form, kind: d.value as ResourceKind })}>
                  {RESOURCE_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {RESOURCE_KIND_LABEL[k]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label="Link" required validationMessage={urlProblem} validationState={urlProblem ? 'error' : 'none'}>
                <Input type="url" value={form.url} onChange={(_, d) => setForm({ ...form, url: d.value })} />
              </Field>
              <Field label="Description">
                <Textarea value={form.description ?? ''} onChange={(_, d) => setForm({ ...form, description: d.value })} />
              </Field>
              <fieldset className={bits.bareFieldset}>
                <legend>Shown beside (none ticked: the whole application)</legend>
                <div className={styles.sections}>
                  {sections.map((s) => (
                    <Checkbox
                      key={s.id}
                      label={`${s.number}. ${s.title}`}
                      checked={ids.includes(s.id)}
                      onChange={(_, d) => setForm({ ...form, sectionIds: d.checked ? [...ids, s.id] : ids.filter((x) => x !== s.id) })}
                    />
                  ))}
                </div>
              </fieldset>
              {error !== undefined && <Problem error={error} title="Not saved" />}
            </div>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || !parsed.success} onClick={() => void save()}>
              {busy ? 'Saving…' : 'Save'}
            </Button>
            <Button onClick={onClose}>Cancel</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** The hub's resource library: what every workspace shows beside the section it helps with. */
export function ResourceLibrary({ resources, canManage, sections, onChanged }: { resources: Resource[]; canManage: boolean; sections: SectionDefinition[]; onChanged: () => void }) {
  const bits = useBits();
  const styles = useStyles();
  const [editing, setEditing] = useState<Resource | 'new'>();
  const [error, setError] = useState<unknown>();
  const title = (id: string) => {
    const s = sections.find((x) => x.id === id);
    return s ? `${s.number}. ${s.title}` : id;
  };
  const remove = async (r: Resource) => {
    if (!window.confirm(`Delete "${r.title}" from the library?`)) return;
    try {
      await workspaceApi.deleteResource(r.id);
      onChanged();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="library-title">
      <div className={styles.head}>
        <Title3 block as="h2" id="library-title">
          Resource library
        </Title3>
        {canManage && (
          <Button icon={<Add16Regular />} onClick={() => setEditing('new')}>
            Add a resource
          </Button>
        )}
      </div>
      {error !== undefined && <Problem error={error} title="Could not delete" />}
      {resources.length === 0 ? (
        <Caption1 block as="p">The library is empty.</Caption1>
      ) : (
        <div className={styles.wrap}>
          <Table aria-label="Resources">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Resource</TableHeaderCell>
                <TableHeaderCell>Kind</TableHeaderCell>
                <TableHeaderCell>Shown beside</TableHeaderCell>
                {canManage && <TableHeaderCell>Actions</TableHeaderCell>}
              </TableRow>
            </TableHeader>
            <TableBody>
              {resources.map((r) => (
                <TableRow key={r.id}>
                  <TableCell>
                    <Link href={r.url} target="_blank" rel="noreferrer">
                      {r.title}
                    </Link>
                    {r.description && <Caption1 block as="p" className={bits.flush}>{r.description}</Caption1>}
                  </TableCell>
                  <TableCell>
                    <Badge appearance="outline">{RESOURCE_KIND_LABEL[r.kind]}</Badge>
                  </TableCell>
                  <TableCell>{r.sectionIds.length ? r.sectionIds.map(title).join(', ') : 'The whole application'}</TableCell>
                  {canManage && (
                    <TableCell>
                      <Button size="small" appearance="subtle" icon={<Edit16Regular />} aria-label={`Edit ${r.title}`} onClick={() => setEditing(r)} />
                      <Button size="small" appearance="subtle" icon={<Delete16Regular />} aria-label={`Delete ${r.title}`} onClick={() => void remove(r)} />
                    </TableCell>
                  )}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
      {editing && <ResourceForm initial={editing === 'new' ? undefined : editing} sections={sections} onClose={() => setEditing(undefined)} onSaved={onChanged} />}
    </section>
  );
}
