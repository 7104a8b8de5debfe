import { listClauses } from '@tandem/shared/doc/agreement';
import { canonicalAgreement, sha256Hex } from '@tandem/shared/doc/canonical';
import { clauseStates } from '@tandem/shared/doc/clauseStatus';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { type SigningState, setSigningState } from '@tandem/shared/doc/status';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { translate } from '@tandem/shared/i18n/translate';
import { maySign } from '@tandem/shared/permissions';
import type { Seal } from '../pdf/seal';
import { renderSignedAgreement, warmRenderThread } from '../pdf/renderThreads';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import { isChainIntact } from '../storage/auditChain';
import type { Member, PeopleStore } from '../storage/PeopleStore';
import type { Signature, Signing, SigningStore } from '../storage/SigningStore';
import type { AgreementVersions } from './AgreementVersions';
import { publicPhase } from './signingPhase';

/** What a signatory sends: who signs, how, and the hash of the text they saw. */
export interface SignatureRequest {
  name: string;
  title: string;
  image?: string;
  typed?: string;
  hash: string;
  /** The language the consent statement was shown in. */
  language: string;
  ip: string;
  userAgent: string;
}

export interface SigningDeps {
  signings: SigningStore;
  versions: AgreementVersions;
  registry: RoomRegistry;
  people: PeopleStore;
  seal: () => Seal;
  /** Closes the partnership's open agreement connections: they reconnect with the new rights. */
  reopenAgreement: (partnershipId: string) => void;
  /** Told once the signed PDF is first stored (to email it); null when email is off. */
  onSignedPdf:
    ((partnershipId: string, signatures: Signature[], pdf: Uint8Array) => Promise<void>) | null;
  log: (message: string, error?: unknown) => void;
}

/** The consent statement a signatory agrees to, in their language; stored with the signature. */
export function consentText(language: string, school: string): string {
  return translate(language, 'signing', 'consent', { school });
}

const publicSignatures = (signatures: readonly Signature[]) =>
  signatures.map(({ side, name, title, at }) => ({ side, name, title, at }));

function requireCoordinator(member: Member): void {
  if (member.role !== 'coordinator') {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only coordinators start or cancel signing.');
  }
}

/** Refuses (403) anyone who may not sign for their school. */
export function requireSigner(member: Member): void {
  if (!maySign(member.role)) {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "Only a school's leaders and coordinators sign for it.",
    );
  }
}

function requireSigning(current: Signing | null): Signing {
  if (current?.phase !== 'signing') {
    throw new AppError(ErrorCode.NOT_SIGNING, 'Nothing is being signed.');
  }
  return current;
}

/**
 * Signing (shared/README.md): a coordinator freezes the agreement once every clause is aligned
 * and approved by both sides; each side's signatory signs the hash of the canonical text; the
 * second signature completes it, and the sealed PDF is stored before everyone is told it is
 * signed. A server that stopped in between renders the PDF when it starts again.
 */
export class SigningWorkflow {
  constructor(private readonly deps: SigningDeps) {}

  /** The current signing, the archive of signed agreements and whether the audit chain holds. */
  async view(partnershipId: string) {
    const { signings } = this.deps;
    const current = await signings.current(partnershipId);
    return {
      phase: publicPhase(current),
      hash: current?.hash ?? null,
      versionId: current?.versionId ?? null,
      signatures: current ? publicSignatures(await signings.signatures(current.id)) : [],
      archived: (await signings.archived(partnershipId)).map((s) => ({
        id: s.id,
        hash: s.hash,
        signedAt: s.endedAt,
        phase: s.phase,
      })),
      isAuditIntact: isChainIntact(partnershipId, await signings.auditLog(partnershipId)),
      /** The signed PDF is emailed to the signatories and coordinators. */
      isEmailOn: this.deps.onSignedPdf !== null,
    };
  }

  /** Freezes the agreement: keeps it as a named version and records the hash to be signed. */
  async start(partnershipId: string, member: Member) {
    requireCoordinator(member);
    const { registry, versions, signings } = this.deps;
    const room = (document: 'agreement' | 'status') => formatRoomName({ partnershipId, document });
    const started = await registry.withRooms(
      [room('agreement'), room('status')],
      async ([agreement, status]) => {
        if (!agreement || !status) throw new Error('rooms missing');
        if (await signings.current(partnershipId)) throw underWay();
        const unmet = clauseStates(agreement.doc, status.doc).filter(
          (c) => c.status.kind !== 'aligned' || !c.approvals.A || !c.approvals.B,
        );
        if (listClauses(agreement.doc).length === 0 || unmet.length > 0) {
          throw new AppError(
            ErrorCode.SIGNING_NOT_READY,
            `Not aligned and approved by both schools: ${unmet.map((c) => c.id).join(', ') || 'no clauses'}.`,
          );
        }
        const partnership = await this.deps.people.getPartnership(partnershipId);
        if (!partnership) throw new AppError(ErrorCode.NOT_FOUND, 'No such partnership.');
        const canonical = canonicalAgreement(agreement.doc, partnership.sides, Date.now());
        const version = await versions.keep(agreement, 'named', 'Signing', member.id);
        return signings.transaction(async (unit) => {
          if (await unit.current(partnershipId)) throw underWay();
          const signing = await unit.start(
            partnershipId,
            version.id,
            canonical,
            sha256Hex(canonical),
            member.id,
          );
          await unit.audit(partnershipId, member.id, 'signing-started', {
            hash: signing.hash,
            versionId: signing.versionId,
          });
          return signing;
        });
      },
    );
    await this.publish(partnershipId, true);
    // The second signature renders the PDF: have the thread ready for it.
    warmRenderThread();
    return { versionId: started.versionId, hash: started.hash };
  }

  /** Ends a signing under way; the agreement is a draft again. */
  async cancel(partnershipId: string, member: Member): Promise<void> {
    requireCoordinator(member);
    await this.deps.signings.transaction(async (unit) => {
      const current = requireSigning(await unit.current(partnershipId));
      await unit.setPhase(current.id, 'cancelled');
      await unit.audit(partnershipId, member.id, 'signing-cancelled', { hash: current.hash });
    });
    await this.publish(partnershipId, true);
  }

  /** One school's signature; the second completes the agreement. */
  async sign(
    partnershipId: string,
    member: Member,
    request: SignatureRequest,
  ): Promise<SigningState> {
    requireSigner(member);
    // The side comes from the membership, never from the request: nobody signs for the other school.
    const side = member.side;
    const partnership = await this.deps.people.getPartnership(partnershipId);
    const signature: Signature = {
      side,
      memberId: member.id,
      name: request.name,
      title: request.title,
      image: request.image ?? null,
      typed: request.typed ?? null,
      consent: consentText(request.language, partnership?.sides[side].name ?? ''),
      hash: request.hash,
      ip: request.ip,
      userAgent: request.userAgent,
      at: Date.now(),
    };
    const completed = await this.deps.signings.transaction(async (unit) => {
      const current = requireSigning(await unit.current(partnershipId));
      if (request.hash !== current.hash) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'The text you signed is not the text being signed. Reload.',
        );
      }
      const before = await unit.signatures(current.id);
      if (before.some((s) => s.side === side)) {
        throw new AppError(ErrorCode.ALREADY_SIGNED, 'Your school has already signed.');
      }
      await unit.addSignature(current.id, signature);
      await unit.audit(partnershipId, member.id, 'signed', {
        side,
        name: request.name,
        title: request.title,
        hash: current.hash,
        ip: request.ip,
      });
      if (before.length + 1 < 2) return null;
      await unit.setPhase(current.id, 'signed');
      await unit.audit(partnershipId, null, 'agreement-signed', { hash: current.hash });
      return current.id;
    });
    // The other school's signature renders the PDF: have the thread ready for it.
    if (!completed) warmRenderThread();
    if (completed) {
      // The signatures are stored: a render that fails is done again on the next download
      // or at the next start, and the signing is published either way.
      const pdf = await this.storePdf(partnershipId).catch((error: unknown) => {
        this.deps.log(`rendering the signed PDF of ${partnershipId} failed`, error);
        return null;
      });
      if (pdf) await this.tellSigned(partnershipId, completed, pdf);
    }
    // Signed: open editors reconnect, so a refused edit says "signed", not "being signed".
    return this.publish(partnershipId, completed !== null);
  }

  /** Archives the signed agreement (it stays downloadable); the agreement is a draft again. */
  async amend(partnershipId: string, member: Member) {
    requireCoordinator(member);
    const archived = await this.deps.signings.transaction(async (unit) => {
      const current = await unit.current(partnershipId);
      if (current?.phase !== 'signed') {
        throw new AppError(ErrorCode.NOT_SIGNING, 'Only a signed agreement is amended.');
      }
      await unit.setPhase(current.id, 'amended');
      await unit.audit(partnershipId, member.id, 'amendment-started', { signedHash: current.hash });
      return current.id;
    });
    await this.publish(partnershipId, true);
    return { archived };
  }

  /** The PDF of the agreement in force: the exact bytes sealed when it was signed. */
  async signedPdf(partnershipId: string): Promise<Uint8Array> {
    const current = await this.deps.signings.current(partnershipId);
    if (current?.phase !== 'signed') {
      throw new AppError(ErrorCode.NOT_SIGNING, 'The agreement is not signed by both schools yet.');
    }
    return (await this.deps.signings.pdf(current.id)) ?? (await this.storePdf(partnershipId));
  }

  /** The PDF of an earlier signed agreement, and its hash. */
  async archivedPdf(partnershipId: string, signingId: string) {
    const { signings } = this.deps;
    const archived = (await signings.archived(partnershipId)).find((s) => s.id === signingId);
    const pdf = archived ? await signings.pdf(archived.id) : null;
    if (!archived || !pdf) throw new AppError(ErrorCode.NOT_FOUND, 'No such signed agreement.');
    return { pdf, hash: archived.hash };
  }

  /** Renders and publishes what a server that stopped after a second signature left undone. */
  async resume(): Promise<void> {
    for (const signing of await this.deps.signings.withoutPdf()) {
      try {
        const pdf = await this.storePdf(signing.partnershipId);
        await this.tellSigned(signing.partnershipId, signing.id, pdf);
        await this.publish(signing.partnershipId, false);
        this.deps.log(`rendered the missing signed PDF of ${signing.partnershipId}`);
      } catch (error) {
        this.deps.log(`rendering the signed PDF of ${signing.partnershipId} failed`, error);
      }
    }
  }

  /** Hands the first stored signed PDF on (to be emailed); never fails the signing. */
  private async tellSigned(partnershipId: string, signingId: string, pdf: Uint8Array) {
    const { onSignedPdf, signings, log } = this.deps;
    if (!onSignedPdf) return;
    const signatures = await signings.signatures(signingId);
    // Not awaited: the signer's answer does not wait for the mail server.
    void onSignedPdf(partnershipId, signatures, pdf).catch((error: unknown) =>
      log(`sending the signed PDF of ${partnershipId} failed`, error),
    );
  }

  /** Renders and seals the signed agreement in force once, and stores it. */
  private async storePdf(partnershipId: string): Promise<Uint8Array> {
    const { signings, people, seal } = this.deps;
    const current = await signings.current(partnershipId);
    if (current?.phase !== 'signed') throw new Error('not signed');
    const partnership = await people.getPartnership(partnershipId);
    const pdf = await renderSignedAgreement(
      {
        canonical: current.canonical,
        hash: current.hash,
        sides: partnership?.sides ?? {
          A: { name: '', timeZone: 'UTC' },
          B: { name: '', timeZone: 'UTC' },
        },
        signatures: await signings.signatures(current.id),
        audit: await signings.auditLog(partnershipId),
        names: Object.fromEntries((partnership?.members ?? []).map((m) => [m.id, m.name])),
        signedAt: current.endedAt ?? Date.now(),
      },
      seal(),
    );
    // Two requests may render at once after a restart: the first stored copy is the one kept.
    return signings.transaction(async (unit) => {
      const stored = await unit.pdf(current.id);
      if (stored) return stored;
      await unit.savePdf(current.id, pdf);
      return pdf;
    });
  }

  /** Publishes the state to everyone through `status`; optionally re-opens agreement editors. */
  private async publish(partnershipId: string, reopen: boolean): Promise<SigningState> {
    const { signings, registry } = this.deps;
    const current = await signings.current(partnershipId);
    const isAmendment = (await signings.archived(partnershipId)).some((s) => s.phase === 'amended');
    const state: SigningState = current
      ? {
          phase: publicPhase(current),
          hash: current.hash,
          startedAt: current.startedAt,
          signatures: publicSignatures(await signings.signatures(current.id)),
          isAmendment,
        }
      : { phase: 'draft', hash: null, startedAt: null, signatures: [], isAmendment };
    await registry.withRoom(formatRoomName({ partnershipId, document: 'status' }), (room) =>
      setSigningState(room.doc, state),
    );
    // Open editors get their rights from the new phase (read-only while frozen).
    if (reopen) this.deps.reopenAgreement(partnershipId);
    return state;
  }
}

const underWay = () =>
  new AppError(ErrorCode.SIGNING_UNDER_WAY, 'Signing is already under way or done.');
