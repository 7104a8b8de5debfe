import { z } from 'zod';
import { requireSigner } from '../../workflows/Signing';
import { readJson } from '../body';
import { sendDownload, sendJson } from '../respond';
import type { Router } from '../router';
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

/** Signing routes: each parses, authorizes and calls the signing workflow. */
export function addSigningRoutes(router: Router, { auth, signing }: ApiDeps): void {
  addMemberRoute(router, auth, 'GET', '/api/partnerships/:id/signing', async ({ res, id }) => {
    sendJson(res, 200, await signing.view(id));
  });

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/signing',
    async ({ res, id, member }) => {
      sendJson(res, 201, await signing.start(id, member));
    },
  );

  addMemberRoute(
    router,
    auth,
    'DELETE',
    '/api/partnerships/:id/signing',
    async ({ res, id, member }) => {
      await signing.cancel(id, member);
      res.writeHead(204).end();
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/signing/signatures',
    async ({ req, res, id, member }) => {
      requireSigner(member);
      const body = await readJson(req, NewSignature);
      const state = await signing.sign(id, member, {
        ...body,
        ip: auth.addressOf(req),
        userAgent: String(req.headers['user-agent'] ?? '').slice(0, 300),
      });
      sendJson(res, 201, state);
    },
  );

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/agreement.pdf',
    async ({ res, id }) => {
      sendDownload(res, 'application/pdf', await signing.signedPdf(id), 'agreement-signed.pdf');
    },
  );

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/signings/:signingId.pdf',
    async ({ res, params, id }) => {
      const { pdf, hash } = await signing.archivedPdf(id, params.signingId ?? '');
      sendDownload(res, 'application/pdf', pdf, `agreement-${hash.slice(0, 8)}.pdf`);
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/amendment',
    async ({ res, id, member }) => {
      sendJson(res, 200, await signing.amend(id, member));
    },
  );
}
