import common from '../zh-Hans/common.json' with { type: 'json' };
import people from '../zh-Hans/people.json' with { type: 'json' };
import errors from '../zh-Hans/errors.json' with { type: 'json' };
import agreement from '../zh-Hans/agreement.json' with { type: 'json' };
import comments from '../zh-Hans/comments.json' with { type: 'json' };
import itinerary from '../zh-Hans/itinerary.json' with { type: 'json' };
import prompts from '../zh-Hans/prompts.json' with { type: 'json' };
import signing from '../zh-Hans/signing.json' with { type: 'json' };
import type { Catalogue, Namespace } from '../index';

/** The interface in Simplified Chinese: one module, so the browser loads a language in one request. */
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
