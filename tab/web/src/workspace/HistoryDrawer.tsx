import {
  Badge,
  Body1,
  Button,
  Caption1,
  DrawerBody,
  DrawerHeader,
  DrawerHeaderTitle,
  makeStyles,
  OverlayDrawer,
  Spinner,
  tokens,
} from '@fluentui/react-components';
import { ArrowUndo16Regular, Dismiss24Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import type { FieldDefinition, FieldState, HistoryEntry } from '../../../shared/workspace-api';
import { Problem } from '../shell/Problem';
import { formatDateTime } from './countdown';
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
  diff: { maxHeight: '24vh', overflowY: 'auto' },
});

const KIND_LABEL: Record<HistoryEntry['kind'], string> = { edit: 'Edit', merge: 'Merged edit', restore: 'Restore', conflict: 'Conflicting attempt (kept)' };

/** The text a history entry started from: the revision at its base version (or empty before the first). */
function textBefore(entry: HistoryEntry, entries: HistoryEntry[]): string {
  const from = entry.kind === 'conflict' ? entry.baseVersion : entry.kind === 'merge' || entry.kind === 'restore' ? entry.version - 1 : entry.baseVersion;
  if (from <= 0) return '';
  return entries.find((e) => e.kind !== 'conflict' && e.version === from)?.text ?? '';
}

/**
 * A field's history, newest first: each revision (and each kept conflicting attempt) as a difference
 * from the text it started from, with Restore (a restore is itself a new revision).
 */
export function HistoryDrawer({ appId, def, current, canEdit, onClose, onRestored }: { appId: string; def: FieldDefinition; current: FieldState | undefined; canEdit: boolean; onClose: () => void; onRestored: (field: FieldState) => void }) {
  const styles = useStyles();
  const [entries, setEntries] = useState<HistoryEntry[]>();
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState<string>();

  const load = useCallback(() => {
    workspaceApi.history(appId, def.id).then((h) => setEntries(h.entries), setError);
  }, [appId, def.id]);
  useEffect(load, [load, current?.version]);

  const restore = async (entry: HistoryEntry) => {
    setBusy(entry.id);
    setError(undefined);
    try {
      const answer = await workspaceApi.restore(appId, def.id, entry.kind === 'conflict' ? { conflictId: entry.id } : { version: entry.version });
      onRestored(answer.field);
      load();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(undefined);
    }
  };

  const currentVersion = current?.version ?? 0;
  return (
    <OverlayDrawer open position="end" className={styles.drawer} onOpenChange={(_, d) => !d.open && onClose()} aria-label={`History of ${def.label}`}>
      <DrawerHeader>
        <DrawerHeaderTitle action={<Button appearance="subtle" aria-label="Close history" icon={<Dismiss24Regular />} onClick={onClose} />}>
          History: {def.label}
        </DrawerHeaderTitle>
      </DrawerHeader>
      <DrawerBody>
        {error !== undefined && <Problem error={error} title="Could not load or restore" />}
        {!entries && !error && <Spinner label="Loading history" />}
        {entries && entries.length === 0 && <Body1 block as="p">Nobody has saved this field yet.</Body1>}
        {entries && entries.length > 0 && (
          <ol className={styles.list} aria-label="Revisions, newest first">
            {entries.map((entry) => {
              const isCurrent = entry.kind !== 'conflict' && entry.version === currentVersion;
              return (
                <li key={entry.id} className={styles.entry}>
                  <div className={styles.head}>
                    <span>
                      <Badge appearance="tint" color={entry.kind === 'conflict' ? 'warning' : entry.kind === 'restore' ? 'informative' : 'brand'}>
                        {KIND_LABEL[entry.kind]}
                      </Badge>{' '}
                      <strong>{entry.by.name}</strong> <Caption1>{formatDateTime(entry.at)}</Caption1>{' '}
                      <Caption1>{entry.kind === 'conflict' ? `(against version ${entry.version}${entry.resolvedBy ? ', resolved' : ''})` : `version ${entry.version}`}</Caption1>
                      {entry.restoredFrom && <Caption1> · restored from {entry.restoredFrom}</Caption1>}
                      {isCurrent && (
                        <Badge appearance="outline" color="success" style={{ marginInlineStart: tokens.spacingHorizontalS }}>
                          Current
                        </Badge>
                      )}
                    </span>
                    {canEdit && !isCurrent && (
                      <Button size="small" icon={<ArrowUndo16Regular />} disabled={busy !== undefined} onClick={() => void restore(entry)} aria-label={`Restore ${KIND_LABEL[entry.kind].toLowerCase()} by ${entry.by.name}, ${entry.kind === 'conflict' ? entry.id : `version ${entry.version}`}`}>
                        {busy === entry.id ? 'Restoring…' : 'Restore'}
                      </Button>
                    )}
                  </div>
                  <div className={styles.diff} tabIndex={0} role="region" aria-label={`Changes in ${entry.id}`}>
                    <DiffView before={textBefore(entry, entries)} after={entry.text} />
                  </div>
                </li>
              );
            })}
          </ol>
        )}
      </DrawerBody>
    </OverlayDrawer>
  );
}
