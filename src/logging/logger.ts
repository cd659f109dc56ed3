import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Where a credential could sit in a logged object. Log calls never pass headers or supplier
 * configuration on purpose; redaction is the second line, for the day one does by mistake.
 */
const REDACTED = [
  'authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  '*.apiKey',
  '*.secret',
  '*.storeSecret',
  '*.clientSecret',
  '*.webhookSecret',
  '*.token',
  '*.password',
];

export interface LoggerOptions {
  /** pino level: fatal, error, warn, info, debug, trace or silent (default info) */
  level?: string;
  /** where the JSON lines go (default stdout) */
  destination?: DestinationStream;
}

/** The gateway's structured JSON logger: one line per event, level as a word, ISO time. */
export function createLogger(options: LoggerOptions = {}): Logger {
  return pino(
    {
      level: options.level ?? 'info',
      base: { service: 'supplygraph' },
      timestamp: stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED, censor: '[redacted]' },
    },
    options.destination,
  );
}
