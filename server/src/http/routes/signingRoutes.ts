import { z } from 'zod';
import { listClauses } from '@tandem/shared/doc/agreement';
import { canonicalAgreement, sha256Hex } from '@tandem/shared/doc/canonical';
import { clauseStates } from '@tandem/shared/doc/clauseStatus';
import { formatRoomName } from '@tandem/shared/doc/documents';
import { type SigningState, setSigningState } from '@tandem/shared/doc/status';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { CloseCode } from '@tandem/shared/protocol';
import { translate } from '@tandem/shared/i18n/translate';
import { maySign } from '@tandem/shared/permissions';
import type { Member } from '../../storage/PeopleStore';
import type { SigningStore } from '../../storage/sqlite/SigningStore';
import { signedAgreementPdf } from '../../pdf/signedAgreement';
import { readJson } from '../body';
import { sendDownload, sendJson } from '../respond';
import type { Router } from '../router';
import { publicPhase } from '../../workflows/signingPhase';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const MAX_IMAGE_CHARS = 300_000;
const NewSignature = z
  .object({
    name: z.string().trim().min(1).max(120),
    title: z.string().trim().min(1).max(120),
    image: z
      .string()
      .max(MAX_IMAGE_CHARS)
      .regex(/^data:image\/png;base64,[A-Za-z0-9+/=]+$/)
      .optional(),
    typed: z.string().trim().min(1).max(120).optional(),
    consent: z.literal(true),
    /** The hash the signatory saw: signing something else is refused. */
    hash: z.string().regex(/^[0-9a-f]{64}$/),
    language: z.string().min(2).max(35),
  })
  .refine(
    (s) => (s.image === undefined) !== (s.typed === undefined),
    'a drawn or a typed signature',
  );

function requireCoordinator(member: Member): void {
  if (member.role !== 'coordinator') {
    throw new AppError(ErrorCode.FORBIDDEN, 'Only coordinators start or cancel signing.');
  }
}

/** The consent statement a signatory agrees to, in their language; stored with the signature. */
export function consentText(language: string, school: string): string {
  return translate(language, 'signing', 'consent', { school });
}

/**
 * Signing (shared/README.md): a coordinator freezes the agreement once every clause is aligned and
 * approved by both sides; each side's signatory signs the hash of the canonical text.
 */
export function addSigningRoutes(router: Router, deps: ApiDeps): void {
  const { auth, people, registry, versions, signings, connections, seal } = deps;
  const agreementRoom = (id: string) =>
    formatRoomName({ partnershipId: id, document: 'agreement' });

  /** Publishes the state to everyone through `status`, and re-opens agreement connections. */
  async function publish(partnershipId: string, store: SigningStore, reconnect: boolean) {
    const current = store.current(partnershipId);
    const state: SigningState = current
      ? {
          phase: publicPhase(current),
          hash: current.hash,
          startedAt: current.startedAt,
          signatures: store
            .signatures(current.id)
            .map(({ side, name, title, at }) => ({ side, name, title, at })),
        }
      : { phase: 'draft', hash: null, startedAt: null, signatures: [] };
    await registry.withRoom(formatRoomName({ partnershipId, document: 'status' }), (room) =>
      setSigningState(room.doc, state),
    );
    // Open editors reconnect, and get their rights from the new phase (read-only while frozen).
    if (reconnect) {
      connections.closeWhere(
        (o) => o.room === agreementRoom(partnershipId),
        CloseCode.rightsChanged,
        'signing',
      );
    }
    return state;
  }

  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/signing', ({ res, id }) => {
    const current = signings.current(id);
    sendJson(res, 200, {
      phase: publicPhase(current),
      hash: current?.hash ?? null,
      versionId: current?.versionId ?? null,
      signatures: current
        ? signings
            .signatures(current.id)
            .map(({ side, name, title, at }) => ({ side, name, title, at }))
        : [],
      archived: signings
        .archived(id)
        .map((s) => ({ id: s.id, hash: s.hash, signedAt: s.endedAt, phase: s.phase })),
      isAuditIntact: signings.isAuditIntact(id),
    });
  });

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/signing',
    async ({ res, id, member }) => {
      requireCoordinator(member);
      if (signings.current(id))
        throw new AppError(ErrorCode.SIGNING_UNDER_WAY, 'Signing is already under way or done.');
      const started = await registry.withRoom(agreementRoom(id), (agreement) =>
        registry.withRoom(
          formatRoomName({ partnershipId: id, document: 'status' }),
          async (status) => {
            const unmet = clauseStates(agreement.doc, status.doc).filter(
              (c) => c.status.kind !== 'aligned' || !c.approvals.A || !c.approvals.B,
            );
            if (listClauses(agreement.doc).length === 0 || unmet.length > 0) {
              throw new AppError(
                ErrorCode.SIGNING_NOT_READY,
                `Not aligned and approved by both schools: ${unmet.map((c) => c.id).join(', ') || 'no clauses'}.`,
              );
            }
            const canonical = canonicalAgreement(agreement.doc);
            const version = await versions.keep(agreement, 'named', 'Signing', member.id);
            return signings.start(id, version.id, canonical, sha256Hex(canonical), member.id);
          },
        ),
      );
      signings.audit(id, member.id, 'signing-started', {
        hash: started.hash,
        versionId: started.versionId,
      });
      await publish(id, signings, true);
      sendJson(res, 201, { versionId: started.versionId, hash: started.hash });
    },
  );

  addMemberRoute(
    router,
    auth,
    'DELETE',
    '/api/partnerships/:id/signing',
    async ({ res, id, member }) => {
      requireCoordinator(member);
      const current = signings.current(id);
      if (current?.phase !== 'signing')
        throw new AppError(ErrorCode.NOT_SIGNING, 'Nothing is being signed.');
      signings.setPhase(current.id, 'cancelled');
      signings.audit(id, member.id, 'signing-cancelled', { hash: current.hash });
      await publish(id, signings, true);
      res.writeHead(204).end();
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/signing/signatures',
    async ({ req, res, id, member }) => {
      if (!maySign(member.role)) {
        throw new AppError(
          ErrorCode.FORBIDDEN,
          "Only a school's leaders and coordinators sign for it.",
        );
      }
      const body = await readJson(req, NewSignature);
      const current = signings.current(id);
      if (current?.phase !== 'signing')
        throw new AppError(ErrorCode.NOT_SIGNING, 'Nothing is being signed.');
      if (body.hash !== current.hash) {
        throw new AppError(
          ErrorCode.CONFLICT,
          'The text you signed is not the text being signed. Reload.',
        );
      }
      // The side comes from the membership, never from the request: nobody signs for the other school.
      const side = member.side;
      if (signings.signatures(current.id).some((s) => s.side === side)) {
        throw new AppError(ErrorCode.ALREADY_SIGNED, 'Your school has already signed.');
      }
      const partnership = await people.getPartnership(id);
      const signature = {
        side,
        memberId: member.id,
        name: body.name,
        title: body.title,
        image: body.image ?? null,
        typed: body.typed ?? null,
        consent: consentText(body.language, partnership?.sides[side].name ?? ''),
        hash: current.hash,
        ip: auth.addressOf(req),
        userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300),
        at: Date.now(),
      };
      signings.addSignature(current.id, signature);
      signings.audit(id, member.id, 'signed', {
        side,
        name: body.name,
        title: body.title,
        hash: current.hash,
        ip: signature.ip,
      });
      if (signings.signatures(current.id).length === 2) {
        signings.setPhase(current.id, 'signed');
        signings.audit(id, null, 'agreement-signed', { hash: current.hash });
        // Rendered and sealed once; every later download is these exact bytes.
        const pdf = await signedAgreementPdf(
          {
            canonical: current.canonical,
            hash: current.hash,
            sides: partnership?.sides ?? { A: { name: '' }, B: { name: '' } },
            signatures: signings.signatures(current.id),
            audit: signings.auditLog(id),
            signedAt: Date.now(),
          },
          seal(),
        );
        signings.savePdf(current.id, pdf);
      }
      const state = await publish(id, signings, false);
      sendJson(res, 201, state);
    },
  );

  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/agreement.pdf', ({ res, id }) => {
    const current = signings.current(id);
    const pdf = current?.phase === 'signed' ? signings.pdf(current.id) : null;
    if (!pdf)
      throw new AppError(ErrorCode.NOT_SIGNING, 'The agreement is not signed by both schools yet.');
    sendDownload(res, 'application/pdf', pdf, 'agreement-signed.pdf');
  });

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/signings/:signingId.pdf',
    ({ res, params, id }) => {
      const archived = signings.archived(id).find((s) => s.id === params.signingId);
      const pdf = archived ? signings.pdf(archived.id) : null;
      if (!pdf) throw new AppError(ErrorCode.NOT_FOUND, 'No such signed agreement.');
      sendDownload(
        res,
        'application/pdf',
        pdf,
        `agreement-${archived?.hash.slice(0, 8) ?? ''}.pdf`,
      );
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/amendment',
    async ({ res, id, member }) => {
      requireCoordinator(member);
      const current = signings.current(id);
      if (current?.phase !== 'signed')
        throw new AppError(ErrorCode.NOT_SIGNING, 'Only a signed agreement is amended.');
      // The signed version stays archived (and downloadable); the agreement is a draft again.
      signings.setPhase(current.id, 'amended');
      signings.audit(id, member.id, 'amendment-started', { signedHash: current.hash });
      await publish(id, signings, true);
      sendJson(res, 200, { archived: current.id });
    },
  );
}
