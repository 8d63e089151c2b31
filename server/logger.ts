import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs without personal data at info level: ids, never names, e-mail addresses, message
 * text or tokens. Anything a caller controls goes through `clean()` before it is logged.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'mandatory-learning' },
      redact: {
        paths: ['req.headers.authorization', 'headers.authorization', '*.token', '*.password', '*.email', '*.name', '*.text'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}

/** Strips control characters and shortens what a caller sent, before it reaches a log line. */
export function clean(value: unknown, max = 200): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, ' ').slice(0, max);
}
