import { z } from 'zod';
import { UI_LANGUAGES } from './i18n/index';

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

const wallClock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/** School hours as wall-clock times in the school's zone. */
export const SchoolHours = z
  .object({ start: wallClock, end: wallClock })
  .refine((h) => h.start < h.end, { message: 'School hours must end after they start.' });

/** One school as entered by a coordinator. */
export const School = z.object({
  name: z.string().trim().min(1).max(200),
  city: z.string().trim().min(1).max(100),
  country: z.string().trim().min(1).max(100),
  timeZone: z.string().refine(isTimeZone, 'Unknown IANA time zone.'),
  language: z.string().refine(isLanguageTag, 'Not a BCP 47 language tag.'),
  schoolHours: SchoolHours.default({ start: '08:00', end: '16:00' }),
});
/** One school of a partnership. */
export type School = z.infer<typeof School>;

/** The shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 10;

const email = z.string().trim().toLowerCase().pipe(z.email()).pipe(z.string().max(254));

/** Body of `POST /api/accounts`. */
export const NewAccount = z.object({
  email,
  password: z.string().max(1024),
  name: z.string().trim().min(1).max(100),
  language: z.enum(UI_LANGUAGES),
  timeZone: z.string().refine(isTimeZone).optional(),
});
export type NewAccount = z.infer<typeof NewAccount>;

/** Body of `POST /api/sessions`. */
export const Credentials = z.object({ email, password: z.string().max(1024) });

/** Body of `POST /api/me/password`. */
export const PasswordChange = z.object({
  currentPassword: z.string().max(1024),
  newPassword: z.string().max(1024),
});

/** Body of `PATCH /api/me`. */
export const AccountChanges = z
  .object({
    name: z.string().trim().min(1).max(100),
    language: z.enum(UI_LANGUAGES),
    timeZone: z.string().refine(isTimeZone),
  })
  .partial();

/** Body of `POST /api/partnerships`. */
export const NewPartnership = z.object({ sideA: School, sideB: School });

/** Body of `POST /api/partnerships/:id/invites`. */
export const NewInvite = z.object({
  side: z.enum(SIDES),
  role: z.enum(ROLES),
  maxUses: z.number().int().min(1).max(100).default(1),
  expiresInHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 30)
    .default(24 * 7),
});

/** Body of `PATCH /api/partnerships/:id/members/:memberId`. */
export const RoleChange = z.object({ role: z.enum(ROLES) });

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
