import { useEffect, useRef } from 'react';
import { authHeader } from '../api';
import type { PresenceEntry } from '../../../shared/workspace-api';
import { workspaceApi } from './workspace-client';

const DEFAULT_HEARTBEAT_S = 15;

/** This page's presence id: one per open tab, so two tabs of one person are two entries. */
export function newClientId(): string {
  return `c${crypto.randomUUID().replace(/-/g, '')}`;
}

/**
 * Tells the server where this tab is (section, field, viewing or editing) at once when that changes
 * and then on every heartbeat; leaves when the page is hidden or closed (a keepalive DELETE with a
 * header read beforehand, since nothing async can run while the page unloads) and comes back when it
 * is shown again. An entry the server does not hear about expires by itself.
 */
export function usePresence(appId: string | undefined, where: { sectionId?: string | undefined; fieldId?: string | undefined; editing: boolean }, onPresence: (p: PresenceEntry[]) => void, id?: string) {
  const clientId = useRef(id ?? newClientId());
  const heartbeat = useRef(DEFAULT_HEARTBEAT_S);
  const auth = useRef<string | undefined>(undefined);
  const whereRef = useRef(where);
  whereRef.current = where;
  const onPresenceRef = useRef(onPresence);
  onPresenceRef.current = onPresence;
  const beat = useRef<() => void>(() => undefined);

  useEffect(() => {
    if (!appId) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const send = async () => {
      clearTimeout(timer);
      if (stopped || document.visibilityState === 'hidden') return;
      const w = whereRef.current;
      try {
        auth.current = await authHeader();
        const answer = await workspaceApi.presence(appId, {
          clientId: clientId.current,
          mode: w.editing ? 'editing' : 'viewing',
          ...(w.sectionId ? { sectionId: w.sectionId } : {}),
          ...(w.fieldId ? { fieldId: w.fieldId } : {}),
        });
        heartbeat.current = answer.heartbeatSeconds || DEFAULT_HEARTBEAT_S;
        if (!stopped) onPresenceRef.current(answer.presence);
      } catch {
        // presence is best effort; the next heartbeat tries again
      }
      if (!stopped) timer = setTimeout(() => void send(), heartbeat.current * 1000);
    };
    const leave = () => {
      clearTimeout(timer);
      if (!auth.current) return;
      void fetch(workspaceApi.presencePath(appId, clientId.current), { method: 'DELETE', keepalive: true, headers: { Authorization: auth.current } }).catch(() => undefined);
    };
    const onVisibility = () => (document.visibilityState === 'hidden' ? leave() : void send());
    beat.current = () => void send();
    void send();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', leave);
    return () => {
      stopped = true;
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', leave);
      leave();
    };
  }, [appId]);

  // Moving to another section or field, or starting/stopping editing, is announced at once.
  useEffect(() => {
    beat.current();
  }, [where.sectionId, where.fieldId, where.editing]);

  return clientId.current;
}
