import { Caption1, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { FieldDocsState } from '../../../../shared/live/field-docs';

/**
 * Whether the page's changes have reached everyone: said plainly when they cannot (offline), and
 * when the server would not take one (the application was submitted meanwhile, or a field is full).
 * The quiet "All changes shared" line is announced politely; it never takes focus.
 */
export const OFFLINE_MESSAGE = "You're offline — your changes are kept and will be shared when you reconnect";

export function OfflineBanner({ state, refused }: { state: FieldDocsState; refused: { fieldId: string; message: string } | undefined }) {
  return (
    <div>
      {state === 'offline' && (
        <MessageBar intent="warning" data-docs-state="offline">
          <MessageBarBody>
            <MessageBarTitle>{OFFLINE_MESSAGE}</MessageBarTitle>
          </MessageBarBody>
        </MessageBar>
      )}
      {refused && (
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>A change was not shared</MessageBarTitle>
            {refused.message} It is kept in this browser.
          </MessageBarBody>
        </MessageBar>
      )}
      <Caption1 role="status" aria-live="polite" data-docs-state={state}>
        {state === 'synced' ? 'All changes shared' : state === 'sending' ? 'Sharing…' : ''}
      </Caption1>
    </div>
  );
}
