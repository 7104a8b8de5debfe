import { useEffect, useState } from 'react';
import type { Translation, TranslationOffer } from '@tandem/shared/api';
import { api } from './api';

const OFF: TranslationOffer = { provider: null, pairs: [] };
/** One question per partnership and page load: the offer changes only with the server's setup. */
const offers = new Map<string, Promise<TranslationOffer>>();

function offerFor(partnershipId: string): Promise<TranslationOffer> {
  let offer = offers.get(partnershipId);
  if (!offer) {
    offer = api<TranslationOffer>('GET', `/api/partnerships/${partnershipId}/translations`).catch(
      () => {
        offers.delete(partnershipId);
        return OFF;
      },
    );
    offers.set(partnershipId, offer);
  }
  return offer;
}

const base = (tag: string) => (tag.split('-')[0] ?? tag).toLowerCase();

/**
 * Whether machine translation from one language to another is on offer (P10). Without a
 * provider, or for a pair it lacks, every translation control stays hidden.
 */
export function useTranslationOffer(partnershipId: string) {
  const [offer, setOffer] = useState<TranslationOffer>(OFF);
  useEffect(() => {
    let isCurrent = true;
    void offerFor(partnershipId).then((answer) => {
      if (isCurrent) setOffer(answer);
    });
    return () => {
      isCurrent = false;
    };
  }, [partnershipId]);
  return (from: string, to: string): boolean =>
    offer.provider !== null &&
    base(from) !== base(to) &&
    offer.pairs.some((p) => p.from === base(from) && p.to === base(to));
}

/** One text through the server's provider; always machine text. */
export function machineTranslate(
  partnershipId: string,
  text: string,
  from: string,
  to: string,
): Promise<Translation> {
  return api<Translation>('POST', `/api/partnerships/${partnershipId}/translations`, {
    text,
    from,
    to,
  });
}
