import { Button, Checkbox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { apiFetch, ApiProblem } from '../../api';
import { COMPLETION_METHOD_NAMES } from '../../../../shared/learning-api';
import type { Row, SavedAnswer, SubjectDto, TopicDto } from '../../../../shared/admin-api';
import { keys } from '../../data/query-client';
import { outcomeOf, useApiMutation, type Outcome } from '../../data/use-api';
import { useLayout } from '../../ui/styles';
import { ImpactPreview } from './ImpactPreview';

export type EditingTopic = Row<TopicDto> & { isNew?: boolean; subjectName?: string };

const renewalText = (months: number | null) => (months === null ? '' : String(months));

/**
 * Adding a local topic or changing one: a change to the renewal (which moves due dates) first shows
 * its effect on people and asks to confirm. If someone else saved the topic meanwhile, the dialog
 * takes their version (values and version) and says so: the next Save works from it.
 */
export function TopicDialog({ topic, subjects, methods, onClose, onSaved }: { topic: EditingTopic | undefined; subjects: Row<SubjectDto>[]; methods: string[]; onClose: () => void; onSaved: (o: Outcome) => void }) {
  const layout = useLayout();
  const [base, setBase] = useState<EditingTopic>();
  const [value, setValue] = useState<TopicDto>();
  const [renewal, setRenewal] = useState('');
  const [subjectName, setSubjectName] = useState('');
  const [step, setStep] = useState<'edit' | 'confirm'>('edit');
  const [notice, setNotice] = useState<Outcome>();

  const load = (row: EditingTopic | undefined) => {
    setBase(row);
    setValue(row?.value);
    setRenewal(row ? renewalText(row.value.renewalMonths) : '');
    setStep('edit');
  };
  useEffect(() => {
    load(topic);
    setSubjectName(topic?.subjectName ?? '');
    setNotice(undefined);
  }, [topic]);

  const isNewLocal = base?.isNew === true;
  const next = (): TopicDto | undefined => {
    if (!value) return undefined;
    const renewalMonths = renewal.trim() === '' ? null : Number(renewal);
    if (!isNewLocal) return { ...value, renewalMonths };
    const subjectId = subjectName.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 50) || 'local-topic';
    return { ...value, subjectId, id: `${subjectId}-${value.level}`, renewalMonths };
  };

  const save = useApiMutation(
    async (topicValue: TopicDto) => {
      if (isNewLocal && !subjects.some((s) => s.value.id === topicValue.subjectId)) {
        const subject: SubjectDto = { id: topicValue.subjectId, name: subjectName, kind: 'local', aliases: [] };
        await apiFetch<SavedAnswer<SubjectDto>>(`/api/admin/subjects/${topicValue.subjectId}`, { method: 'PUT', body: { value: subject } });
      }
      return apiFetch<SavedAnswer<TopicDto>>(`/api/admin/topics/${encodeURIComponent(topicValue.id)}`, { method: 'PUT', body: { value: topicValue, ...(isNewLocal ? {} : { etag: base!.etag }) } });
    },
    { invalidates: [keys.catalogue, keys.refreshJob, keys.myLearning, keys.team, keys.reports] },
  );

  const submit = (topicValue: TopicDto) =>
    save.mutate(topicValue, {
      onSuccess: (answer) => onSaved({ intent: 'success', text: answer.message }),
      onError: (error) => {
        const current = error instanceof ApiProblem && error.code === 'conflict' ? (error.details as { current?: Row<TopicDto> | null } | undefined)?.current : undefined;
        if (current && base) {
          // A stale edit: take the stored version into the dialog, so the next Save is made from it.
          load({ ...current, subjectName: base.subjectName ?? '' });
          setNotice(outcomeOf(error));
        } else setNotice(outcomeOf(error));
      },
    });

  if (!base || !value) return null;
  const candidate = next()!;
  const movesDueDates = !isNewLocal && candidate.renewalMonths !== base.value.renewalMonths;
  const label = isNewLocal ? 'Add a local topic' : `Edit ${base.subjectName ?? 'topic'} (${value.levelName})`;

  return (
    <Dialog open onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface aria-describedby={undefined} className={layout.dialog}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            setNotice(undefined);
            if (movesDueDates) setStep('confirm');
            else submit(candidate);
          }}
        >
          <DialogBody>
            <DialogTitle>{step === 'confirm' ? `Check the effect: ${label.replace(/^Edit /, '')}` : label}</DialogTitle>
            <DialogContent className={layout.form}>
              {notice && (
                <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
                  <MessageBarBody>{notice.text}</MessageBarBody>
                </MessageBar>
              )}
              {step === 'confirm' ? (
                <ImpactPreview
                  change={{ topics: [candidate] }}
                  confirmLabel={`Save: renew every ${candidate.renewalMonths ?? 'never'}${candidate.renewalMonths ? ' months' : ''}`}
                  busy={save.isPending}
                  onConfirm={() => submit(candidate)}
                  onBack={() => setStep('edit')}
                />
              ) : (
                <>
                  {isNewLocal && (
                    <Field label="Subject name" required>
                      <Input value={subjectName} onChange={(_e, d) => setSubjectName(d.value)} maxLength={120} />
                    </Field>
                  )}
                  <Field label="Level name" required>
                    <Input value={value.levelName} onChange={(_e, d) => setValue({ ...value, levelName: d.value })} maxLength={60} />
                  </Field>
                  {isNewLocal && (
                    <Field label="Level" required>
                      <Input type="number" min={1} max={9} value={String(value.level)} onChange={(_e, d) => setValue({ ...value, level: Number(d.value) })} />
                    </Field>
                  )}
                  <Field label="Renewal in months (empty: never expires)" hint={isNewLocal ? undefined : `Now: ${base.value.renewalMonths === null ? 'never expires' : `every ${base.value.renewalMonths} months`}. A change is checked against everyone's learning before it is saved.`}>
                    <Input type="number" min={1} max={120} value={renewal} onChange={(_e, d) => setRenewal(d.value)} />
                  </Field>
                  <fieldset className={layout.fieldset}>
                    <legend>Allowed ways to complete it</legend>
                    {methods.map((m) => (
                      <Checkbox key={m} label={COMPLETION_METHOD_NAMES[m] ?? m} checked={value.methods.includes(m)} onChange={(_e, d) => setValue({ ...value, methods: d.checked ? [...value.methods, m] : value.methods.filter((x) => x !== m) })} />
                    ))}
                  </fieldset>
                  <Field label="Link to the learning">
                    <Input type="url" value={value.link ?? ''} onChange={(_e, d) => setValue({ ...value, link: d.value })} />
                  </Field>
                  <Field label="Audience">
                    <Input value={value.audience ?? ''} onChange={(_e, d) => setValue({ ...value, audience: d.value })} maxLength={200} />
                  </Field>
                </>
              )}
            </DialogContent>
            {step === 'edit' && (
              <DialogActions>
                <Button onClick={onClose}>Cancel</Button>
                <Button appearance="primary" type="submit" disabled={save.isPending}>
                  {movesDueDates ? 'Check the effect…' : 'Save'}
                </Button>
              </DialogActions>
            )}
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
