import { Body1, Button, Caption1, Field, Input, Subtitle2, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../api';
import type { EvidenceItemView, ExemptionItemView } from '../../../shared/admin-api';
import { attempt, formatDate, formatInstant, Loading, OutcomeBar, useApi, type Outcome } from '../learning/ui';

/** Certificates learners brought from other employers: verify (it counts from then on) or reject with a reason (they are told). */
export function EvidencePanel() {
  const { data, error, reload } = useApi<{ items: EvidenceItemView[] }>('/api/admin/evidence');
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const decide = async (item: EvidenceItemView, decision: 'verify' | 'reject') => {
    await attempt(() => apiFetch(`/api/admin/evidence/${item.learnerId}/${item.recordId}`, { body: { decision, ...(decision === 'reject' ? { reason: reasons[item.recordId] ?? '' } : {}) } }), setOutcome);
    await reload();
  };
  return (
    <>
      <Subtitle2 as="h2">Evidence to verify</Subtitle2>
      <OutcomeBar outcome={outcome} />
      <Loading data={data} error={error} label="the evidence queue">
        {() =>
          data!.items.length === 0 ? (
            <Body1 as="p">No certificates are waiting.</Body1>
          ) : (
            <Table aria-label="Certificates waiting for verification" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Learner</TableHeaderCell>
                  <TableHeaderCell>Topic</TableHeaderCell>
                  <TableHeaderCell>Certificate</TableHeaderCell>
                  <TableHeaderCell>Decision</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data!.items.map((item) => (
                  <TableRow key={item.recordId}>
                    <TableCell>{item.learnerName}<br /><Caption1>{item.orgUnit}</Caption1></TableCell>
                    <TableCell>{item.topic}{!item.required && <Caption1> (not required by their roles)</Caption1>}</TableCell>
                    <TableCell>
                      {item.employer}{item.reference ? `, ref. ${item.reference}` : ''}
                      <br />
                      <Caption1>completed {formatDate(item.completedOn)}, valid until {item.expiresOn ? formatDate(item.expiresOn) : 'no expiry'}; brought {formatInstant(item.broughtAt)}</Caption1>
                    </TableCell>
                    <TableCell>
                      <Button appearance="primary" aria-label={`Verify ${item.learnerName}'s ${item.topic}`} onClick={() => void decide(item, 'verify')}>Verify</Button>
                      <Field label={`Reason for rejecting ${item.learnerName}'s ${item.topic}`}>
                        <Input value={reasons[item.recordId] ?? ''} onChange={(_e, d) => setReasons({ ...reasons, [item.recordId]: d.value })} maxLength={500} />
                      </Field>
                      <Button aria-label={`Reject ${item.learnerName}'s ${item.topic}`} onClick={() => void decide(item, 'reject')}>Reject</Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loading>
    </>
  );
}

/** Exemption requests waiting for this MLOG member, decided with the same use case as the Teams cards. */
export function ExemptionsPanel() {
  const { data, error, reload } = useApi<{ items: ExemptionItemView[] }>('/api/admin/exemptions');
  const [comments, setComments] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<Outcome>();
  const decide = async (item: ExemptionItemView, decision: 'approve' | 'decline') => {
    await attempt(() => apiFetch(`/api/admin/exemptions/${item.learnerId}/${item.requestId}/decision`, { body: { decision, ...(comments[item.requestId] ? { comment: comments[item.requestId] } : {}) } }), setOutcome);
    await reload();
  };
  return (
    <>
      <Subtitle2 as="h2">Exemption requests</Subtitle2>
      <OutcomeBar outcome={outcome} />
      <Loading data={data} error={error} label="the exemption requests">
        {() =>
          data!.items.length === 0 ? (
            <Body1 as="p">Nothing is waiting for the MLOG.</Body1>
          ) : (
            <Table aria-label="Exemption requests waiting for a decision" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Learner</TableHeaderCell>
                  <TableHeaderCell>Topic</TableHeaderCell>
                  <TableHeaderCell>Reason</TableHeaderCell>
                  <TableHeaderCell>Decision</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data!.items.map((item) => (
                  <TableRow key={item.requestId}>
                    <TableCell>{item.learnerName}<br /><Caption1>{item.orgUnit}{item.role ? ` · ${item.role}` : ''}</Caption1></TableCell>
                    <TableCell>{item.subject}</TableCell>
                    <TableCell>{item.reason}<br /><Caption1>asked {formatInstant(item.requestedAt)}</Caption1></TableCell>
                    <TableCell>
                      <Field label={`Comment to ${item.learnerName} (optional)`}>
                        <Input value={comments[item.requestId] ?? ''} onChange={(_e, d) => setComments({ ...comments, [item.requestId]: d.value })} maxLength={500} />
                      </Field>
                      <Button appearance="primary" aria-label={`Approve ${item.learnerName}'s exemption from ${item.subject}`} onClick={() => void decide(item, 'approve')}>Approve</Button>{' '}
                      <Button aria-label={`Decline ${item.learnerName}'s exemption from ${item.subject}`} onClick={() => void decide(item, 'decline')}>Decline</Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )
        }
      </Loading>
    </>
  );
}
