import { Body1, Button, Caption1, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Field, Input, MessageBar, MessageBarBody, Spinner, Subtitle2 } from '@fluentui/react-components';
import { useCallback, useState } from 'react';
import type { TrustedIssuer } from '../../../shared/passport-api';
import { formatInstant } from '../../../shared/dates';
import { problemText, type Outcome } from '../data/use-api';
import { Problem } from '../shell/Problem';
import { passportApi, sentence } from './passport-client';
import { usePassportStyles } from './passport-styles';
import { useResource } from './use-resource';

/** The organisations whose passports count here without a manual check: add one (URL + ODS code), or remove one after confirming. */
export function TrustListSection({ onOutcome }: { onOutcome: (o: Outcome) => void }) {
  const styles = usePassportStyles();
  const load = useCallback(() => passportApi.trustList(), []);
  const { data, error, reload } = useResource(load);
  const [entry, setEntry] = useState({ issuer: '', odsCode: '', name: '' });
  const [removing, setRemoving] = useState<TrustedIssuer>();

  const add = async () => {
    try {
      const answer = await passportApi.trust(entry);
      onOutcome({ intent: 'success', text: sentence(answer.message) });
      setEntry({ issuer: '', odsCode: '', name: '' });
      reload();
    } catch (e) {
      onOutcome({ intent: 'error', text: problemText(e) });
    }
  };
  const remove = async (issuer: TrustedIssuer) => {
    setRemoving(undefined);
    try {
      onOutcome({ intent: 'success', text: sentence((await passportApi.distrust(issuer.issuer)).message) });
      reload();
    } catch (e) {
      onOutcome({ intent: 'error', text: problemText(e) });
    }
  };

  return (
    <section aria-labelledby="trust-title" className={styles.panel}>
      <Subtitle2 as="h3" id="trust-title" className={styles.heading}>
        Trust list
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        Passports from these organisations count here as soon as they are checked. From anyone else they wait in Evidence to verify. Both the address and the ODS code must match the passport.
      </Body1>
      {error ? (
        <Problem error={error} title="Could not load the trust list" />
      ) : !data ? (
        <Spinner size="small" label="Loading the trust list" />
      ) : data.entries.length === 0 ? (
        <Body1 as="p">Nobody is on the trust list yet.</Body1>
      ) : (
        <ul className={styles.list} aria-label="Trusted issuers">
          {data.entries.map((e) => (
            <li key={e.issuer} className={styles.item}>
              <span className={styles.itemText}>
                <Body1>
                  <strong>{e.name}</strong> (ODS {e.odsCode})
                </Body1>
                <Caption1 className={styles.link}>{e.issuer}</Caption1>
                <Caption1>Added {formatInstant(e.addedAt)}</Caption1>
              </span>
              <Button onClick={() => setRemoving(e)} aria-label={`Remove ${e.name} from the trust list`}>
                Remove
              </Button>
            </li>
          ))}
        </ul>
      )}
      <form
        aria-label="Add an issuer to the trust list"
        onSubmit={(e) => {
          e.preventDefault();
          void add();
        }}
      >
        <div className={styles.row}>
          <Field label="Issuer address" hint="Its Mandatory Learning address, e.g. https://learning.example.nhs.uk" className={styles.grow} required>
            <Input type="url" value={entry.issuer} onChange={(_e, d) => setEntry({ ...entry, issuer: d.value })} />
          </Field>
          <Field label="ODS code" required>
            <Input value={entry.odsCode} onChange={(_e, d) => setEntry({ ...entry, odsCode: d.value })} maxLength={10} />
          </Field>
          <Field label="Organisation name" className={styles.grow} required>
            <Input value={entry.name} onChange={(_e, d) => setEntry({ ...entry, name: d.value })} maxLength={200} />
          </Field>
          <Button type="submit" appearance="primary" disabled={!entry.issuer || !entry.odsCode || entry.name.trim().length < 2}>
            Add to the trust list
          </Button>
        </div>
      </form>
      <Dialog open={removing !== undefined} onOpenChange={(_e, d) => !d.open && setRemoving(undefined)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>Remove {removing?.name} from the trust list?</DialogTitle>
            <DialogContent>
              <MessageBar intent="warning">
                <MessageBarBody>
                  From now on their passports wait for learning and development to check. Records already transferred stay as they are. The change is kept in the audit log.
                </MessageBarBody>
              </MessageBar>
            </DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => removing && void remove(removing)}>
                Remove
              </Button>
              <Button onClick={() => setRemoving(undefined)}>Keep it</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
