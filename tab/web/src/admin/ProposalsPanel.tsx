import { Body1, Button, Caption1, Checkbox, Field, Input, makeStyles, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import { useState } from 'react';
import { apiFetch } from '../api';
import { COMPLETION_METHOD_NAMES } from '../../../shared/learning-api';
import type { ProposalContentDto, ProposalDto, ProposalListView } from '../../../shared/admin-api';
import { formatInstant } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiMutation, useApiQuery, type Outcome } from '../data/use-api';
import { StateBadge } from '../ui/badges';
import { OutcomeBar } from '../ui/OutcomeBar';
import { Section } from '../ui/Page';
import { QueryState } from '../ui/QueryState';
import { useLayout } from '../ui/styles';

const useStyles = makeStyles({ multi: { height: '8rem' } });

const EMPTY: ProposalContentDto = { title: '', risk: '', outcomeMeasures: '', audiences: '', staffGroups: [], learningOutcomes: '', deliveryMethods: [], renewalMonths: 12, competenceAssessment: '', roleIds: [] };
const TEXTS: [keyof ProposalContentDto, string][] = [
  ['risk', 'The risk or harm it addresses (incidents, reports, evidence)'],
  ['outcomeMeasures', 'Outcome measures and how they will be monitored'],
  ['audiences', 'Audiences'],
  ['learningOutcomes', 'Learning outcomes'],
  ['competenceAssessment', 'How learning and competence will be assessed'],
];

function ProposalForm({ view, onDone }: { view: ProposalListView; onDone: (o: Outcome) => void }) {
  const [content, setContent] = useState<ProposalContentDto>(EMPTY);
  const [groups, setGroups] = useState('');
  const [renewal, setRenewal] = useState('12');
  const layout = useLayout();
  const styles = useStyles();
  const send = useApiMutation((body: ProposalContentDto) => apiFetch<ProposalDto>('/api/proposals', { body }), { invalidates: [keys.proposals], success: (p) => `Proposal “${p.title}” sent to the MLOG.` });
  const problem = send.outcome?.intent === 'success' ? undefined : send.outcome;
  const submit = () => {
    const body = { ...content, staffGroups: groups.split(',').map((g) => g.trim()).filter(Boolean), renewalMonths: renewal.trim() === '' ? null : Number(renewal) };
    send.mutate(body, {
      onSuccess: (p) => {
        setContent(EMPTY);
        setGroups('');
        onDone({ intent: 'success', text: `Proposal “${p.title}” sent to the MLOG.` });
      },
    });
  };
  return (
    <form className={layout.form} aria-labelledby="propose-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <Subtitle2 block as="h3" id="propose-title">Propose a locally mandated topic</Subtitle2>
      <Caption1>The policy’s Application and Case for Mandatory Learning: the MLOG reviews it, may ask questions here, and decides.</Caption1>
      <Field label="Topic name" required><Input value={content.title} onChange={(_e, d) => setContent({ ...content, title: d.value })} maxLength={120} /></Field>
      {TEXTS.map(([key, label]) => (
        <Field key={key} label={label} required>
          <Textarea value={content[key] as string} onChange={(_e, d) => setContent({ ...content, [key]: d.value })} maxLength={8000} />
        </Field>
      ))}
      <Field label="Staff groups (comma separated)" required><Input value={groups} onChange={(_e, d) => setGroups(d.value)} /></Field>
      <fieldset className={layout.fieldset}>
        <legend>Delivery methods</legend>
        {view.methods.filter((m) => m !== 'transferred').map((m) => (
          <Checkbox key={m} label={COMPLETION_METHOD_NAMES[m] ?? m} checked={content.deliveryMethods.includes(m)} onChange={(_e, d) => setContent({ ...content, deliveryMethods: d.checked ? [...content.deliveryMethods, m] : content.deliveryMethods.filter((x) => x !== m) })} />
        ))}
      </fieldset>
      <Field label="Renew every (months; empty for once)"><Input type="number" min={1} max={120} value={renewal} onChange={(_e, d) => setRenewal(d.value)} /></Field>
      <Field label="Roles that should require it">
        <Select multiple value={content.roleIds} onChange={(e) => setContent({ ...content, roleIds: [...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value) })} select={{ className: styles.multi }}>
          {view.roleOptions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
        </Select>
      </Field>
      {problem && <p role="alert" className={layout.problem}>{problem.text}</p>}
      <div><Button appearance="primary" type="submit" disabled={send.isPending}>Send to the MLOG</Button></div>
    </form>
  );
}

function ProposalDetail({ proposal, view, onChanged }: { proposal: ProposalDto; view: ProposalListView; onChanged: (o: Outcome) => void }) {
  const [message, setMessage] = useState('');
  const [comment, setComment] = useState('');
  const [roleIds, setRoleIds] = useState<string[]>(proposal.roleIds);
  const layout = useLayout();
  const styles = useStyles();
  const roleName = (id: string) => view.roleOptions.find((r) => r.id === id)?.name ?? 'a role no longer in the matrix';
  const post = useApiMutation((text: string) => apiFetch(`/api/proposals/${proposal.id}/messages`, { body: { text } }), { invalidates: [keys.proposals], success: () => 'Sent.' });
  const decision = useApiMutation((d: 'approve' | 'decline') => apiFetch<ProposalDto>(`/api/proposals/${proposal.id}/decision`, { body: { decision: d, comment, roleIds } }), {
    invalidates: [keys.proposals, keys.catalogue, keys.myLearning, keys.reports],
    success: (answer, d) => (d === 'approve' ? `Approved: “${answer.title}” is now a topic in the catalogue, required by ${(answer.decision?.roleIds ?? []).map(roleName).join(', ') || 'no role yet'}.` : `Declined: “${answer.title}”.`),
  });
  const send = () => post.mutate(message, { onSuccess: () => { setMessage(''); onChanged({ intent: 'success', text: 'Sent.' }); } });
  const decide = (d: 'approve' | 'decline') => decision.mutate(d, { onSuccess: (answer) => onChanged({ intent: 'success', text: d === 'approve' ? `Approved: “${answer.title}” is now a topic in the catalogue, required by ${(answer.decision?.roleIds ?? []).map(roleName).join(', ') || 'no role yet'}.` : `Declined: “${answer.title}”.` }) });
  const failure = [post.outcome, decision.outcome].find((o) => o && o.intent !== 'success');
  const open = proposal.state === 'submitted' || proposal.state === 'questions';
  return (
    <article aria-labelledby={`p-${proposal.id}`} className={layout.form}>
      <Subtitle2 block as="h3" id={`p-${proposal.id}`}>{proposal.title}</Subtitle2>
      <OutcomeBar outcome={failure} />
      <div><StateBadge state={proposal.state} /> <Caption1>proposed by {proposal.proposerName}, {formatInstant(proposal.submittedAt)}</Caption1></div>
      <dl>
        {TEXTS.map(([key, label]) => (<div key={key}><dt><strong>{label}</strong></dt><dd>{proposal[key] as string}</dd></div>))}
        <dt><strong>Staff groups</strong></dt><dd>{proposal.staffGroups.join(', ')}</dd>
        <dt><strong>Delivery</strong></dt><dd>{proposal.deliveryMethods.map((m) => COMPLETION_METHOD_NAMES[m] ?? m).join(', ')}, {proposal.renewalMonths === null ? 'once' : `every ${proposal.renewalMonths} months`}</dd>
        <dt><strong>Roles proposed</strong></dt><dd>{proposal.roleIds.map(roleName).join(', ') || 'none'}</dd>
      </dl>
      <Subtitle2 block as="h4">Questions and answers</Subtitle2>
      {proposal.thread.length === 0 ? <Body1 block as="p">No questions yet.</Body1> : (
        <ul className={layout.plainList}>
          {proposal.thread.map((m) => (<li key={m.id}><strong>{m.authorName}</strong> ({m.side === 'mlog' ? 'MLOG' : 'proposer'}, {formatInstant(m.at)}): {m.text}</li>))}
        </ul>
      )}
      {open && (
        <form className={layout.toolbar} onSubmit={(e) => { e.preventDefault(); void send(); }}>
          <Field label={view.canDecide ? 'Ask the proposer' : 'Answer the MLOG'}><Textarea value={message} onChange={(_e, d) => setMessage(d.value)} maxLength={4000} /></Field>
          <Button type="submit">Send</Button>
        </form>
      )}
      {proposal.decision && (
        <Body1 block as="p" role="note">
          {proposal.decision.decision === 'approve' ? 'Approved' : 'Declined'} by {proposal.decision.byName} on {formatInstant(proposal.decision.at)}: “{proposal.decision.comment}”
          {proposal.decision.topicId && ` It became a topic in the catalogue, required by ${(proposal.decision.roleIds ?? []).map(roleName).join(', ') || 'no role yet'}.`}
        </Body1>
      )}
      {open && view.canDecide && (
        <form className={layout.form} aria-label={`Decide ${proposal.title}`} onSubmit={(e) => e.preventDefault()}>
          <Field label="Roles that will require it">
            <Select multiple value={roleIds} onChange={(e) => setRoleIds([...(e.target as HTMLSelectElement).selectedOptions].map((o) => o.value))} select={{ className: styles.multi }}>
              {view.roleOptions.map((r) => <option key={r.id} value={r.id}>{r.name}</option>)}
            </Select>
          </Field>
          <Field label="Reason for the decision (kept on record)" required><Textarea value={comment} onChange={(_e, d) => setComment(d.value)} maxLength={4000} /></Field>
          <div className={layout.toolbar}>
            <Button appearance="primary" disabled={decision.isPending} onClick={() => decide('approve')}>Approve and add to the catalogue</Button>
            <Button disabled={decision.isPending} onClick={() => decide('decline')}>Decline</Button>
          </div>
        </form>
      )}
    </article>
  );
}

/** Local topic proposals: anyone proposes; the proposer, the MLOG and learning and development see them; the MLOG decides. */
export function ProposalsPanel() {
  const layout = useLayout();
  const list = useApiQuery<ProposalListView>(keys.proposals, '/api/proposals');
  const [selected, setSelected] = useState<string>();
  const [outcome, setOutcome] = useState<Outcome>();
  const changed = (o: Outcome) => setOutcome(o);
  return (
    <Section id="proposals-title" title="Local topic proposals">
      <OutcomeBar outcome={outcome} />
      <QueryState query={list} label="the proposals">
        {(view) => {
          const current = view.proposals.find((p) => p.id === selected);
          return (
            <>
              {view.proposals.length === 0 ? <Body1 block as="p">No proposals yet.</Body1> : (
                <ul className={layout.plainList}>
                  {view.proposals.map((p) => (
                    <li key={p.id}>
                      <Button appearance="transparent" aria-pressed={p.id === selected} onClick={() => setSelected(p.id)}>{p.title}</Button> <StateBadge state={p.state} /> <Caption1>{p.proposerName}</Caption1>
                    </li>
                  ))}
                </ul>
              )}
              {current && <ProposalDetail key={current.id + current.thread.length + current.state} proposal={current} view={view} onChanged={changed} />}
              <ProposalForm view={view} onDone={changed} />
            </>
          );
        }}
      </QueryState>
    </Section>
  );
}
