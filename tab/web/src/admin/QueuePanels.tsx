import { Body1, Button, Caption1, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../api';
import type { EvidenceItemView, ExemptionItemView } from '../../../shared/admin-api';
import { formatDate, formatInstant } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiMutation, useApiQuery } from '../data/use-api';
import { DataTable } from '../ui/DataTable';
import { OutcomeBar } from '../ui/OutcomeBar';
import { Section } from '../ui/Page';
import { QueryState } from '../ui/QueryState';

const useStyles = makeStyles({ decide: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 'min(16rem, 100%)' }, buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS } });

/** Certificates learners brought from other employers: verify (it counts from then on) or reject with a reason (they are told). */
export function EvidencePanel() {
  const styles = useStyles();
  const queue = useApiQuery<{ items: EvidenceItemView[] }>(keys.evidence, '/api/admin/evidence');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const decide = useApiMutation(
    ({ item, decision }: { item: EvidenceItemView; decision: 'verify' | 'reject' }) =>
      apiFetch(`/api/admin/evidence/${encodeURIComponent(item.learnerId)}/${encodeURIComponent(item.recordId)}`, { body: { decision, ...(decision === 'reject' ? { reason: reasons[item.recordId] ?? '' } : {}) } }),
    { invalidates: [keys.evidence, keys.reports] },
  );
  return (
    <Section id="evidence-title" title="Evidence to verify">
      <OutcomeBar outcome={decide.outcome} />
      <QueryState query={queue} label="the evidence queue">
        {(data) => (
          <DataTable
            label="Certificates waiting for verification"
            rows={data.items}
            rowKey={(i) => i.recordId}
            empty={<Body1 block as="p">No certificates are waiting.</Body1>}
            columns={[
              { key: 'learner', header: 'Learner', primary: true, cell: (i) => <>{i.learnerName} <Caption1>({i.orgUnit})</Caption1></> },
              { key: 'topic', header: 'Topic', cell: (i) => <>{i.topic}{!i.required && <Caption1> (not required by their roles)</Caption1>}</> },
              {
                key: 'certificate',
                header: 'Certificate',
                cell: (i) => (
                  <>
                    {i.employer}
                    {i.reference ? `, ref. ${i.reference}` : ''}
                    <br />
                    <Caption1>
                      completed {formatDate(i.completedOn)}, valid until {i.expiresOn ? formatDate(i.expiresOn) : 'no expiry'}; brought {formatInstant(i.broughtAt)}
                    </Caption1>
                  </>
                ),
              },
              {
                key: 'decision',
                header: 'Decision',
                cell: (i) => (
                  <div className={styles.decide}>
                    <Field label={`Reason for rejecting ${i.learnerName}'s ${i.topic}`}>
                      <Input value={reasons[i.recordId] ?? ''} onChange={(_e, d) => setReasons({ ...reasons, [i.recordId]: d.value })} maxLength={500} />
                    </Field>
                    <div className={styles.buttons}>
                      <Button appearance="primary" disabled={decide.isPending} aria-label={`Verify ${i.learnerName}'s ${i.topic}`} onClick={() => decide.mutate({ item: i, decision: 'verify' })}>Verify</Button>
                      <Button disabled={decide.isPending} aria-label={`Reject ${i.learnerName}'s ${i.topic}`} onClick={() => decide.mutate({ item: i, decision: 'reject' })}>Reject</Button>
                    </div>
                  </div>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}

/** Exemption requests waiting for this MLOG member, decided with the same use case as the Teams cards. */
export function ExemptionsPanel() {
  const styles = useStyles();
  const queue = useApiQuery<{ items: ExemptionItemView[] }>(keys.exemptions, '/api/admin/exemptions');
  const [comments, setComments] = useState<Record<string, string>>({});
  const decide = useApiMutation(
    ({ item, decision }: { item: ExemptionItemView; decision: 'approve' | 'decline' }) =>
      apiFetch(`/api/admin/exemptions/${encodeURIComponent(item.learnerId)}/${encodeURIComponent(item.requestId)}/decision`, { body: { decision, ...(comments[item.requestId] ? { comment: comments[item.requestId] } : {}) } }),
    { invalidates: [keys.exemptions, keys.reports] },
  );
  return (
    <Section id="exemptions-title" title="Exemption requests">
      <OutcomeBar outcome={decide.outcome} />
      <QueryState query={queue} label="the exemption requests">
        {(data) => (
          <DataTable
            label="Exemption requests waiting for a decision"
            rows={data.items}
            rowKey={(i) => i.requestId}
            empty={<Body1 block as="p">Nothing is waiting for the MLOG.</Body1>}
            columns={[
              { key: 'learner', header: 'Learner', primary: true, cell: (i) => <>{i.learnerName} <Caption1>({i.orgUnit}{i.role ? ` · ${i.role}` : ''})</Caption1></> },
              { key: 'topic', header: 'Topic', cell: (i) => i.subject },
              { key: 'reason', header: 'Reason', cell: (i) => <>{i.reason}<br /><Caption1>asked {formatInstant(i.requestedAt)}</Caption1></> },
              {
                key: 'decision',
                header: 'Decision',
                cell: (i) => (
                  <div className={styles.decide}>
                    <Field label={`Comment to ${i.learnerName} (optional)`}>
                      <Input value={comments[i.requestId] ?? ''} onChange={(_e, d) => setComments({ ...comments, [i.requestId]: d.value })} maxLength={500} />
                    </Field>
                    <div className={styles.buttons}>
                      <Button appearance="primary" disabled={decide.isPending} aria-label={`Approve ${i.learnerName}'s exemption from ${i.subject}`} onClick={() => decide.mutate({ item: i, decision: 'approve' })}>Approve</Button>
                      <Button disabled={decide.isPending} aria-label={`Decline ${i.learnerName}'s exemption from ${i.subject}`} onClick={() => decide.mutate({ item: i, decision: 'decline' })}>Decline</Button>
                    </div>
                  </div>
                ),
              },
            ]}
          />
        )}
      </QueryState>
    </Section>
  );
}
