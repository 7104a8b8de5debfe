import common from '../fr/common.json' with { type: 'json' };
import people from '../fr/people.json' with { type: 'json' };
import errors from '../fr/errors.json' with { type: 'json' };
import agreement from '../fr/agreement.json' with { type: 'json' };
import comments from '../fr/comments.json' with { type: 'json' };
import itinerary from '../fr/itinerary.json' with { type: 'json' };
import prompts from '../fr/prompts.json' with { type: 'json' };
import signing from '../fr/signing.json' with { type: 'json' };
import type { Catalogue, Namespace } from '../index';

/** The interface in French: one module, so the browser loads a language in one request. */
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
