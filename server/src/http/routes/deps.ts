import type { Auth } from '../../auth/Auth';
import type { PeopleStore } from '../../storage/PeopleStore';
import type { AgreementVersions } from '../../workflows/AgreementVersions';
import type { Mailer } from '../../notify/Mailer';
import type { Seal } from '../../pdf/seal';
import type { SigningStore } from '../../storage/sqlite/SigningStore';
import type { ThreadReadStore } from '../../storage/ThreadReadStore';
import type { LiveConnections } from '../../sync/LiveConnections';
import type { RoomRegistry } from '../../rooms/RoomRegistry';

/** What the API routes work with. */
export interface ApiDeps {
  people: PeopleStore;
  auth: Auth;
  connections: LiveConnections;
  registry: RoomRegistry;
  versions: AgreementVersions;
  threadReads: ThreadReadStore;
  signings: SigningStore;
  /** The platform's seal, made on first use in the data folder. */
  seal: () => Seal;
  /** Fingerprints of the seal certificates /api/verify accepts (certificateFingerprint). */
  trustedSeals: () => ReadonlySet<string>;
  /** Null when no SMTP server is configured. */
  mailer: Mailer | null;
  publicUrl: string;
}
