import common from '../es/common.json' with { type: 'json' };
import people from '../es/people.json' with { type: 'json' };
import errors from '../es/errors.json' with { type: 'json' };
import agreement from '../es/agreement.json' with { type: 'json' };
import comments from '../es/comments.json' with { type: 'json' };
import itinerary from '../es/itinerary.json' with { type: 'json' };
import prompts from '../es/prompts.json' with { type: 'json' };
import signing from '../es/signing.json' with { type: 'json' };
import type { Catalogue, Namespace } from '../index';

/** The interface in Spanish: one module, so the browser loads a language in one request. */
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
