import type { Request, Response } from 'restify';

/**
 * Server-sent events on one response: the headers that keep proxies (App Service's front ends
 * included) from buffering, an `id`/`event`/`data` block per event, a comment every `keepAliveMs`
 * so idle connections are not cut, and one `onClose` for whichever side ends it.
 */
export interface SseStream {
  send(event: { id?: string; event: string; data: unknown }): void;
  end(): void;
  readonly ended: boolean;
  onClose(listener: () => void): void;
}

export function openSse(req: Request, res: Response, options: { keepAliveMs?: number } = {}): SseStream {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-store, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': connected\n\n');
  let ended = false;
  const listeners: (() => void)[] = [];
  const keepAlive = setInterval(() => {
    if (!ended) res.write(': keep-alive\n\n');
  }, options.keepAliveMs ?? 15_000);
  keepAlive.unref();
  const closed = () => {
    clearInterval(keepAlive);
    const wasEnded = ended;
    ended = true;
    if (!wasEnded || listeners.length) for (const listener of listeners.splice(0)) listener();
  };
  req.once('close', closed);
  res.once('close', closed);
  return {
    send({ id, event, data }) {
      if (ended) return;
      // Event names and ids are ours (no line breaks); data is one JSON line.
      res.write(`${id !== undefined ? `id: ${id}\n` : ''}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    },
    end() {
      if (ended) return;
      res.end();
      closed();
    },
    get ended() {
      return ended;
    },
    onClose(listener) {
      if (ended) listener();
      else listeners.push(listener);
    },
  };
}
