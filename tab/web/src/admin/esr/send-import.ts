import { ApiProblem, authHeader } from '../../api';
import type { EsrImportEvent, EsrImportProgress, EsrImportResult } from '../../../../shared/esr-import';

/**
 * Sends the chosen file as the request body (the browser streams it; the server never holds it
 * whole) and reads the answer as it comes: the upload's own progress from the browser, then the
 * server's progress lines (rows read, people written), then the result. XMLHttpRequest, because
 * fetch reports no upload progress.
 */
export function sendImport(file: File, mode: 'preview' | 'import', on: { upload(sent: number, total: number): void; progress(p: EsrImportProgress): void }, signal?: AbortSignal): Promise<EsrImportResult> {
  return authHeader().then(
    (authorization) =>
      new Promise<EsrImportResult>((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', `/api/esr/imports?mode=${mode}&fileName=${encodeURIComponent(file.name)}`);
        xhr.setRequestHeader('Authorization', authorization);
        xhr.setRequestHeader('Content-Type', 'text/csv');
        xhr.setRequestHeader('Accept', 'application/x-ndjson');
        let read = 0;
        let pending = '';
        let outcome: EsrImportEvent | undefined;
        const pump = () => {
          const text = xhr.responseText;
          pending += text.slice(read);
          read = text.length;
          const lines = pending.split('\n');
          pending = lines.pop() ?? '';
          for (const line of lines) {
            if (!line.trim()) continue;
            let event: EsrImportEvent;
            try {
              event = JSON.parse(line) as EsrImportEvent;
            } catch {
              continue;
            }
            if (event.type === 'progress') on.progress(event.progress);
            else outcome = event;
          }
        };
        xhr.upload.onprogress = (e) => on.upload(e.loaded, e.lengthComputable ? e.total : file.size);
        xhr.onprogress = pump;
        xhr.onload = () => {
          if (xhr.status !== 200) {
            // Refused before the stream began (sign-in, size, rights): an ordinary error answer.
            let error: { code?: string; message?: string; details?: unknown } | undefined;
            try {
              error = (JSON.parse(xhr.responseText) as { error?: typeof error }).error;
            } catch {
              error = undefined;
            }
            reject(new ApiProblem(xhr.status, error?.code ?? 'http-error', error?.message ?? `The server answered ${xhr.status}.`, error?.details));
            return;
          }
          pump();
          if (pending.trim()) {
            pending += '\n';
            pump();
          }
          if (outcome?.type === 'result') resolve(outcome.result);
          else if (outcome?.type === 'error') reject(new ApiProblem(outcome.error.status, outcome.error.code, outcome.error.message, outcome.error.details));
          else reject(new ApiProblem(0, 'incomplete', 'The answer stopped before the end. The list of recent imports says what was written; importing the same file again is safe.'));
        };
        xhr.onerror = () => reject(new ApiProblem(0, 'network', 'The connection was lost while the file was being sent. The list of recent imports says what was written; importing the same file again is safe.'));
        xhr.onabort = () => reject(new ApiProblem(0, 'aborted', 'Stopped.'));
        signal?.addEventListener('abort', () => xhr.abort());
        xhr.send(file);
      }),
  );
}
