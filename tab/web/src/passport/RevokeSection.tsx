import { Body1, Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Spinner, Subtitle2, Textarea } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { PersonHit } from '../../../shared/admin-api';
import type { PassportView } from '../../../shared/passport-api';
import { formatDate, formatInstant } from '../../../shared/dates';
import { problemText, type Outcome } from '../data/use-api';
import { Problem } from '../shell/Problem';
import { passportApi, sentence } from './passport-client';
import { PersonFinder } from './PersonFinder';
import { usePassportStyles } from './passport-styles';
import { useResource } from './use-resource';

/** Revoke a passport this organisation issued (a record in it was corrected): choose the learner, the passport, give the reason, confirm. */
export function RevokeSection({ onOutcome }: { onOutcome: (o: Outcome) => void }) {
  const styles = usePassportStyles();
  const [learner, setLearner] = useState<PersonHit>();
  const load = useCallback(() => (learner ? passportApi.issuedTo(learner.staffId) : Promise.resolve(undefined)), [learner]);
  const { data, error, reload } = useResource(learner ? load : undefined);
  const [revoking, setRevoking] = useState<PassportView>();
  const [reason, setReason] = useState('');

  const revoke = async () => {
    if (!revoking) return;
    try {
      onOutcome({ intent: 'success', text: sentence((await passportApi.revoke(revoking.id, reason)).message) });
      setRevoking(undefined);
      setReason('');
      reload();
    } catch (e) {
      onOutcome({ intent: 'error', text: problemText(e) });
      setRevoking(undefined);
    }
  };

  return (
    <section aria-labelledby="revoke-title" className={styles.panel}>
      <Subtitle2 as="h3" id="revoke-title" className={styles.heading}>
        Revoke a passport we issued
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        For example when a record in it was later corrected. Every organisation that checks it from then on is told it was revoked, and refuses it.
      </Body1>
      <PersonFinder label="Whose passport" onChoose={setLearner} />
      {learner && (
        <>
          <Body1 as="p">Passports issued to {learner.name}:</Body1>
          {error ? (
            <Problem error={error} title="Could not load the passports" />
          ) : !data ? (
            <Spinner size="small" label="Loading the passports" />
          ) : data.passports.length === 0 ? (
            <Body1 as="p">None.</Body1>
          ) : (
            <ul className={styles.list} aria-label={`Passports issued to ${learner.name}`}>
              {data.passports.map((p) => (
                <li key={p.id} className={styles.item} data-passport={p.id}>
                  <span className={styles.itemText}>
                    <Body1>Issued {formatInstant(p.issuedAt)}, valid until {formatDate(p.validUntil.slice(0, 10))}</Body1>
                    <Caption1>{p.items.join(', ')}</Caption1>
                    {p.revoked && <Caption1>Revoked on {formatInstant(p.revoked.at)}: {p.revoked.reason}</Caption1>}
                  </span>
                  {!p.revoked && (
                    <Button onClick={() => (setReason(''), setRevoking(p))} aria-label={`Revoke the passport issued ${formatInstant(p.issuedAt)}`}>
                      Revoke
                    </Button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <Dialog open={revoking !== undefined} onOpenChange={(_e, d) => !d.open && setRevoking(undefined)}>
        <DialogSurface>
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void revoke();
            }}
          >
            <DialogBody>
              <DialogTitle>Revoke this passport?</DialogTitle>
              <DialogContent>
                <Body1 as="p">
                  {learner?.name}'s passport issued {revoking && formatInstant(revoking.issuedAt)} will be refused wherever it is presented from now on. This cannot be undone; they can be issued a new one.
                </Body1>
                <Field label="Why it is revoked (kept in the audit log)" required>
                  <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} maxLength={500} />
                </Field>
              </DialogContent>
              <DialogActions>
                <Button type="submit" appearance="primary" disabled={reason.trim().length < 3}>
                  Revoke it
                </Button>
                <Button onClick={() => setRevoking(undefined)}>Cancel</Button>
              </DialogActions>
            </DialogBody>
          </form>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
