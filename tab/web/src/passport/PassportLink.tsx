import { Body1, Button, Caption1, Field, Input, MessageBar, MessageBarBody, MessageBarTitle, Spinner } from '@fluentui/react-components';
import { ArrowDownloadRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import type { PassportMessage, PassportView } from '../../../shared/passport-api';
import { problemText } from '../data/use-api';
import { passportApi } from './passport-client';
import { usePassportStyles } from './passport-styles';

/**
 * One passport to pass on: what it holds, its link (to copy), its QR code and its PDF. The QR code
 * comes with a new passport; for an earlier one it is fetched (it needs the bearer token).
 */
export function PassportLink({ passport, qrSrc, message, items, onProblem }: { passport: PassportView; qrSrc?: string; message?: PassportMessage; items: string[]; onProblem: (text: string) => void }) {
  const styles = usePassportStyles();
  const [qr, setQr] = useState<string | undefined>(qrSrc);
  const [copied, setCopied] = useState(false);

  useEffect(() => {
    setCopied(false);
    if (qrSrc) return setQr(qrSrc);
    if (passport.revoked) return setQr(undefined);
    let url: string | undefined;
    let live = true;
    setQr(undefined);
    passportApi.qr(passport.id).then(
      (u) => (live ? setQr((url = u)) : URL.revokeObjectURL(u)),
      (e: unknown) => onProblem(problemText(e)),
    );
    return () => {
      live = false;
      if (url) URL.revokeObjectURL(url);
    };
  }, [passport.id, passport.revoked, qrSrc, onProblem]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(passport.link);
      setCopied(true);
    } catch {
      onProblem('The link could not be copied here: select it in the box and copy it.');
    }
  };

  return (
    <article aria-label="Your passport" className={styles.passport} data-passport-shown={passport.id}>
      {qr ? <img src={qr} alt="QR code of the passport link" className={styles.qr} /> : !passport.revoked && <Spinner size="small" label="Loading the QR code" />}
      <div className={styles.details}>
        {message && (
          <MessageBar intent="success" layout="multiline">
            <MessageBarBody>
              <MessageBarTitle>{message.title}</MessageBarTitle>
              {message.lines.join(' ')}
            </MessageBarBody>
          </MessageBar>
        )}
        {passport.revoked && (
          <MessageBar intent="error">
            <MessageBarBody>Revoked: {passport.revoked.reason}. It is refused wherever it is presented; issue a new one.</MessageBarBody>
          </MessageBar>
        )}
        <Body1 as="p">It holds:</Body1>
        <ul className={styles.lines}>
          {items.map((item) => (
            <li key={item}>
              <Caption1>{item}</Caption1>
            </li>
          ))}
        </ul>
        <Field label="Passport link" hint="Your new organisation pastes this into Mandatory Learning.">
          <Input readOnly value={passport.link} className={styles.link} onFocus={(e) => e.currentTarget.select()} />
        </Field>
        <div className={styles.row}>
          <Button icon={<CopyRegular />} onClick={() => void copy()} disabled={Boolean(passport.revoked)}>
            Copy link
          </Button>
          <Button icon={<ArrowDownloadRegular />} onClick={() => void passportApi.pdf(passport.id).catch((e: unknown) => onProblem(problemText(e)))} disabled={Boolean(passport.revoked)}>
            Download the PDF
          </Button>
          <span role="status">{copied ? 'Link copied.' : ''}</span>
        </div>
      </div>
    </article>
  );
}
