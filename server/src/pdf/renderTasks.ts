import { type LegCalendarInput, legCalendar } from '../ics/legCalendar';
import { type FamilyItineraryInput, familyItineraryPdf } from './familyItinerary';
import type { Seal } from './seal';
import { type SignedAgreementInput, signedAgreementPdf } from './signedAgreement';

/** The exports with one argument each, as the render thread calls them (renderThreads). */
export const familyItinerary = (input: FamilyItineraryInput) => familyItineraryPdf(input);

export const signedAgreement = ({ input, seal }: { input: SignedAgreementInput; seal: Seal }) =>
  signedAgreementPdf(input, seal);

export const calendar = (input: LegCalendarInput) => legCalendar(input);
