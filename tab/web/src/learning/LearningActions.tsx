import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, Select, Textarea } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { apiFetch } from '../api';
import { COMPLETION_METHOD_NAMES, type ActionAnswer, type MyLearningView } from '../../../shared/learning-api';
import { formatDate } from '../../../shared/dates';
import { keys } from '../data/query-client';
import { useApiMutation, type Outcome } from '../data/use-api';
import { DateInput } from '../ui/DateInput';
import { useLayout } from '../ui/styles';

export type ActionMode = 'record' | 'certificate' | 'extension' | 'exemption';

const TITLES: Record<ActionMode, string> = {
  record: 'Record a completion',
  certificate: 'Bring a certificate from a previous employer',
  extension: 'Ask your line manager for an extension',
  exemption: 'Ask the MLOG for an exemption',
};

/**
 * The bot's four learner actions as one dialog each, posting to the same use cases the bot calls.
 * Nothing is decided here: the server checks the rules and answers with what it did or why not.
 */
export function LearningActionDialog({ view, mode, subjectId, onClose, onDone }: { view: MyLearningView; mode: ActionMode | undefined; subjectId?: string; onClose: () => void; onDone: (outcome: Outcome) => void }) {
  const [subject, setSubject] = useState('');
  const [topicId, setTopicId] = useState('');
  const [date, setDate] = useState(view.asOf);
  const [method, setMethod] = useState('');
  const [employer, setEmployer] = useState('');
  const [reference, setReference] = useState('');
  const [reason, setReason] = useState('');
  const layout = useLayout();
  const send = useApiMutation(
    (m: ActionMode) => {
      const post = (path: string, body: unknown) => apiFetch<ActionAnswer>(path, { body });
      return m === 'record'
        ? post('/api/learning/me/completions', { subjectId: subject, completedOn: date, method })
        : m === 'certificate'
          ? post('/api/learning/me/certificates', { topicId, completedOn: date, employer, ...(reference ? { reference } : {}) })
          : m === 'extension'
            ? post('/api/learning/me/extensions', { subjectId: subject, requestedDate: date, reason })
            : post('/api/learning/me/exemptions', { subjectId: subject, reason });
    },
    { invalidates: [keys.myLearning] },
  );
  const problem = send.outcome?.intent === 'success' ? undefined : send.outcome;

  const recordable = view.items.filter((i) => i.recordable.length > 0);
  const choices = mode === 'record' ? recordable : view.items.filter((i) => i.status !== 'exempt' && (mode !== 'extension' || i.dueDate));
  const chosen = view.items.find((i) => i.subjectId === subject);

  useEffect(() => {
    if (!mode) return;
    const first = subjectId && choices.some((c) => c.subjectId === subjectId) ? subjectId : (choices[0]?.subjectId ?? '');
    setSubject(first);
    setTopicId(view.topics[0]?.topicId ?? '');
    setDate(mode === 'extension' ? '' : view.asOf);
    setMethod(view.items.find((i) => i.subjectId === first)?.recordable[0] ?? '');
    setEmployer('');
    setReference('');
    setReason('');
    send.clearOutcome();
    // Reset whenever the dialog opens for a (new) purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mode, subjectId]);

  const submit = () => {
    if (!mode) return;
    send.mutate(mode, { onSuccess: (answer) => onDone({ intent: 'success', text: answer.message }) });
  };

  return (
    <Dialog open={mode !== undefined} onOpenChange={(_e, data) => !data.open && onClose()}>
      <DialogSurface aria-describedby={undefined} className={layout.dialog}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <DialogBody>
            <DialogTitle>{mode ? TITLES[mode] : ''}</DialogTitle>
            <DialogContent className={layout.form}>
              {mode === 'certificate' ? (
                <Field label="Topic and level" required>
                  <Select value={topicId} onChange={(_e, d) => setTopicId(d.value)}>
                    {view.topics.map((t) => (
                      <option key={t.topicId} value={t.topicId}>
                        {t.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              ) : (
                <Field label="Topic" required>
                  <Select
                    value={subject}
                    onChange={(_e, d) => {
                      setSubject(d.value);
                      setMethod(view.items.find((i) => i.subjectId === d.value)?.recordable[0] ?? '');
                    }}
                  >
                    {choices.map((i) => (
                      <option key={i.subjectId} value={i.subjectId}>
                        {i.label}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              {mode === 'record' && (
                <Field label="How you completed it" required hint="E-learning and assessments arrive from the learning platform by themselves.">
                  <Select value={method} onChange={(_e, d) => setMethod(d.value)}>
                    {(chosen?.recordable ?? []).map((m) => (
                      <option key={m} value={m}>
                        {COMPLETION_METHOD_NAMES[m] ?? m}
                      </option>
                    ))}
                  </Select>
                </Field>
              )}
              {(mode === 'record' || mode === 'certificate') && (
                <DateInput label={mode === 'record' ? 'Completed on' : 'Date on the certificate'} required value={date} max={view.asOf} onChange={(iso) => setDate(iso ?? '')} />
              )}
              {mode === 'certificate' && (
                <>
                  <Field label="Employer who issued it" required>
                    <Input value={employer} onChange={(_e, d) => setEmployer(d.value)} maxLength={200} />
                  </Field>
                  <Field label="Certificate reference (optional)">
                    <Input value={reference} onChange={(_e, d) => setReference(d.value)} maxLength={200} />
                  </Field>
                </>
              )}
              {mode === 'extension' && (
                <DateInput
                  label="New date you are asking for"
                  required
                  hint={chosen?.dueDate ? `dd/mm/yyyy. Currently due ${formatDate(chosen.dueDate)}; at most ${view.extensionMaxMonths} months later.` : 'dd/mm/yyyy'}
                  value={date}
                  onChange={(iso) => setDate(iso ?? '')}
                />
              )}
              {(mode === 'extension' || mode === 'exemption') && (
                <Field label={mode === 'extension' ? 'Why you need more time' : 'Why this topic is not relevant to your role'} required>
                  <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={mode === 'extension' ? 500 : 1000} />
                </Field>
              )}
              {problem && (
                <p role="alert" className={layout.problem}>
                  {problem.text}
                </p>
              )}
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabled={send.isPending}>
                {mode === 'record' ? 'Record it' : mode === 'certificate' ? 'Send for verification' : 'Send request'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
