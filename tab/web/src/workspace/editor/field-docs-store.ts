import { IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { ApiProblem, apiFetch } from '../../api';
import { FieldDocs, type FieldDocsState } from '../../../../shared/live/field-docs';
import type { DocChangeResponse, FieldDocsResponse } from '../../../../shared/workspace-api';

/**
 * The page's live documents: FieldDocs over the tab API, each field's document kept in IndexedDB
 * (per person and application), so edits made offline survive a reload and are sent on reconnect.
 */
export function createFieldDocs(appId: string, staffId: string, origin: string, onState: (state: FieldDocsState) => void, onRefused: (fieldId: string, message: string) => void): FieldDocs {
  const ws = `/api/workspaces/${encodeURIComponent(appId)}`;
  return new FieldDocs({
    origin,
    onState,
    onRefused: (fieldId, answer) => onRefused(fieldId, answer.message),
    transport: {
      load: (sectionId) => apiFetch<FieldDocsResponse>(`${ws}/docs${sectionId ? `?section=${encodeURIComponent(sectionId)}` : ''}`),
      send: async (fieldId, change) => {
        try {
          const answer = await apiFetch<DocChangeResponse>(`${ws}/fields/${encodeURIComponent(fieldId)}/doc`, { body: change });
          return { ok: true, dseq: answer.dseq };
        } catch (error) {
          if (error instanceof ApiProblem) return { ok: false, status: error.status, code: error.code, message: error.message };
          throw error;
        }
      },
    },
    persist: async (fieldId: string, doc: Y.Doc) => {
      if (typeof indexedDB === 'undefined') return undefined;
      const store = new IndexeddbPersistence(`ml-ws-${staffId}-${appId}-${fieldId}`, doc);
      await store.whenSynced;
      return store;
    },
  });
}
