import { createParser } from 'eventsource-parser';

/**
 * The one client of the server's event streams, for the browser, the tests and the benchmarks:
 * server-sent events over fetch (so a bearer token can be sent, which EventSource cannot), parsed
 * with eventsource-parser, reconnecting with back-off and resuming with Last-Event-ID.
 */
export interface StreamMessage {
  id?: string | undefined;
  event: string;
  data: string;
}

/** Reads an event-stream body to its end, handing each message on. */
export async function readEventStream(body: ReadableStream<Uint8Array>, onMessage: (message: StreamMessage) => void): Promise<void> {
  const parser = createParser({ onEvent: (e) => onMessage({ id: e.id, event: e.event ?? 'message', data: e.data }) });
  const reader = body.pipeThrough(new TextDecoderStream() as unknown as TransformStream<Uint8Array, string>).getReader();
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    parser.feed(value);
  }
}

export type StreamState = 'open' | 'reconnecting';

export interface EventStreamOptions {
  url: string;
  headers: () => Promise<Record<string, string>> | Record<string, string>;
  onMessage: (message: StreamMessage) => void;
  onState?: (state: StreamState, detail?: { status?: number }) => void;
  /** Where to resume from on the first connection. */
  lastEventId?: string;
  firstDelayMs?: number;
  maxDelayMs?: number;
}

export interface EventStreamConnection {
  close(): void;
  /** Drops the current connection now (it reconnects, resuming). */
  reconnect(): void;
  readonly lastEventId: string | undefined;
}

export function connectEventStream(options: EventStreamOptions): EventStreamConnection {
  let closed = false;
  let lastEventId = options.lastEventId;
  let controller: AbortController | undefined;
  const first = options.firstDelayMs ?? 500;
  let delay = first;
  let wake: (() => void) | undefined;

  const run = async () => {
    while (!closed) {
      controller = new AbortController();
      let status: number | undefined;
      try {
        const headers: Record<string, string> = { Accept: 'text/event-stream', ...(await options.headers()) };
        if (lastEventId) headers['Last-Event-ID'] = lastEventId;
        const response = await fetch(options.url, { headers, signal: controller.signal });
        status = response.status;
        if (!response.ok || !response.body) throw new Error(`stream answered ${response.status}`);
        options.onState?.('open');
        delay = first;
        await readEventStream(response.body, (message) => {
          if (message.id) lastEventId = message.id;
          options.onMessage(message);
        });
      } catch {
        // dropped, refused or offline: reconnect below
      }
      if (closed) return;
      options.onState?.('reconnecting', status !== undefined ? { status } : {});
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
      delay = Math.min(delay * 2, options.maxDelayMs ?? 10_000);
    }
  };
  void run();
  return {
    close: () => {
      closed = true;
      controller?.abort();
      wake?.();
    },
    reconnect: () => {
      delay = first;
      controller?.abort();
      wake?.();
    },
    get lastEventId() {
      return lastEventId;
    },
  };
}
