import { Body1, Button, Caption1, Card, Field, Input, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { apiFetch } from '../../api';
import type { DecisionAnswer, PendingExtensionView } from '../../../../shared/learning-api';
import { formatDate, formatInstant } from '../../../../shared/dates';
import { keys } from '../../data/query-client';
import { useApiMutation, type Outcome } from '../../data/use-api';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(min(340px, 100%), 1fr))', gap: tokens.spacingHorizontalM },
  card: { gap: tokens.spacingVerticalS, height: '100%', boxSizing: 'border-box' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  title: { margin: 0 },
});

type Decided = { request: PendingExtensionView; outcome: Outcome };

function DecisionCard({ request, decided, onDecided }: { request: PendingExtensionView; decided: Outcome | undefined; onDecided: (outcome: Outcome) => void }) {
  const styles = useStyles();
  const [comment, setComment] = useState('');
  const result = useRef<HTMLDivElement>(null);
  const decide = useApiMutation(
    (decision: 'approve' | 'decline') =>
      apiFetch<DecisionAnswer>(`/api/team/extensions/${encodeURIComponent(request.learnerId)}/${encodeURIComponent(request.requestId)}/decision`, { body: { decision, ...(comment.trim() ? { comment: comment.trim() } : {}) } }),
    { invalidates: [keys.team, keys.reports] },
  );
  useEffect(() => {
    if (decide.outcome && decide.outcome.intent !== 'error') onDecided(decide.outcome);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [decide.outcome]);
  const shown = decided ?? decide.outcome;
  // The result takes the place of the buttons, and focus goes to it: nothing moves off screen.
  useEffect(() => {
    if (shown) result.current?.focus();
  }, [shown]);
  const who = request.learnerName;
  return (
    <li>
      <Card className={styles.card} data-request={request.requestId}>
        <Body1 block as="h3" className={styles.title}>
          <strong>{who}</strong>: {request.subject}
        </Body1>
        <Body1 block>
          Extension from <strong>{formatDate(request.currentDueDate)}</strong> to <strong>{formatDate(request.requestedDate)}</strong>
        </Body1>
        <Body1 block>“{request.reason}”</Body1>
        <Caption1>Asked {formatInstant(request.requestedAt)}</Caption1>
        {decided ? null : (
          <>
            <Field label={`Comment to ${who} (optional)`}>
              <Input value={comment} onChange={(_e, d) => setComment(d.value)} maxLength={500} disabled={decide.isPending} />
            </Field>
            <div className={styles.actions}>
              <Button appearance="primary" disabled={decide.isPending} aria-label={`Approve ${who}'s extension for ${request.subject}`} onClick={() => decide.mutate('approve')}>
                Approve
              </Button>
              <Button disabled={decide.isPending} aria-label={`Decline ${who}'s extension for ${request.subject}`} onClick={() => decide.mutate('decline')}>
                Decline
              </Button>
            </div>
          </>
        )}
        {shown && (
          <div ref={result} tabIndex={-1}>
            <MessageBar intent={shown.intent} role={shown.intent === 'error' ? 'alert' : 'status'}>
              <MessageBarBody>{shown.text}</MessageBarBody>
            </MessageBar>
          </div>
        )}
      </Card>
    </li>
  );
}

/**
 * Extension requests waiting for this manager, first on the page, decided in place: the answer
 * replaces the buttons in the same card (it stays until the page is left), and the matrix below
 * refreshes to show the new due date.
 */
export function DecisionList({ pending }: { pending: PendingExtensionView[] }) {
  const styles = useStyles();
  const [decided, setDecided] = useState<Record<string, Decided>>({});
  const shown = [...pending.filter((p) => !decided[p.requestId]), ...Object.values(decided).map((d) => d.request)].sort((a, b) => a.requestedAt.localeCompare(b.requestedAt));
  if (shown.length === 0) return <Body1 block as="p">Nothing is waiting for your decision.</Body1>;
  return (
    <ul className={styles.list} aria-label="Extension requests">
      {shown.map((p) => (
        <DecisionCard key={p.requestId} request={p} decided={decided[p.requestId]?.outcome} onDecided={(outcome) => setDecided((d) => ({ ...d, [p.requestId]: { request: p, outcome } }))} />
      ))}
    </ul>
  );
}

