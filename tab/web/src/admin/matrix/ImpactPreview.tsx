import { Body1, Button, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '../../api';
import type { ImpactAnswer, ImpactRequest } from '../../../../shared/admin-api';
import { Problem } from '../../shell/Problem';
import { useLayout } from '../../ui/styles';

/**
 * Before a change that can move due dates is saved: what it would do to people's learning today,
 * worked out on the server without writing anything, then an explicit confirmation.
 */
export function ImpactPreview({ change, confirmLabel, busy, onConfirm, onBack }: { change: ImpactRequest; confirmLabel: string; busy: boolean; onConfirm: () => void; onBack: () => void }) {
  const layout = useLayout();
  const impact = useQuery({
    queryKey: ['admin', 'impact', JSON.stringify(change)],
    queryFn: ({ signal }) => apiFetch<ImpactAnswer>('/api/admin/impact', { body: change, signal }),
    staleTime: 0,
    gcTime: 0,
  });
  if (impact.isPending) return <Spinner label="Working out who this change affects" />;
  if (impact.error) return <Problem error={impact.error} title="Could not work out the effect of this change" />;
  const answer = impact.data;
  const serious = answer.impact.becomeOverdue > 0 || answer.impact.becomeDueSoon > 0;
  return (
    <div className={layout.form}>
      <MessageBar intent={serious ? 'warning' : 'info'} role="status">
        <MessageBarBody>
          <MessageBarTitle>If you save this change</MessageBarTitle>
          {answer.sentence}
        </MessageBarBody>
      </MessageBar>
      <Body1 block as="p">
        {serious ? 'People who become overdue are told in their next reminder, and their managers see it at once. ' : ''}Nothing has been saved yet.
      </Body1>
      <div className={layout.toolbar}>
        <Button appearance="primary" disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
        <Button onClick={onBack}>Go back and change it</Button>
      </div>
    </div>
  );
}
