import { Body1, Button, Caption1, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, DismissCircle16Filled } from '@fluentui/react-icons';
import type { PresentAnswer } from '../../../shared/passport-api';
import { CHECK_NAMES } from '../../../../core/passport/checks';
import { usePassportStyles } from './passport-styles';

const INTENT = { transferred: 'success', queued: 'warning', refused: 'error', 'issuer-unreachable': 'warning' } as const;

/**
 * What presenting a passport did, in the server's words: transferred (with where it came from),
 * queued (every check, passed or failed), refused (why, and that nothing was recorded), or the issuer
 * unreachable (with Try again).
 */
export function PresentResult({ answer, onRetry }: { answer: PresentAnswer; onRetry?: () => void }) {
  const styles = usePassportStyles();
  const { message } = answer;
  const showChecks = answer.checks.some((c) => !c.passed);
  return (
    <div role="status" aria-live="polite" data-outcome={answer.outcome}>
      <MessageBar intent={INTENT[answer.outcome]} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{message.title}</MessageBarTitle>
          <ul className={styles.lines}>
            {message.lines.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
          {answer.provenance && <Caption1 as="p">{answer.provenance}</Caption1>}
        </MessageBarBody>
        {message.retry && onRetry && (
          <MessageBarActions>
            <Button onClick={onRetry}>Try again</Button>
          </MessageBarActions>
        )}
      </MessageBar>
      {showChecks && (
        <section aria-label="What was checked">
          <Body1 as="h4">What was checked</Body1>
          <ul className={styles.checks}>
            {answer.checks.map((c, i) => (
              <li key={i} className={styles.check}>
                {c.passed ? <CheckmarkCircle16Filled className={styles.passed} aria-hidden="true" /> : <DismissCircle16Filled className={styles.failed} aria-hidden="true" />}
                <Body1>
                  <strong>{CHECK_NAMES[c.check]}: {c.passed ? 'passed' : 'failed'}.</strong> {c.detail}
                </Body1>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
