import { Body1, Button, Caption1, Field, makeStyles, mergeClasses, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch, ApiProblem } from '../../api';
import type { CatalogueAdminView, RequirementDto, RoleDto, SavedAnswer } from '../../../../shared/admin-api';
import { keys } from '../../data/query-client';
import { problemText, useApiMutation, type Outcome } from '../../data/use-api';
import { OutcomeBar } from '../../ui/OutcomeBar';
import { Section } from '../../ui/Page';
import { ScrollArea } from '../../ui/ScrollArea';
import { useLayout } from '../../ui/styles';
import { useNarrow } from '../../ui/use-narrow';
import { ImpactPreview } from './ImpactPreview';

const useStyles = makeStyles({
  scroller: { maxHeight: '70vh' },
  table: { borderCollapse: 'separate', borderSpacing: 0 },
  head: { position: 'sticky', top: 0, zIndex: 2, backgroundColor: tokens.colorNeutralBackground1, verticalAlign: 'bottom', textAlign: 'start', width: '9rem', minWidth: '9rem', maxWidth: '9rem', whiteSpace: 'normal', overflowWrap: 'break-word', padding: tokens.spacingHorizontalS, borderBottom: `${tokens.strokeWidthThick} solid ${tokens.colorNeutralStroke1}` },
  corner: { left: 0, zIndex: 3, width: '11rem', minWidth: '11rem', maxWidth: '11rem' },
  role: { position: 'sticky', left: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1, textAlign: 'start', fontWeight: tokens.fontWeightSemibold, padding: tokens.spacingHorizontalS, width: '11rem', minWidth: '11rem', maxWidth: '11rem', borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}` },
  cell: { padding: tokens.spacingHorizontalXS, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  changed: { backgroundColor: tokens.colorPaletteYellowBackground1 },
  select: { width: '8.5rem', minWidth: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

type Edits = Record<string, RequirementDto[]>;
const sameRequirements = (a: RequirementDto[], b: RequirementDto[]) => a.length === b.length && a.every((r) => b.some((x) => x.subjectId === r.subjectId && x.level === r.level));

/**
 * The requirement matrix as it reads on paper: roles down the side, subjects across, the level each
 * role requires in each cell. Changes are gathered, their effect on people shown, and saved on
 * confirmation, each role under the version that was read.
 */
export function RolesGrid({ view }: { view: CatalogueAdminView }) {
  const styles = useStyles();
  const layout = useLayout();
  const narrow = useNarrow();
  const [edits, setEdits] = useState<Edits>({});
  const [confirming, setConfirming] = useState(false);
  const [narrowRole, setNarrowRole] = useState(view.roles[0]?.value.id ?? '');
  const [result, setResult] = useState<Outcome>();

  const requirementsOf = (roleId: string) => edits[roleId] ?? view.roles.find((r) => r.value.id === roleId)?.value.requirements ?? [];
  const levels = (subjectId: string) => view.topics.filter((t) => t.value.subjectId === subjectId).map((t) => t.value);
  const set = (roleId: string, subjectId: string, level: number | undefined) => {
    const current = requirementsOf(roleId);
    const existing = current.find((r) => r.subjectId === subjectId);
    const rest = current.filter((r) => r.subjectId !== subjectId);
    const next = level === undefined ? rest : [...rest, { ...(existing ?? {}), subjectId, level }];
    const stored = view.roles.find((r) => r.value.id === roleId)!.value.requirements;
    setEdits((e) => {
      const copy = { ...e };
      if (sameRequirements(next, stored)) delete copy[roleId];
      else copy[roleId] = next;
      return copy;
    });
    setResult(undefined);
  };
  const changedRoles: RoleDto[] = Object.entries(edits).map(([id, requirements]) => ({ ...view.roles.find((r) => r.value.id === id)!.value, requirements }));

  const save = useApiMutation(
    async (roles: RoleDto[]) => {
      const saved: string[] = [];
      const refused: string[] = [];
      for (const role of roles) {
        const etag = view.roles.find((r) => r.value.id === role.id)!.etag;
        try {
          await apiFetch<SavedAnswer<RoleDto>>(`/api/admin/roles/${encodeURIComponent(role.id)}`, { method: 'PUT', body: { value: role, etag } });
          saved.push(role.name);
        } catch (error) {
          if (error instanceof ApiProblem && error.code === 'conflict') refused.push(role.name);
          else throw error;
        }
      }
      return { saved, refused };
    },
    { invalidates: [keys.catalogue, keys.refreshJob, keys.myLearning, keys.team, keys.reports] },
  );

  const confirm = () =>
    save.mutate(changedRoles, {
      onSuccess: ({ saved, refused }) => {
        setConfirming(false);
        setEdits({});
        const parts = [];
        if (saved.length) parts.push(`Saved: ${saved.join(', ')}. Compliance uses the new requirements from now on.`);
        if (refused.length) parts.push(`Not saved: someone else changed ${refused.join(', ')} while you were editing; the grid now shows their version, so make those changes again.`);
        setResult({ intent: refused.length ? 'warning' : 'success', text: parts.join(' ') });
      },
      onError: (error) => setResult({ intent: 'error', text: problemText(error) }),
    });

  const cell = (roleId: string, roleName: string, subjectId: string, subjectName: string) => {
    const current = requirementsOf(roleId).find((r) => r.subjectId === subjectId);
    const stored = view.roles.find((r) => r.value.id === roleId)!.value.requirements.find((r) => r.subjectId === subjectId);
    return {
      changed: (current?.level ?? 0) !== (stored?.level ?? 0),
      select: (
        <Select className={styles.select} aria-label={`Level of ${subjectName} required by ${roleName}`} value={current ? String(current.level) : ''} onChange={(_e, d) => set(roleId, subjectId, d.value ? Number(d.value) : undefined)}>
          <option value="">Not required</option>
          {levels(subjectId).map((t) => (
            <option key={t.level} value={t.level}>
              {t.levelName}
            </option>
          ))}
        </Select>
      ),
    };
  };

  const count = changedRoles.length;
  return (
    <Section id="roles-title" title="Roles and what they require" level={3}>
      <Body1 block as="p">Each cell is the level a role requires. Change as many as you need, then check the effect and save.</Body1>
      {narrow ? (
        <>
          <Field label="Role">
            <Select value={narrowRole} onChange={(_e, d) => setNarrowRole(d.value)}>
              {view.roles.map((r) => (
                <option key={r.value.id} value={r.value.id}>
                  {r.value.name}
                  {edits[r.value.id] ? ' (changed)' : ''}
                </option>
              ))}
            </Select>
          </Field>
          <ul className={styles.list} aria-label={`Requirements of ${view.roles.find((r) => r.value.id === narrowRole)?.value.name ?? 'the role'}`}>
            {view.subjects.map((s) => {
              const role = view.roles.find((r) => r.value.id === narrowRole)!;
              const c = cell(role.value.id, role.value.name, s.value.id, s.value.name);
              return (
                <li key={s.value.id} className={mergeClasses(c.changed && styles.changed)}>
                  <Field label={`${s.value.name}${s.value.kind === 'local' ? ' (local)' : ''}`}>{c.select}</Field>
                </li>
              );
            })}
          </ul>
        </>
      ) : (
        <ScrollArea label="Roles and what they require" scrollerClassName={styles.scroller}>
          <table className={styles.table} aria-label="Roles and what they require">
            <thead>
              <tr>
                <th scope="col" className={mergeClasses(styles.head, styles.corner)}>
                  Role
                </th>
                {view.subjects.map((s) => (
                  <th key={s.value.id} scope="col" className={styles.head}>
                    {s.value.name}
                    {s.value.kind === 'local' && <Caption1> (local)</Caption1>}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {view.roles.map((r) => (
                <tr key={r.value.id} data-role={r.value.id}>
                  <th scope="row" className={styles.role}>
                    {r.value.name}
                  </th>
                  {view.subjects.map((s) => {
                    const c = cell(r.value.id, r.value.name, s.value.id, s.value.name);
                    return (
                      <td key={s.value.id} className={mergeClasses(styles.cell, c.changed && styles.changed)}>
                        {c.select}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
      )}
      <OutcomeBar outcome={result} />
      {confirming && count > 0 ? (
        <ImpactPreview change={{ roles: changedRoles }} confirmLabel={`Save the changes to ${count} role${count === 1 ? '' : 's'}`} busy={save.isPending} onConfirm={confirm} onBack={() => setConfirming(false)} />
      ) : (
        <div className={layout.toolbar}>
          <Button appearance="primary" disabled={count === 0} onClick={() => setConfirming(true)}>
            {count === 0 ? 'No changes to save' : `Check the effect of changes to ${count} role${count === 1 ? '' : 's'}…`}
          </Button>
          {count > 0 && <Button onClick={() => setEdits({})}>Undo my changes</Button>}
        </div>
      )}
    </Section>
  );
}
