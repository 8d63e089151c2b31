import { Body1, Button, Caption1, Checkbox, Field, MessageBar, MessageBarBody, Radio, RadioGroup, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { MyLearningView } from '../../../shared/learning-api';
import type { IssueAnswer, PassportView } from '../../../shared/passport-api';
import { formatDate, formatInstant } from '../../../shared/dates';
import { problemText } from '../data/use-api';
import { useSession } from '../session';
import { Problem } from '../shell/Problem';
import { passportApi } from './passport-client';
import { PassportLink } from './PassportLink';
import { usePassportStyles } from './passport-styles';
import { useResource } from './use-resource';

/** The passport a link into the tab names: `?passport=<id>` (the bot's "Get the PDF"), or Teams' sub-page `passport-<id>`. */
function linkedPassport(subPageId: string | undefined): string | undefined {
  const fromQuery = new URLSearchParams(location.search).get('passport') ?? undefined;
  const fromTeams = subPageId?.startsWith('passport-') ? subPageId.slice('passport-'.length) : undefined;
  const id = fromQuery ?? fromTeams;
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : undefined;
}

const stateOf = (p: PassportView, now: number) => (p.revoked ? `Revoked on ${formatInstant(p.revoked.at)}: ${p.revoked.reason}` : Date.parse(p.validUntil) < now ? 'Expired' : `Valid until ${formatDate(p.validUntil.slice(0, 10))}`);

/**
 * "Training passport" on My learning: issue one (all in-date learning, or the subjects chosen), see
 * its link and QR code, copy the link, download the PDF; and every passport issued before.
 */
export function PassportPanel({ view }: { view: MyLearningView }) {
  const styles = usePassportStyles();
  const { host } = useSession();
  const load = useCallback(() => passportApi.mine(), []);
  const { data, error, reload } = useResource(load);
  const inDate = useMemo(() => view.items.filter((i) => i.compliant && i.heldRecord), [view.items]);
  const [scope, setScope] = useState<'all' | 'some'>('all');
  const [chosen, setChosen] = useState<string[]>([]);
  const [issued, setIssued] = useState<IssueAnswer>();
  const [shown, setShown] = useState<PassportView>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const linked = linkedPassport(host.kind === 'teams' ? host.context.page?.subPageId : undefined);
  const now = Date.now();

  useEffect(() => {
    const found = linked && data?.passports.find((p) => p.id === linked);
    if (!found) return;
    setShown(found);
    document.getElementById('training-passport')?.scrollIntoView({ block: 'start' });
  }, [linked, data]);

  const issue = async () => {
    setBusy(true);
    setProblem(undefined);
    try {
      const answer = await passportApi.issue(scope === 'some' ? chosen : undefined);
      setIssued(answer);
      setShown(undefined);
      reload();
    } catch (e) {
      setProblem(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="passport-title" className={styles.panel} id="training-passport">
      <Subtitle2 as="h2" id="passport-title" className={styles.heading}>
        Training passport
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        A signed copy of your in-date learning that another organisation using Mandatory Learning checks in seconds, so you do not repeat it. Share the link, the QR code or the PDF.
      </Body1>
      {linked && shown && (
        <MessageBar intent="info">
          <MessageBarBody>Here is the passport issued {formatInstant(shown.issuedAt)}: download its PDF below.</MessageBarBody>
        </MessageBar>
      )}
      <form
        aria-label="Issue a training passport"
        onSubmit={(e) => {
          e.preventDefault();
          void issue();
        }}
      >
        <Field label="What to include">
          <RadioGroup value={scope} onChange={(_e, d) => setScope(d.value as 'all' | 'some')}>
            <Radio value="all" label={`All my in-date learning (${inDate.length})`} />
            <Radio value="some" label="Only the subjects I choose" disabled={inDate.length === 0} />
          </RadioGroup>
        </Field>
        {scope === 'some' && (
          <fieldset className={styles.choices}>
            <legend>Subjects to share</legend>
            {inDate.map((item) => (
              <Checkbox
                key={item.subjectId}
                label={item.label}
                checked={chosen.includes(item.subjectId)}
                onChange={(_e, d) => setChosen(d.checked ? [...chosen, item.subjectId] : chosen.filter((s) => s !== item.subjectId))}
              />
            ))}
          </fieldset>
        )}
        <div className={styles.row}>
          <Button type="submit" appearance="primary" disabled={busy || (scope === 'some' && chosen.length === 0)}>
            Issue passport
          </Button>
          {busy && <Spinner size="tiny" label="Signing" />}
        </div>
      </form>
      {problem && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {issued && (
        <PassportLink
          passport={issued.passport}
          qrSrc={issued.passport.qrPng}
          message={issued.message}
          items={issued.passport.learning.map((l) => `${l.label}: completed ${formatDate(l.completedOn)}, ${l.expiresOn ? `valid until ${formatDate(l.expiresOn)}` : 'does not expire'}`)}
          onProblem={setProblem}
        />
      )}
      {shown && !issued && <PassportLink passport={shown} items={shown.items} onProblem={setProblem} />}
      <Subtitle2 as="h3">Passports issued to you</Subtitle2>
      {error ? (
        <Problem error={error} title="Could not load your passports" />
      ) : !data ? (
        <Spinner size="small" label="Loading your passports" />
      ) : data.passports.length === 0 ? (
        <Body1 as="p">None yet.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Passports issued to you">
          {data.passports.map((p) => (
            <li key={p.id} className={styles.item} data-passport={p.id}>
              <span className={styles.itemText}>
                <Body1>Issued {formatInstant(p.issuedAt)}</Body1>
                <Caption1>{stateOf(p, now)}</Caption1>
                <Caption1>{p.items.join(', ')}</Caption1>
              </span>
              <span className={styles.row}>
                <Button size="small" onClick={() => (setIssued(undefined), setShown(p))} aria-label={`Show the passport issued ${formatInstant(p.issuedAt)}`}>
                  Show
                </Button>
                <Button size="small" disabled={Boolean(p.revoked)} onClick={() => void passportApi.pdf(p.id).catch((e: unknown) => setProblem(problemText(e)))} aria-label={`PDF of the passport issued ${formatInstant(p.issuedAt)}`}>
                  PDF
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
