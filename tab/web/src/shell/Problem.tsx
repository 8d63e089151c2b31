import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiProblem } from '../api';

/** An error shown where it happened, in words: what went wrong and (from the server) what to do. */
export function Problem({ error, title = 'Something went wrong' }: { error: unknown; title?: string }) {
  const message = error instanceof ApiProblem || error instanceof Error ? error.message : String(error);
  return (
    <MessageBar intent="error" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{title}</MessageBarTitle>
        {message}
      </MessageBarBody>
    </MessageBar>
  );
}
