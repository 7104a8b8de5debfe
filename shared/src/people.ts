/** The two schools of a partnership. */
export const SIDES = ['A', 'B'] as const;
/** One side of a partnership. */
export type Side = (typeof SIDES)[number];

/** Roles a member can hold, each in one side (shared/DOMAIN.md, The people). */
export const ROLES = ['coordinator', 'teacher', 'leader', 'host-parent', 'viewer'] as const;
/** One member role. */
export type Role = (typeof ROLES)[number];

/** The side that is not `side`. */
export function otherSide(side: Side): Side {
  return side === 'A' ? 'B' : 'A';
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Whether `tag` is a well-formed BCP 47 language tag. */
export function isLanguageTag(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

/**
 * Why the server refuses a password (`WEAK_PASSWORD` answers carry it as `reason`); each has a
 * message in the `errors` namespace under `WEAK_PASSWORD_reason`.
 */
export const PASSWORD_PROBLEMS = [
  'tooShort',
  'tooLong',
  'personal',
  'common',
  'sequence',
  'repeated',
  'keyboard',
  'date',
  'guessable',
] as const;
/** One of the reasons a password is refused. */
export type PasswordProblem = (typeof PASSWORD_PROBLEMS)[number];
