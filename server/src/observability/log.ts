import pino from 'pino';

/**
 * What a log line may carry beside its message: ids that tie lines together, never a secret
 * (no cookie, token or password) and never document content.
 */
export interface LogFields {
  requestId?: string;
  connectionId?: number;
  partnership?: string;
  room?: string;
  [field: string]: string | number | boolean | undefined;
}

/** The server's one way to log: a message, the error behind it, and fields. */
export interface Log {
  (message: string, error?: unknown, fields?: LogFields): void;
  /** What only someone tracing a problem wants (each request, each connection). */
  detail(message: string, fields: LogFields): void;
}

/**
 * Structured JSON lines on stdout (pino), one object per line with `level`, `time`, `msg`;
 * errors become `err` with their stack. `LOG_LEVEL` chooses how much (default info).
 */
export function createLog(level: string, destination?: pino.DestinationStream): Log {
  const logger = pino(
    {
      level,
      base: { service: 'tandem' },
      // A header that slipped into an error's fields must not reach the log.
      redact: {
        paths: ['*.cookie', '*.authorization', '*.password', '*.token'],
        censor: '[hidden]',
      },
    },
    destination,
  );
  const log = (message: string, error?: unknown, fields?: LogFields) => {
    if (error === undefined) logger.info(fields ?? {}, message);
    else logger.error({ ...fields, err: error }, message);
  };
  return Object.assign(log, {
    detail: (message: string, fields: LogFields) => logger.debug(fields, message),
  });
}
