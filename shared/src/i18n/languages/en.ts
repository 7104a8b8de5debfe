import common from '../en/common.json' with { type: 'json' };
import people from '../en/people.json' with { type: 'json' };
import errors from '../en/errors.json' with { type: 'json' };
import agreement from '../en/agreement.json' with { type: 'json' };
import comments from '../en/comments.json' with { type: 'json' };
import itinerary from '../en/itinerary.json' with { type: 'json' };
import prompts from '../en/prompts.json' with { type: 'json' };
import signing from '../en/signing.json' with { type: 'json' };
import type { Catalogue, Namespace } from '../index';

/** The interface in English: one module, so the browser loads a language in one request. */
const catalogues: Record<Namespace, Catalogue> = {
  common,
  people,
  errors,
  agreement,
  comments,
  itinerary,
  prompts,
  signing,
};
export default catalogues;
