import { useCallback, useEffect, useRef, useState } from 'react';
import { subscribe } from '../live';
import type { FieldDocs, FieldDocsState } from '../../../shared/live/field-docs';
import { createFieldDocs } from './editor/field-docs-store';
import type { ApplicationSummary, CommentThread, FieldState, PresenceEntry, SectionState, WorkspaceEvent, WorkspaceView } from '../../../shared/workspace-api';
import { workspaceApi } from './workspace-client';
import { keys } from '../data/query-client';
import { useCacheState } from '../data/use-cache-state';

export type LiveState = 'connecting' | 'open' | 'reconnecting';

/** Someone else's saved change, for the "what just changed" notices. */
export interface RecentChange {
  fieldId: string;
  by: string;
  at: string;
  kind: 'edit' | 'merge' | 'restore';
}

/** How long after a change the checklist (computed on the server) is read again. */
const CHECKLIST_REFRESH_MS = 1500;

function newerField(current: FieldState | undefined, next: FieldState): boolean {
  return !current || next.version > current.version;
}

/**
 * One application as the page shows it: the view read once, then kept current from the live event
 * stream (resuming where it left off; a `reset` reads the view again). Fields only ever move
 * forward in version, whichever path (a save's answer, an event, a re-read) brings them.
 */
export function useWorkspace(appId: string, myStaffId: string, origin: string) {
  // The view lives in the shared cache: the live stream's events below write into it.
  const [view, setView] = useCacheState<WorkspaceView>(keys.workspace(appId));
  const [docsState, setDocsState] = useState<FieldDocsState>('synced');
  const [refused, setRefused] = useState<{ fieldId: string; message: string }>();
  const [docs, setDocs] = useState<FieldDocs>();
  const [error, setError] = useState<unknown>();
  const [live, setLive] = useState<LiveState>('connecting');
  const [recent, setRecent] = useState<RecentChange>();
  const refreshTimer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const applyFields = useCallback((fields: FieldState[]) => {
    setView((v) => {
      if (!v) return v;
      const changed = fields.filter((f) => newerField(v.fields[f.fieldId], f));
      if (!changed.length) return v;
      const next = { ...v.fields };
      for (const f of changed) next[f.fieldId] = f;
      return { ...v, fields: next };
    });
  }, [setView]);

  const applySection = useCallback((section: SectionState) => {
    setView((v) => (v ? { ...v, sections: { ...v.sections, [section.sectionId]: section } } : v));
  }, [setView]);

  const applyThread = useCallback((thread: CommentThread) => {
    setView((v) => {
      if (!v) return v;
      const exists = v.comments.some((t) => t.id === thread.id);
      return { ...v, comments: exists ? v.comments.map((t) => (t.id === thread.id ? thread : t)) : [...v.comments, thread] };
    });
  }, [setView]);

  const applyApplication = useCallback((application: ApplicationSummary) => {
    setView((v) => (v && application.seq >= v.application.seq ? { ...v, application } : v));
  }, [setView]);

  const docsRef = useRef<FieldDocs | undefined>(undefined);
  const applyPresence = useCallback((presence: PresenceEntry[]) => {
    setView((v) => (v ? { ...v, presence } : v));
    docsRef.current?.keepCursorsOf(new Set(presence.map((p) => p.clientId)));
  }, [setView]);

  /** Reads the view again; keeps any field the page already holds at a newer version. */
  const reload = useCallback(async () => {
    const fresh = await workspaceApi.view(appId);
    setView((v) => {
      if (!v) return fresh;
      const fields = { ...fresh.fields };
      for (const [id, f] of Object.entries(v.fields)) if (newerField(fields[id], f)) fields[id] = f;
      return { ...fresh, fields };
    });
    return fresh;
  }, [appId, setView]);

  const scheduleRefresh = useCallback(() => {
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => void reload().catch(() => undefined), CHECKLIST_REFRESH_MS);
  }, [reload]);

  useEffect(() => {
    let cancelled = false;
    let subscription: { close(): void; reconnect(): void } | undefined;
    setView(undefined);
    setError(undefined);
    const fieldDocs = createFieldDocs(appId, myStaffId, origin, setDocsState, (fieldId, message) => setRefused({ fieldId, message }));
    docsRef.current = fieldDocs;
    setDocs(fieldDocs);
    let opened = false;
    const online = () => subscription?.reconnect();
    const offline = () => fieldDocs.disconnected();
    window.addEventListener('online', online);
    window.addEventListener('offline', offline);
    workspaceApi.view(appId).then(
      (loaded) => {
        if (cancelled) return;
        setView(loaded);
        subscription = subscribe(
          workspaceApi.eventsPath(appId, loaded.seq),
          (message) => {
            const event = message.data as WorkspaceEvent;
            switch (event.type) {
              case 'doc':
                fieldDocs.receive(event);
                break;
              case 'field':
                applyFields([event.field]);
                if (event.by.staffId !== myStaffId) setRecent({ fieldId: event.field.fieldId, by: event.by.name, at: event.at, kind: event.kind });
                scheduleRefresh();
                break;
              case 'section':
                applySection(event.section);
                scheduleRefresh();
                break;
              case 'comment':
                applyThread(event.thread);
                break;
              case 'application':
                applyApplication(event.application);
                scheduleRefresh();
                break;
              case 'presence':
                applyPresence(event.presence);
                break;
              case 'reset':
                void reload().catch(setError);
                break;
              default:
                break;
            }
          },
          (state) => {
            setLive(state);
            if (state === 'reconnecting') {
              fieldDocs.disconnected();
              return;
            }
            // (Re)connected: the documents catch up with the server (what changed before the stream
            // was there, or while it was away) and send what they hold.
            setRefused(undefined);
            void fieldDocs.resync();
            if (opened) void reload().catch(() => undefined);
            opened = true;
          },
        );
      },
      (e: unknown) => !cancelled && setError(e),
    );
    return () => {
      cancelled = true;
      subscription?.close();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', offline);
      fieldDocs.close();
      clearTimeout(refreshTimer.current);
    };
  }, [appId, myStaffId, origin, applyFields, applySection, applyThread, applyApplication, applyPresence, reload, scheduleRefresh, setView]);

  return { view, error, live, recent, docs, docsState, refused, reload, applyFields, applySection, applyThread, applyApplication, applyPresence, scheduleRefresh };
}

export type WorkspaceStore = ReturnType<typeof useWorkspace>;
