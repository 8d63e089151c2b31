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

export { clean } from '../core/text/clean.js';
