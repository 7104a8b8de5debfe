import type { Auth } from '../../auth/Auth';
import type { EmailAddresses } from '../../auth/EmailAddresses';
import type { PasswordResets } from '../../auth/PasswordResets';
import type { Log } from '../../observability/log';
import type { PeopleStore } from '../../storage/PeopleStore';
import type { Mailer } from '../../notify/Mailer';
import type { SigningReads } from '../../storage/SigningStore';
import type { ClauseReview } from '../../workflows/ClauseReview';
import type { MembershipWorkflow } from '../../workflows/Membership';
import type { Prompts } from '../../workflows/Prompts';
import type { Progress } from '../../workflows/Progress';
import type { SigningWorkflow } from '../../workflows/Signing';
import type { VersionHistory } from '../../workflows/VersionHistory';
import type { PartnershipExport } from '../../workflows/PartnershipExport';
import type { ThreadReadStore } from '../../storage/ThreadReadStore';
import type { LiveConnections } from '../../sync/LiveConnections';
import type { RoomRegistry } from '../../rooms/RoomRegistry';
import type { Translations } from '../../translate/Translations';
import type { Leaving } from '../../workflows/Leaving';

/** What the API routes work with. */
export interface ApiDeps {
  people: PeopleStore;
  auth: Auth;
  resets: PasswordResets;
  addresses: EmailAddresses;
  leaving: Leaving;
  log: Log;
  connections: LiveConnections;
  registry: RoomRegistry;
  threadReads: ThreadReadStore;
  /** Read-only: every signing write goes through the signing workflow. */
  signings: SigningReads;
  signing: SigningWorkflow;
  clauses: ClauseReview;
  history: VersionHistory;
  prompts: Prompts;
  progress: Progress;
  membership: MembershipWorkflow;
  /** Fingerprints of the seal certificates /api/verify accepts (certificateFingerprint). */
  trustedSeals: () => ReadonlySet<string>;
  archive: PartnershipExport;
  /** Null when no SMTP server is configured. */
  mailer: Mailer | null;
  publicUrl: string;
  /** Null when no translation provider is configured (TRANSLATE_URL). */
  translations: Translations | null;
}
