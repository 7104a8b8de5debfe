/**
 * The bodies the people routes accept, as zod schemas. Kept apart from ./people so that the
 * browser, which only needs the names and rules there, does not load zod.
 */
import { z } from 'zod';
import { UI_LANGUAGES } from './i18n/index';
import { isLanguageTag, isTimeZone, ROLES, SIDES } from './people';

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

/** Body of `POST /api/password-resets`. */
export const PasswordResetRequest = z.object({ email });

/** Body of `POST /api/password-resets/:token`. */
export const PasswordReset = z.object({ password: z.string().max(1024) });

/** Body of `POST /api/me/email`: the new address, confirmed by the password. */
export const EmailChange = z.object({ email, password: z.string().max(1024) });

/** Body of `DELETE /api/me`. */
export const AccountDeletion = z.object({ password: z.string().max(1024) });

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
  /** Emails the link to this address (needs SMTP); such an invitation is for one person. */
  email: email.optional(),
});

/** Body of `PATCH /api/partnerships/:id/members/:memberId`. */
export const RoleChange = z.object({ role: z.enum(ROLES) });
