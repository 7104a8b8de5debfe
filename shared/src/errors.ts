/**
 * Error codes shared by server answers and client translations: every code has a message in
 * the `errors` namespace of every launch language.
 */
export const ErrorCode = {
  BAD_REQUEST: 'BAD_REQUEST',
  UNAUTHORIZED: 'UNAUTHORIZED',
  INVALID_CREDENTIALS: 'INVALID_CREDENTIALS',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  METHOD_NOT_ALLOWED: 'METHOD_NOT_ALLOWED',
  CONFLICT: 'CONFLICT',
  EMAIL_TAKEN: 'EMAIL_TAKEN',
  WEAK_PASSWORD: 'WEAK_PASSWORD',
  NOT_A_PDF: 'NOT_A_PDF',
  ALREADY_MEMBER: 'ALREADY_MEMBER',
  LAST_COORDINATOR: 'LAST_COORDINATOR',
  INVITE_NOT_FOUND: 'INVITE_NOT_FOUND',
  INVITE_EXPIRED: 'INVITE_EXPIRED',
  INVITE_USED_UP: 'INVITE_USED_UP',
  INVITE_REVOKED: 'INVITE_REVOKED',
  EDIT_REFUSED: 'EDIT_REFUSED',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  RATE_LIMITED: 'RATE_LIMITED',
  CLAUSE_UNTRANSLATED: 'CLAUSE_UNTRANSLATED',
  CLAUSE_NOT_ALIGNED: 'CLAUSE_NOT_ALIGNED',
  SIGNING_NOT_READY: 'SIGNING_NOT_READY',
  SIGNING_UNDER_WAY: 'SIGNING_UNDER_WAY',
  NOT_SIGNING: 'NOT_SIGNING',
  ALREADY_SIGNED: 'ALREADY_SIGNED',
  AGREEMENT_FROZEN: 'AGREEMENT_FROZEN',
  VERSION_LIMIT: 'VERSION_LIMIT',
  CLAUSE_MACHINE_TEXT: 'CLAUSE_MACHINE_TEXT',
  RESET_LINK_INVALID: 'RESET_LINK_INVALID',
  EMAIL_OFF: 'EMAIL_OFF',
  EMAIL_LINK_INVALID: 'EMAIL_LINK_INVALID',
  EMAIL_UNCHANGED: 'EMAIL_UNCHANGED',
  EMAIL_ALREADY_CONFIRMED: 'EMAIL_ALREADY_CONFIRMED',
  TRANSLATION_OFF: 'TRANSLATION_OFF',
  TRANSLATION_PAIR_UNSUPPORTED: 'TRANSLATION_PAIR_UNSUPPORTED',
  TRANSLATION_TOO_LONG: 'TRANSLATION_TOO_LONG',
  TRANSLATION_LIMIT: 'TRANSLATION_LIMIT',
  TRANSLATION_UNAVAILABLE: 'TRANSLATION_UNAVAILABLE',
  INTERNAL: 'INTERNAL',
} as const;
/** One of the error codes. */
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** The HTTP status that goes with each error code. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  WEAK_PASSWORD: 400,
  NOT_A_PDF: 400,
  UNAUTHORIZED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVITE_NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  ALREADY_MEMBER: 409,
  LAST_COORDINATOR: 409,
  CLAUSE_UNTRANSLATED: 409,
  CLAUSE_NOT_ALIGNED: 409,
  SIGNING_NOT_READY: 409,
  SIGNING_UNDER_WAY: 409,
  NOT_SIGNING: 409,
  ALREADY_SIGNED: 409,
  AGREEMENT_FROZEN: 409,
  VERSION_LIMIT: 409,
  CLAUSE_MACHINE_TEXT: 409,
  RESET_LINK_INVALID: 410,
  EMAIL_OFF: 503,
  EMAIL_LINK_INVALID: 410,
  EMAIL_UNCHANGED: 409,
  EMAIL_ALREADY_CONFIRMED: 409,
  TRANSLATION_OFF: 404,
  TRANSLATION_PAIR_UNSUPPORTED: 422,
  TRANSLATION_TOO_LONG: 413,
  TRANSLATION_LIMIT: 429,
  TRANSLATION_UNAVAILABLE: 503,
  INVITE_EXPIRED: 410,
  INVITE_USED_UP: 410,
  INVITE_REVOKED: 410,
  EDIT_REFUSED: 403,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

/** What some errors add for the person to act on. */
export interface ErrorDetails {
  /** Why, as a key the client translates (e.g. the weak part of a refused password). */
  reason?: string;
  /** How long to wait before trying again (RATE_LIMITED). */
  retryAfterSeconds?: number;
  /** The fields of a refused body that are wrong, as dotted paths (`sideA.timeZone`). */
  fields?: string[];
  /** The partnerships where this person is their school's last coordinator (LAST_COORDINATOR). */
  partnerships?: string[];
}

/** An error with a code a client can translate; `message` is for logs and API users. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails;

  constructor(code: ErrorCode, message: string, details: ErrorDetails = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  /** The HTTP status for this error. */
  get status(): number {
    return HTTP_STATUS[this.code];
  }
}

/** The JSON body of every error answer: `{ error: { code, message } }`. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string } & ErrorDetails;
}

/** Whether a parsed JSON value is an error answer. */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error: unknown = value.error;
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code in ErrorCode
  );
}
