import common from '../ar/common.json' with { type: 'json' };
import people from '../ar/people.json' with { type: 'json' };
import errors from '../ar/errors.json' with { type: 'json' };
import agreement from '../ar/agreement.json' with { type: 'json' };
import comments from '../ar/comments.json' with { type: 'json' };
import itinerary from '../ar/itinerary.json' with { type: 'json' };
import prompts from '../ar/prompts.json' with { type: 'json' };
import signing from '../ar/signing.json' with { type: 'json' };
import type { Catalogue, Namespace } from '../index';

/** The interface in Arabic: one module, so the browser loads a language in one request. */
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
