import { type LegMeta, legProblem, MAX_LEG_DAYS } from '@tandem/shared/doc/itinerary';
import { AppError, ErrorCode } from '@tandem/shared/errors';

/**
 * Refuses (400) to export a leg whose dates are out of order or span more than MAX_LEG_DAYS, or
 * whose zone is unknown: an export's work grows with the leg, and a zone goes into its output.
 */
export function requireExportable(meta: LegMeta): void {
  const problem = legProblem(meta);
  if (problem === 'dates') {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      `The itinerary's dates are out of order or span more than ${MAX_LEG_DAYS} days: correct them in the itinerary settings.`,
    );
  }
  if (problem === 'zone') {
    throw new AppError(
      ErrorCode.BAD_REQUEST,
      "The itinerary's time zone is not a valid IANA zone: choose one in the itinerary settings.",
    );
  }
}
