import { Badge, Body1, Button, Caption1, DrawerBody, DrawerHeader, DrawerHeaderTitle, makeStyles, OverlayDrawer, Spinner, tokens } from '@fluentui/react-components';
import { ArrowUndo16Regular, Dismiss24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { FieldDefinition, FieldState, SessionContentResponse, SessionEntry } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { DiffView } from './text-diff';
import { workspaceApi } from './workspace-client';

const useStyles = makeStyles({
  drawer: { width: 'min(640px, 100vw)' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  entry: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, justifyContent: 'space-between' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS },
  diff: { maxHeight: '30vh', overflowY: 'auto' },
});

const time = (iso: string) => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
const day = (iso: string) => new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** "Megan Bowen, 10:02–10:09, +340 characters": who, when, how much; a label people understand. */
export function sessionLabel(s: SessionEntry): string {
  const when = s.startedAt.slice(0, 10) === s.endedAt.slice(0, 10) && time(s.startedAt) !== time(s.endedAt) ? `${time(s.startedAt)}–${time(s.endedAt)}` : time(s.endedAt);
  const size = s.kind === 'earlier' ? 'saved before live editing' : s.kind === 'restore' ? 'brought back an earlier version' : [s.added ? `+${s.added.toLocaleString('en-GB')}` : '', s.removed ? `−${s.removed.toLocaleString('en-GB')}` : ''].filter(Boolean).join(' ') + ' characters';
  return `${s.by.name}, ${day(s.endedAt)} ${when}, ${size}`;
}

/**
 * A field's history as sessions of work, newest first: each can show what it changed (the field
 * before and after it) and be restored; a restore is itself a session.
 */
export function HistoryDrawer({ appId, def, current, canEdit, onClose, onRestored }: { appId: string; def: FieldDefinition; current: FieldState | undefined; canEdit: boolean; onClose: () => void; onRestored: (field: FieldState) => void }) {
  const styles = useStyles();
  const [sessions, setSessions] = useState<SessionEntry[]>();
  const [shown, setShown] = useState<Record<string, SessionContentResponse>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(() => {
    workspaceApi.history(appId, def.id).then((h) => setSessions(h.sessions), setError);
  }, [appId, def.id]);
  useEffect(load, [load, current?.version]);

  const show = async (s: SessionEntry) => {
    if (shown[s.id]) {
      const { [s.id]: _gone, ...rest } = shown;
      setShown(rest);
      return;
    }
    try {
      const content = await workspaceApi.session(appId, def.id, s.id);
      setShown((m) => ({ ...m, [s.id]: content }));
    } catch (e) {
      setError(e);
    }
  };
  const restore = async (s: SessionEntry) => {
    setBusy(s.id);
    setError(undefined);
    try {
      const answer = await workspaceApi.restore(appId, def.id, { sessionId: s.id });
      onRestored(answer.field);
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <OverlayDrawer open position="end" className={styles.drawer} onOpenChange={(_, d) => !d.open && onClose()} aria-label={`History of ${def.label}`}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close history" icon={<Dismiss24Regular />} onClick={onClose} />}>History: {def.label}</DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {error !== undefined && <Problem error={error} title="Could not load or restore" />}
        {!sessions && !error && <Spinner label="Loading history" />}
        {sessions && sessions.length === 0 && (
          <Body1 block as="p">
            Nobody has written in this field yet.
          </Body1>
        )}
        {sessions && sessions.length > 0 && (
          <ol className={styles.list} aria-label="Sessions of work, newest first">
            {sessions.map((s, i) => {
              const label = sessionLabel(s);
              return (
                <li key={s.id} className={styles.entry} data-session-id={s.id}>
                  <div className={styles.head}>
                    <span>
                      {s.open && (
                        <Badge appearance="tint" color="brand">
                          In progress
                        </Badge>
                      )}{' '}
                      {s.kind === 'restore' && (
                        <Badge appearance="tint" color="informative">
                          Restore
                        </Badge>
                      )}{' '}
                      <strong>{label}</strong>
                      {i === 0 && <Caption1> · latest</Caption1>}
                    </span>
                    <span className={styles.actions}>
                      <Button size="small" aria-expanded={Boolean(shown[s.id])} onClick={() => void show(s)} aria-label={`${shown[s.id] ? 'Hide' : 'Show'} changes: ${label}`}>
                        {shown[s.id] ? 'Hide changes' : 'Show changes'}
                      </Button>
                      {canEdit && (
                        <Button size="small" icon={<ArrowUndo16Regular />} disabled={busy !== undefined} onClick={() => void restore(s)} aria-label={`Restore: ${label}`}>
                          {busy === s.id ? 'Restoring…' : 'Restore'}
                        </Button>
                      )}
                    </span>
                  </div>
                  {shown[s.id] && (
                    <div className={styles.diff} tabIndex={0} role="region" aria-label={`Changes: ${label}`}>
                      <DiffView before={shown[s.id]!.before} after={shown[s.id]!.after} />
                    </div>
                  )}
                </li>
              );
            })}
          </ol>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
