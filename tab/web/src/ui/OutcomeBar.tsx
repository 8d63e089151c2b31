import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import type { Outcome } from '../data/use-api';

/** The result of an action, shown where it was taken and announced to screen readers. */
export function OutcomeBar({ outcome }: { outcome: Outcome | undefined }) {
  if (!outcome) return null;
  return (
    <MessageBar intent={outcome.intent} role={outcome.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{outcome.text}</MessageBarBody>
    </MessageBar>
  );
}
