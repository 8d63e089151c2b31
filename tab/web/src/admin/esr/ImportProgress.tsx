import { Field, ProgressBar } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { EsrImportProgress } from '../../../../shared/esr-import';

const mb = (bytes: number) => (bytes / 1024 / 1024).toLocaleString('en-GB', { maximumFractionDigits: 1 });
const n = (v: number) => v.toLocaleString('en-GB');

/** Real progress, never a bare spinner: the upload in megabytes, then rows read, then people written, with the time taken so far. */
export function ImportProgress({ mode, upload, server, startedAt }: { mode: 'preview' | 'import'; upload: { sent: number; total: number }; server: EsrImportProgress | undefined; startedAt: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((t) => t + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.round((Date.now() - startedAt) / 1000);
  const uploading = upload.sent < upload.total;
  const writing = server?.phase === 'writing';
  let label: string;
  let value: number | undefined;
  if (writing && server) {
    label = `Writing people: ${n(server.people)} of ${n(server.peopleTotal)} (${n(server.rows)} rows read)`;
    value = server.peopleTotal ? server.people / server.peopleTotal : undefined;
  } else if (uploading) {
    label = `Sending the file: ${mb(upload.sent)} of ${mb(upload.total)} MB${server ? `, ${n(server.rows)} rows read so far` : ''}`;
    value = upload.total ? upload.sent / upload.total : undefined;
  } else {
    label = `${mode === 'preview' ? 'Checking' : 'Reading'} the file: ${n(server?.rows ?? 0)} rows read`;
    value = server?.totalBytes ? server.bytes / server.totalBytes : undefined;
  }
  return (
    <Field label={`${label} · ${seconds} s`} validationState="none" hint={mode === 'import' ? 'You can keep this page open; the import carries on on the server and is listed below when it ends.' : undefined}>
      <ProgressBar value={value} aria-label={label} />
    </Field>
  );
}
