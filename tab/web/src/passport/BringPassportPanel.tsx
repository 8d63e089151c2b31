import { Body1, Button, Field, Spinner, Subtitle2, Textarea } from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { PresentAnswer } from '../../../shared/passport-api';
import { problemText } from '../data/use-api';
import { passportApi } from './passport-client';
import { PresentResult } from './PresentResult';
import { usePassportStyles } from './passport-styles';

type Presented = { kind: 'text'; text: string } | { kind: 'file'; file: File };

/**
 * "Bring a passport from another organisation": paste its link (or the credential), or upload its
 * PDF, a picture of its QR code, or the .jwt file. For learning and development, `learnerId` presents
 * it on that learner's behalf. The answer is shown as the server gives it; `onPresented` after a change.
 */
export function BringPassportPanel({ learnerId, learnerName, headingLevel = 'h2', onPresented }: { learnerId?: string; learnerName?: string; headingLevel?: 'h2' | 'h3'; onPresented?: () => void }) {
  const styles = usePassportStyles();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<PresentAnswer>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const last = useRef<Presented | undefined>(undefined);
  const id = learnerId ? `bring-${learnerId}` : 'bring-passport';

  const present = async (what: Presented) => {
    last.current = what;
    setBusy(true);
    setProblem(undefined);
    setAnswer(undefined);
    try {
      const result = what.kind === 'text' ? await passportApi.presentText(what.text, learnerId) : await passportApi.presentFile(what.file, learnerId);
      setAnswer(result);
      if (result.outcome === 'transferred' || result.outcome === 'queued') onPresented?.();
    } catch (e) {
      setProblem(problemText(e));
    } finally {
      setBusy(false);
    }
  };

  const Heading = headingLevel;
  return (
    <section aria-labelledby={`${id}-title`} className={styles.panel}>
      <Subtitle2 as={Heading} id={`${id}-title`} className={styles.heading}>
        {learnerName ? `Present a passport for ${learnerName}` : 'Bring a passport from another organisation'}
      </Subtitle2>
      <Body1 as="p" className={styles.intro}>
        It is checked at once with the organisation that issued it. From an organisation on our trust list, the learning counts straight away; otherwise learning and development check it first.
      </Body1>
      <form
        aria-label={learnerName ? `Present a passport link for ${learnerName}` : 'Present a passport link'}
        onSubmit={(e) => {
          e.preventDefault();
          void present({ kind: 'text', text });
        }}
      >
        <div className={styles.row}>
          <Field label="Passport link" className={styles.grow} hint="Paste the link from the passport (or its whole text).">
            <Textarea value={text} onChange={(_e, d) => setText(d.value)} resize="vertical" maxLength={65536} />
          </Field>
          <Button type="submit" appearance="primary" disabled={busy || text.trim() === ''}>
            Check the link
          </Button>
        </div>
      </form>
      <div className={styles.row}>
        <Field label="Or upload the passport PDF, a picture of its QR code, or the .jwt file" className={styles.grow}>
          {(fieldProps) => (
            <input
              {...fieldProps}
              type="file"
              accept=".pdf,.png,.jpg,.jpeg,.jwt,application/pdf,image/png,image/jpeg"
              disabled={busy}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void present({ kind: 'file', file });
                e.currentTarget.value = '';
              }}
            />
          )}
        </Field>
      </div>
      {busy && <Spinner size="small" label="Checking with the issuing organisation" />}
      {problem && (
        <Body1 role="alert" className={styles.intro}>
          {problem}
        </Body1>
      )}
      {answer && <PresentResult answer={answer} onRetry={() => last.current && void present(last.current)} />}
    </section>
  );
}
