import { authHeader } from './api';

export interface LiveEvent {
  id?: string;
  event: string;
  data: unknown;
}

export interface LiveSubscription {
  close(): void;
}

/**
 * Server-sent events over fetch (EventSource cannot send a bearer token): reads the stream, hands
 * each event on, and reconnects with back-off, resuming from the last event id it saw.
 */
export function subscribe(path: string, onEvent: (event: LiveEvent) => void, onState?: (state: 'open' | 'reconnecting') => void): LiveSubscription {
  let closed = false;
  let lastEventId: string | undefined;
  let controller: AbortController | undefined;
  let delay = 500;

  const run = async () => {
    while (!closed) {
      controller = new AbortController();
      try {
        const headers: Record<string, string> = { Authorization: await authHeader(), Accept: 'text/event-stream' };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch(path, { headers, signal: controller.signal });
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        onState?.('open');
        delay = 500;
        const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buffer += value;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event: LiveEvent = { event: 'message', data: undefined };
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) continue;
              const colon = line.indexOf(':');
              const field = colon < 0 ? line : line.slice(0, colon);
              const text = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
              if (field === 'event') event.event = text;
              else if (field === 'data') data.push(text);
              else if (field === 'id') event.id = text;
            }
            if (event.id) lastEventId = event.id;
            if (data.length) {
              try {
                event.data = JSON.parse(data.join('\n'));
              } catch {
                event.data = data.join('\n');
              }
              onEvent(event);
            }
          }
        }
      } catch {
        // fall through to reconnect
      }
      if (closed) return;
      onState?.('reconnecting');
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 10_000);
    }
  };
  void run();
  return {
    close: () => {
      closed = true;
      controller?.abort();
    },
  };
}
