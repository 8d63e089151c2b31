import { authHeader } from './api';
import { connectEventStream } from '../../shared/live/event-stream';

export interface LiveEvent {
  id?: string | undefined;
  event: string;
  data: unknown;
}

export interface LiveSubscription {
  close(): void;
  /** Drop the connection now and reconnect (resuming), e.g. when the browser says it is online again. */
  reconnect(): void;
}

/**
 * The page's live stream: the shared event-stream client (tab/shared/live/event-stream.ts) with the
 * caller's bearer token, each event's JSON parsed.
 */
export function subscribe(path: string, onEvent: (event: LiveEvent) => void, onState?: (state: 'open' | 'reconnecting') => void): LiveSubscription {
  const connection = connectEventStream({
    url: path,
    headers: async () => ({ Authorization: await authHeader() }),
    onMessage: (message) => {
      let data: unknown = message.data;
      try {
        data = JSON.parse(message.data);
      } catch {
        // not JSON: handed on as text
      }
      onEvent({ id: message.id, event: message.event, data });
    },
    ...(onState ? { onState: (state: 'open' | 'reconnecting') => onState(state) } : {}),
  });
  return { close: () => connection.close(), reconnect: () => connection.reconnect() };
}
