import { z } from 'zod';
import type { TranslationOffer } from '@tandem/shared/api';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { isLanguageTag } from '@tandem/shared/people';
import { MAX_TRANSLATION_CHARS } from '../../translate/Translations';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const language = z.string().max(35).refine(isLanguageTag, 'Not a BCP 47 language tag.');
/** Somewhat longer than the limit, so that a long text gets TRANSLATION_TOO_LONG, not 400. */
const TranslationRequest = z.object({
  text: z.string().max(MAX_TRANSLATION_CHARS * 4),
  from: language,
  to: language,
});

const OFF: TranslationOffer = { provider: null, pairs: [] };

/**
 * Machine translation for members (P10): what is on offer, and one text translated. Nothing
 * here is stored in a document; every answer is flagged as machine text.
 */
export function addTranslationRoutes(router: Router, { auth, translations }: ApiDeps): void {
  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/translations', async ({ res }) => {
    sendJson(res, 200, translations ? await translations.offer() : OFF);
  });

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/translations',
    async ({ req, res, id, member }) => {
      const request = await readJson(req, TranslationRequest);
      if (!translations) {
        throw new AppError(ErrorCode.TRANSLATION_OFF, 'No translation provider is configured.');
      }
      sendJson(
        res,
        200,
        await translations.translate(request, { partnershipId: id, memberId: member.id }),
      );
    },
  );
}
