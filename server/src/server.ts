import fs from 'node:fs';
import http from 'node:http';
import { Translations } from './translate/Translations';
import { EmailAddresses } from './auth/EmailAddresses';
import { PasswordResets } from './auth/PasswordResets';
import { Leaving } from './workflows/Leaving';
import { providerFor } from './translate/providers';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer } from 'ws';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { CloseCode } from '@tandem/shared/protocol';
import type { Config } from './config';
import { createApp } from './http/app';
import { checkWrites } from './workflows/checkWrites';
import { capOf } from './workflows/documentCaps';
import { startHeartbeat } from './sync/heartbeat';
import { RoomRegistry } from './rooms/RoomRegistry';
import { createSeeder } from './workflows/seed';
import { AgreementVersions } from './workflows/AgreementVersions';
import { ClauseReview } from './workflows/ClauseReview';
import { MembershipWorkflow } from './workflows/Membership';
import { Prompts } from './workflows/Prompts';
import { Progress } from './workflows/Progress';
import { SigningWorkflow } from './workflows/Signing';
import { VersionHistory } from './workflows/VersionHistory';
import { loadOrCreateSeal, type Seal } from './pdf/seal';
import { TrustedSeals } from './pdf/trustedSeals';
import { PartnershipExport } from './workflows/PartnershipExport';
import { createMailer } from './notify/Mailer';
import { sendSignedCopies } from './notify/signedCopies';
import { Notifier } from './notify/Notifier';
import { createUpgradeHandler } from './sync/upgrade';
import { createAuthorize } from './sync/authorize';
import { LiveConnections } from './sync/LiveConnections';
import type { PeopleStore } from './storage/PeopleStore';
import { openStores } from './storage/openStores';
import { connectCluster } from './cluster/RedisCluster';
import { Auth } from './auth/Auth';
import { PasswordHasher } from './auth/passwords';
import { createLog, type Log } from './observability/log';
import { createMetrics } from './observability/metrics';

/** A running Tandem server. */
export interface TandemServer {
  /** The port actually bound (useful with PORT=0). */
  readonly port: number;
  readonly registry: RoomRegistry;
  /** Null when email is off. */
  readonly notifier: Notifier | null;
  readonly log: Log;
  /** Closes connections, stores every room and closes the database. */
  close(): Promise<void>;
}

const version = (
  JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

/** How far back a starting server looks for comments whose mention emails may be unsent. */
const MENTION_LOOKBACK_MS = 24 * 60 * 60 * 1000;

/** How often expired sessions are deleted. */
const SESSION_PURGE_MS = 60 * 60 * 1000;

/** Deletes expired sessions now and every `everyMs`; returns the stop function. */
function purgeSessionsEvery(people: PeopleStore, everyMs: number, logTo: Log): () => void {
  const purge = () => {
    people.purgeExpiredSessions(Date.now()).catch((error: unknown) => {
      logTo('purging expired sessions failed', error);
    });
  };
  purge();
  const timer = setInterval(purge, everyMs);
  timer.unref();
  return () => clearInterval(timer);
}

/** Opens storage, starts HTTP and WebSocket on one port. */
export async function startServer(config: Config): Promise<TandemServer> {
  const log = createLog(config.logLevel);
  const metrics = createMetrics();
  const stores = await openStores(config, log);
  if (config.redisUrl && !config.databaseUrl) {
    throw new Error('REDIS_URL links nodes that share a DATABASE_URL: set DATABASE_URL too.');
  }
  const cluster = config.redisUrl ? await connectCluster(config.redisUrl, log) : null;
  const { people, threadReads, signings } = stores;
  const versions = new AgreementVersions(stores.versions);
  let sealCache: Seal | null = null;
  const seal = () => (sealCache ??= loadOrCreateSeal(config.dataDir));
  const trusted = new TrustedSeals(config.dataDir, config.trustedSealCerts, seal);
  const mailer = createMailer(config.smtpUrl, config.mailFrom);
  let notifier: Notifier | null = null;
  const { documents } = stores;
  const registry = new RoomRegistry(
    documents,
    {
      compactAfterUpdates: config.compactAfterUpdates,
      afterCompact: versions.afterCompact,
      checkUpdate: checkWrites,
      onStored: (room) => {
        notifier?.noteChange(room.name);
        versions.afterStored(room);
      },
      relay: cluster?.relay,
      capOf,
      metrics,
      log,
    },
    createSeeder(people),
  );
  if (mailer) {
    notifier = new Notifier({
      people,
      registry,
      reads: threadReads,
      mailer,
      publicUrl: config.publicUrl,
      digestHour: config.digestHour,
      log,
    });
    // Comments written shortly before a restart still get their mention emails (each email
    // goes out once, so looking again at a day of threads is safe).
    for (const room of await documents.changedSince(Date.now() - MENTION_LOOKBACK_MS)) {
      notifier.noteChange(room);
    }
  } else {
    log('Email is off: set SMTP_URL to send mentions and daily digests.');
  }
  const stopNotifier = notifier?.start(config.notifyEveryMs);
  const auth = new Auth(people, new PasswordHasher(config.scryptCost), {
    sessionTtlMs: config.sessionTtlMs,
    signUpsPerAddressPerHour: config.signUpsPerAddressPerHour,
    isSecure: config.publicUrl.startsWith('https:'),
    trustedProxies: config.trustedProxies,
    redis: cluster?.client ?? null,
  });
  const stopPurge = purgeSessionsEvery(people, SESSION_PURGE_MS, log);
  const connections = new LiveConnections(cluster?.control ?? null);
  const signing = new SigningWorkflow({
    signings,
    versions,
    registry,
    people,
    seal,
    onSignedPdf: mailer
      ? (partnershipId, signatures, pdf) =>
          sendSignedCopies(
            { people, mailer, publicUrl: config.publicUrl, log },
            partnershipId,
            signatures,
            pdf,
          )
      : null,
    // The agreement and its threads: their rights follow the phase (frozen, proposals).
    reopenAgreement: (partnershipId) => {
      const rooms = (['agreement', 'agreement.threads'] as const).map((document) =>
        formatRoomName({ partnershipId, document }),
      );
      connections.closeWhere({ rooms }, CloseCode.rightsChanged, 'signing');
    },
    log,
  });
  await signing.resume();
  const app = createApp(
    {
      clientDir: config.clientDir,
      version,
      databaseEngine: stores.engine,
      isDatabaseReachable: () => stores.isReachable(),
      isRedisReachable: cluster ? () => cluster.isReachable() : null,
      metrics,
      metricsToken: config.metricsToken,
      log,
    },
    {
      people,
      auth,
      resets: new PasswordResets(people, auth, cluster?.client ?? null),
      addresses: new EmailAddresses(people, auth, cluster?.client ?? null),
      leaving: new Leaving({
        people,
        auth,
        registry,
        signings,
        endSessions: (sessionHashes) =>
          connections.closeWhere({ sessionHashes }, CloseCode.unauthorized, 'account deleted'),
      }),
      log,
      connections,
      registry,
      threadReads,
      signings,
      signing,
      clauses: new ClauseReview(registry, signings),
      history: new VersionHistory({ versions, registry, people, signings }),
      prompts: new Prompts(registry, people),
      progress: new Progress(registry),
      membership: new MembershipWorkflow(people, (memberId, why) =>
        connections.closeWhere(
          { memberId },
          why === 'removed' ? CloseCode.forbidden : CloseCode.rightsChanged,
          why === 'removed' ? 'removed' : 'role changed',
        ),
      ),
      trustedSeals: () => trusted.fingerprints(),
      archive: new PartnershipExport(registry, stores.raw, () => trusted.pems()),
      mailer,
      publicUrl: config.publicUrl,
      translations: config.translation
        ? new Translations(
            providerFor(config.translation.api, config.translation.url, config.translation.key),
            config.translation.limits,
            cluster?.client ?? null,
          )
        : null,
    },
  );
  const httpServer = http.createServer(app);
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes });
  metrics.watch('connections', 'Open sync connections.', () => wss.clients.size);
  metrics.watch('rooms', 'Documents loaded in memory.', () => registry.size);
  const stopHeartbeat = startHeartbeat(wss, config.heartbeatMs);
  const authorize = createAuthorize(auth, people, signings, config.publicUrl);
  httpServer.on(
    'upgrade',
    createUpgradeHandler(wss, authorize, {
      registry,
      connections,
      limits: config.syncLimits,
      metrics,
      log,
    }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(config.port, config.host, resolve);
  });
  const { port } = httpServer.address() as AddressInfo;

  log(`Tandem listening on http://${config.host}:${port}`, undefined, {
    dataDir: config.dataDir,
    database: stores.engine,
  });
  return {
    port,
    registry,
    log,
    notifier,
    async close() {
      stopHeartbeat();
      stopPurge();
      stopNotifier?.();
      for (const ws of wss.clients) ws.close(CloseCode.restarting, 'server restarting');
      const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
      httpServer.closeAllConnections();
      await registry.closeAll();
      await closed;
      await cluster?.close();
      await stores.close();
    },
  };
}
