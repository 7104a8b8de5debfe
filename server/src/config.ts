import path from 'node:path';
import { z } from 'zod';
import { DEFAULT_TRANSLATION_LIMITS, type TranslationLimits } from './translate/Translations';
import { DEFAULT_MAX_MESSAGE_BYTES } from '@tandem/shared/protocol';
import { DEFAULT_SCRYPT_COST } from './auth/passwords';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync/limits';

const Env = z
  .object({
    PORT: z.coerce.number().int().min(0).max(65535).default(8080),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATA_DIR: z.string().min(1).default('./data'),
    PUBLIC_URL: z.url().optional(),
    MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(DEFAULT_MAX_MESSAGE_BYTES),
    /** Where the built client lives; `vite build` writes it to client/dist. */
    CLIENT_DIR: z.string().min(1).optional(),
    /** postgres://…: every store on PostgreSQL (several nodes may share it); else SQLite in DATA_DIR. */
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
      .optional(),
    /** redis://…: several nodes on one DATABASE_URL serve the same documents at once. */
    REDIS_URL: z
      .string()
      .regex(/^rediss?:\/\//, 'a redis:// URL')
      .optional(),
    /** e.g. smtp://user:pass@smtp.school.example:587; without it email is off. */
    SMTP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).default('Tandem <no-reply@localhost>'),
    /** Comma-separated PEM files of further seal certificates /api/verify accepts. */
    TRUSTED_SEAL_CERTS: z.string().optional(),
    /** Set when a reverse proxy adds X-Forwarded-For: how many proxies to look through. */
    TRUSTED_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** New accounts one client address may create per hour. */
    SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(20),
    /** Open sync connections one member may hold, over all rooms and in one room. */
    MAX_CONNECTIONS_PER_MEMBER: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_SYNC_LIMITS.connectionsPerMember),
    /** pino's level: fatal, error, warn, info, debug, trace or silent. */
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info'),
    /** Turns on GET /metrics for a scraper that sends it as a bearer token. */
    METRICS_TOKEN: z.string().min(16, 'at least 16 characters').optional(),
    MAX_CONNECTIONS_PER_MEMBER_ROOM: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_SYNC_LIMITS.connectionsPerMemberRoom),
    /** A LibreTranslate or Apertium APy server (P10); without it translation is off. */
    TRANSLATE_URL: z.url().optional(),
    TRANSLATE_API: z.enum(['libretranslate', 'apertium']).optional(),
    TRANSLATE_KEY: z.string().min(1).optional(),
    /** Provider calls per member and per partnership per hour (cached answers are free). */
    TRANSLATIONS_PER_MEMBER_PER_HOUR: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_TRANSLATION_LIMITS.perMemberPerHour),
    TRANSLATIONS_PER_PARTNERSHIP_PER_HOUR: z.coerce
      .number()
      .int()
      .min(1)
      .default(DEFAULT_TRANSLATION_LIMITS.perPartnershipPerHour),
  })
  .refine((e) => !e.TRANSLATE_URL || e.TRANSLATE_API, {
    message: 'TRANSLATE_URL needs TRANSLATE_API (libretranslate or apertium)',
    path: ['TRANSLATE_API'],
  });

/** Everything the server needs to start; read once, in one place. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL for every store; null: the embedded SQLite file in dataDir. */
  databaseUrl: string | null;
  /** Redis linking the nodes that share databaseUrl; null: this node runs alone. */
  redisUrl: string | null;
  publicUrl: string;
  maxMessageBytes: number;
  clientDir: string;
  /** How often dead WebSocket connections are looked for, in milliseconds. */
  heartbeatMs: number;
  /** Compact a document's update log into a snapshot once its tail is this long. */
  compactAfterUpdates: number;
  /** scrypt's N for new password hashes. */
  scryptCost: number;
  sessionTtlMs: number;
  /** SMTP server for notifications; null: email is off and the app says so. */
  smtpUrl: string | null;
  mailFrom: string;
  /** PEM files of seal certificates trusted beside the server's own. */
  trustedSealCerts: string[];
  /** Number of reverse proxies in front of the server whose X-Forwarded-For is believed. */
  trustedProxies: number;
  /** How often mentions and digests are looked for, in milliseconds. */
  notifyEveryMs: number;
  /** Recipients' local hour from which their daily digest goes out. */
  digestHour: number;
  signUpsPerAddressPerHour: number;
  /** What one sync connection may send and hold (sync/limits.ts). */
  syncLimits: SyncLimits;
  logLevel: string;
  /** Bearer token for GET /metrics; null: metrics are off. */
  metricsToken: string | null;
  /** The machine translation provider; null: translation is off. */
  translation: {
    url: string;
    api: 'libretranslate' | 'apertium';
    key: string | null;
    limits: TranslationLimits;
  } | null;
}

const repoRoot = path.resolve(import.meta.dirname, '../..');

/**
 * Parses the environment; throws naming every bad variable, so a bad start fails fast. A
 * variable set to the empty string counts as unset (`DATABASE_URL= npm start`).
 */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(
    Object.fromEntries(Object.entries(env).filter(([, value]) => value !== '')),
  );
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    redisUrl: e.REDIS_URL ?? null,
    publicUrl: e.PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    clientDir: path.resolve(e.CLIENT_DIR ?? path.join(repoRoot, 'client/dist')),
    heartbeatMs: 30_000,
    compactAfterUpdates: 500,
    scryptCost: DEFAULT_SCRYPT_COST,
    sessionTtlMs: 30 * 24 * 60 * 60 * 1000,
    smtpUrl: e.SMTP_URL ?? null,
    mailFrom: e.MAIL_FROM,
    trustedSealCerts: (e.TRUSTED_SEAL_CERTS ?? '')
      .split(',')
      .map((file) => file.trim())
      .filter(Boolean)
      .map((file) => path.resolve(file)),
    trustedProxies: e.TRUSTED_PROXY,
    notifyEveryMs: 60_000,
    digestHour: 8,
    signUpsPerAddressPerHour: e.SIGNUPS_PER_ADDRESS_PER_HOUR,
    logLevel: e.LOG_LEVEL,
    metricsToken: e.METRICS_TOKEN ?? null,
    translation:
      e.TRANSLATE_URL && e.TRANSLATE_API
        ? {
            url: e.TRANSLATE_URL,
            api: e.TRANSLATE_API,
            key: e.TRANSLATE_KEY ?? null,
            limits: {
              perMemberPerHour: e.TRANSLATIONS_PER_MEMBER_PER_HOUR,
              perPartnershipPerHour: e.TRANSLATIONS_PER_PARTNERSHIP_PER_HOUR,
            },
          }
        : null,
    syncLimits: {
      ...DEFAULT_SYNC_LIMITS,
      connectionsPerMember: e.MAX_CONNECTIONS_PER_MEMBER,
      connectionsPerMemberRoom: e.MAX_CONNECTIONS_PER_MEMBER_ROOM,
    },
  };
}
