import type { RedisClientType } from 'redis';
import { RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Translation, TranslationOffer } from '@tandem/shared/api';
import { hourlyLimit } from '../auth/rateLimit';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import {
  baseLanguage,
  type LanguagePair,
  ProviderDown,
  type TranslationProvider,
  UnsupportedByProvider,
} from './provider';

/** The longest text one request translates, in characters (a clause runs to ~1,500 words). */
export const MAX_TRANSLATION_CHARS = 12_000;

export interface TranslationLimits {
  /** Provider calls one member may cause per hour (answers from the cache are free). */
  perMemberPerHour: number;
  /** And one partnership, all its members together. */
  perPartnershipPerHour: number;
}

export const DEFAULT_TRANSLATION_LIMITS: TranslationLimits = {
  perMemberPerHour: 200,
  perPartnershipPerHour: 1_000,
};

/** How long the provider's list of pairs is trusted, and how many answers are kept. */
const PAIRS_FOR_MS = 10 * 60 * 1000;
const CACHED_ANSWERS = 2_000;

function unavailable(error: unknown): AppError {
  return new AppError(
    ErrorCode.TRANSLATION_UNAVAILABLE,
    `Machine translation is unavailable right now (${error instanceof Error ? error.message : 'no answer'}).`,
  );
}

function unsupported(from: string, to: string): AppError {
  return new AppError(
    ErrorCode.TRANSLATION_PAIR_UNSUPPORTED,
    `The translation service does not translate ${from} to ${to}.`,
  );
}

/**
 * Machine translation for members (P10): the provider's answers cached by text and language
 * pair, its calls limited per member and per partnership, its failures told apart (down: 503;
 * pair missing: 422). What it returns is always flagged as machine text.
 */
export class Translations {
  private readonly cache = new Map<string, string>();
  private known: { pairs: LanguagePair[]; at: number } | null = null;
  private readonly byMember: RateLimiterAbstract;
  private readonly byPartnership: RateLimiterAbstract;

  constructor(
    private readonly provider: TranslationProvider,
    limits: TranslationLimits,
    redis: RedisClientType | null,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.byMember = hourlyLimit(limits.perMemberPerHour, redis, 'tandem:translate:member');
    this.byPartnership = hourlyLimit(limits.perPartnershipPerHour, redis, 'tandem:translate:pship');
  }

  /** What the provider translates; a provider that is down offers nothing for now. */
  async offer(): Promise<TranslationOffer> {
    try {
      return { provider: this.provider.name, pairs: await this.pairs() };
    } catch {
      return { provider: this.provider.name, pairs: [] };
    }
  }

  async translate(
    request: { text: string; from: string; to: string },
    who: { partnershipId: string; memberId: string },
  ): Promise<Translation> {
    const from = baseLanguage(request.from);
    const to = baseLanguage(request.to);
    const flagged = (text: string): Translation => ({
      text,
      provider: this.provider.name,
      isMachine: true,
      from: request.from,
      to: request.to,
    });
    if (request.text.trim() === '') return flagged(request.text);
    if (request.text.length > MAX_TRANSLATION_CHARS) {
      throw new AppError(
        ErrorCode.TRANSLATION_TOO_LONG,
        `At most ${MAX_TRANSLATION_CHARS} characters are translated at once.`,
      );
    }
    if (from === to) throw unsupported(request.from, request.to);
    const key = `${from}|${to}|${request.text}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      // Most recently used last: the oldest goes first when the cache is full.
      this.cache.delete(key);
      this.cache.set(key, cached);
      return flagged(cached);
    }
    // Only what the cache cannot answer needs the provider, and its list of pairs.
    const pairs = await this.pairs().catch((error: unknown) => {
      throw unavailable(error);
    });
    if (!pairs.some((p) => p.from === from && p.to === to)) {
      throw unsupported(request.from, request.to);
    }
    await this.consume(who);
    let text: string;
    try {
      text = await this.provider.translate(request.text, from, to);
    } catch (error) {
      if (error instanceof UnsupportedByProvider) throw unsupported(request.from, request.to);
      if (error instanceof ProviderDown) this.known = null;
      throw unavailable(error);
    }
    this.remember(key, text);
    return flagged(text);
  }

  private async pairs(): Promise<LanguagePair[]> {
    if (this.known && this.now() - this.known.at < PAIRS_FOR_MS) return this.known.pairs;
    const pairs = await this.provider.pairs();
    this.known = { pairs, at: this.now() };
    return pairs;
  }

  private async consume(who: { partnershipId: string; memberId: string }): Promise<void> {
    try {
      await this.byMember.consume(who.memberId);
      await this.byPartnership.consume(who.partnershipId);
    } catch (refusal) {
      if (!(refusal instanceof RateLimiterRes)) throw unavailable(refusal);
      throw new AppError(
        ErrorCode.TRANSLATION_LIMIT,
        'Too many machine translations for now: try again later.',
        { retryAfterSeconds: Math.ceil(refusal.msBeforeNext / 1000) },
      );
    }
  }

  private remember(key: string, text: string): void {
    this.cache.set(key, text);
    if (this.cache.size <= CACHED_ANSWERS) return;
    const oldest = this.cache.keys().next();
    if (!oldest.done) this.cache.delete(oldest.value);
  }
}
