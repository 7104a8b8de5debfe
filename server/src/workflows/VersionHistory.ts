import * as Y from 'yjs';
import type { VersionView } from '@tandem/shared/api';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { restoreAgreement } from '@tandem/shared/doc/restore';
import { agreementText } from '@tandem/shared/doc/snapshot';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { permissionFor } from '@tandem/shared/permissions';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import type { Member, PeopleStore } from '../storage/PeopleStore';
import type { SigningReads } from '../storage/SigningStore';
import type { VersionInfo } from '../storage/VersionStore';
import type { AgreementVersions } from './AgreementVersions';
import { requireDraft } from './signingPhase';
import { RETENTION } from './versionRetention';

const HOUR_MS = 60 * 60 * 1000;

function requireEditor(member: Member): void {
  if (permissionFor(member.role, member.side, 'agreement') !== 'edit') {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only people who edit the agreement can do this.');
  }
}

const roomOf = (partnershipId: string) => formatRoomName({ partnershipId, document: 'agreement' });

/** Versions of the agreement: list, keep by name, read, restore as a new edit. */
export class VersionHistory {
  constructor(
    private readonly deps: {
      versions: AgreementVersions;
      registry: RoomRegistry;
      people: PeopleStore;
      signings: SigningReads;
    },
  ) {}

  async list(partnershipId: string): Promise<VersionView[]> {
    return this.viewsOf(partnershipId, await this.deps.versions.store.list(roomOf(partnershipId)));
  }

  /** Keeps the agreement as it is now under a name, within the cap and rate of RETENTION. */
  async keepNamed(partnershipId: string, member: Member, name: string): Promise<VersionView> {
    requireEditor(member);
    const versions = await this.deps.versions.store.list(roomOf(partnershipId));
    const named = versions.filter((v) => v.kind === 'named');
    if (named.length >= RETENTION.maxNamed) {
      throw new AppError(
        ErrorCode.VERSION_LIMIT,
        `The agreement keeps at most ${RETENTION.maxNamed} named versions.`,
      );
    }
    const hourAgo = Date.now() - HOUR_MS;
    const lastHour = named.filter((v) => v.createdAt > hourAgo);
    if (lastHour.length >= RETENTION.namedPerHour) {
      const oldest = Math.min(...lastHour.map((v) => v.createdAt));
      throw new AppError(ErrorCode.RATE_LIMITED, 'Too many named versions in an hour.', {
        retryAfterSeconds: Math.ceil((oldest + HOUR_MS - Date.now()) / 1000),
      });
    }
    const info = await this.deps.registry.withRoom(roomOf(partnershipId), (room) => {
      // Named versions are never thinned: past the quota, only automatic ones would make room,
      // so a named version that does not fit beside the other named ones is refused.
      const namedBytes = named.reduce((sum, v) => sum + v.bytes, 0);
      if (namedBytes + Y.encodeStateAsUpdate(room.doc).length > RETENTION.quotaBytes) {
        throw new AppError(
          ErrorCode.VERSION_LIMIT,
          'The named versions of this agreement fill the space it has for versions.',
        );
      }
      return this.deps.versions.keep(room, 'named', name, member.id);
    });
    return (await this.viewsOf(partnershipId, [info]))[0] as VersionView;
  }

  /** The agreement's text as it was in a version. */
  async text(partnershipId: string, versionId: string) {
    const doc = await this.stateOf(partnershipId, versionId);
    try {
      return agreementText(doc);
    } finally {
      doc.destroy();
    }
  }

  /**
   * Restores a version as a new edit on top of the present one; what it replaces is kept as a
   * version first, one click away. Returns that version.
   */
  async restore(partnershipId: string, member: Member, versionId: string): Promise<VersionView> {
    requireEditor(member);
    await requireDraft(this.deps.signings, partnershipId);
    const source = await this.stateOf(partnershipId, versionId);
    try {
      const kept = await this.deps.registry.withRoom(roomOf(partnershipId), async (room) => {
        const before = await this.deps.versions.keep(room, 'before-restore', null, member.id);
        restoreAgreement(room.doc, source);
        return before;
      });
      return (await this.viewsOf(partnershipId, [kept]))[0] as VersionView;
    } finally {
      source.destroy();
    }
  }

  private async viewsOf(partnershipId: string, infos: VersionInfo[]): Promise<VersionView[]> {
    const partnership = await this.deps.people.getPartnership(partnershipId);
    const names = new Map(partnership?.members.map((m) => [m.id, m.name]) ?? []);
    return infos.map(({ id, kind, name, createdAt, createdBy }) => ({
      id,
      kind,
      name,
      createdAt,
      createdBy: createdBy === null ? null : (names.get(createdBy) ?? null),
    }));
  }

  private async stateOf(partnershipId: string, versionId: string): Promise<Y.Doc> {
    const found = await this.deps.versions.store.get(roomOf(partnershipId), versionId);
    if (!found) throw new AppError(ErrorCode.NOT_FOUND, 'No such version of this agreement.');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, found.state);
    return doc;
  }
}
