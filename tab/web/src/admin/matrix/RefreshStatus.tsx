import { Button, Field, ProgressBar } from '@fluentui/react-components';
import { apiFetch } from '../../api';
import type { RefreshJobView } from '../../../../shared/admin-api';
import { keys } from '../../data/query-client';
import { useApiMutation, useApiQuery } from '../../data/use-api';
import { OutcomeBar } from '../../ui/OutcomeBar';

const WORDS: Record<RefreshJobView['state'], string> = {
  running: 'Updating the reports',
  done: 'Reports up to date',
  failed: 'The report update failed',
  stopped: 'The report update stopped',
  interrupted: 'The report update was interrupted',
};

/** Progress of bringing the reports up to date after a matrix change, asked again every second while it runs. */
export function RefreshStatus() {
  const job = useApiQuery<{ job: RefreshJobView | null }>(keys.refreshJob, '/api/admin/summary-refresh', { refetchInterval: (data) => (data?.job?.state === 'running' ? 1000 : false) });
  const restart = useApiMutation(() => apiFetch('/api/admin/summary-refresh', { method: 'POST', body: {} }), { invalidates: [keys.refreshJob], success: () => 'Bringing every report up to date.' });
  const current = job.data?.job;
  const button = (
    <div>
      <Button size="small" disabled={restart.isPending} onClick={() => restart.mutate(undefined)}>
        Bring every report up to date
      </Button>
    </div>
  );
  if (!current) return button;
  return (
    <Field label={`${WORDS[current.state]}: ${current.done} of ${current.total} people${current.failed ? `, ${current.failed} could not be updated` : ''} (${current.reason})`} validationState="none">
      <ProgressBar value={current.total === 0 ? 1 : current.done / current.total} aria-label="Report update progress" />
      {current.state !== 'running' && button}
      <OutcomeBar outcome={restart.outcome} />
    </Field>
  );
}
