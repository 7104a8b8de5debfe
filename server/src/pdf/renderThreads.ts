import { requireExportable } from '../ics/exportable';
import { WorkerPool } from '../offload/WorkerPool';
import type { LegCalendarInput } from '../ics/legCalendar';
import type { FamilyItineraryInput } from './familyItinerary';
import type { Seal } from './seal';
import type { SignedAgreementInput } from './signedAgreement';

/**
 * The thread that renders exports (PDFs, calendars), off the event loop: one at a time (a PDF
 * takes a few hundred milliseconds and up to ~200 MiB with the fonts), each at most 20 s and
 * 512 MiB.
 */
const renderThreads = new WorkerPool(new URL('./renderTasks.ts', import.meta.url), {
  size: 1,
  maxWaiting: 16,
  limits: { timeoutMs: 20_000, maxMemoryMb: 512 },
  idleMs: 2 * 60_000,
});

/**
 * Loads the render thread now (about two seconds the first time) when a render is coming: a
 * signing under way will end in one.
 */
export function warmRenderThread(): void {
  void renderThreads.warm();
}

/** The family programme PDF, rendered in the render thread. */
export async function renderFamilyItinerary(input: FamilyItineraryInput): Promise<Uint8Array> {
  requireExportable(input.meta);
  return renderThreads.run<Uint8Array>('familyItinerary', input);
}

/** The signed agreement PDF, rendered and sealed in the render thread. */
export async function renderSignedAgreement(
  input: SignedAgreementInput,
  seal: Seal,
): Promise<Uint8Array> {
  return renderThreads.run<Uint8Array>('signedAgreement', { input, seal });
}

/** The iCalendar file of a leg, made in the render thread. */
export async function renderCalendar(input: LegCalendarInput): Promise<string> {
  requireExportable(input.meta);
  return renderThreads.run<string>('calendar', input);
}
