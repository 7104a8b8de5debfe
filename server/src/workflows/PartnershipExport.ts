import type { RoomRegistry } from '../rooms/RoomRegistry';
import { exportPartnership } from '../storage/partnershipArchive';
import type { RawDatabase } from '../storage/rawDatabase';

/** How long an export waits for open documents to store what they hold. */
const SAVE_WAIT_MS = 10_000;

/** A partnership's archive, taken once every open document of it has stored its edits. */
export class PartnershipExport {
  constructor(
    private readonly registry: RoomRegistry,
    private readonly db: RawDatabase,
    private readonly certificates: () => string[],
  ) {}

  async archive(partnershipId: string): Promise<Buffer> {
    await this.registry.savedWithin(`${partnershipId}/`, SAVE_WAIT_MS);
    return exportPartnership(this.db, partnershipId, this.certificates());
  }
}
