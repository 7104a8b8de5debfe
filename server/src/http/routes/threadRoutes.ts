import { z } from 'zod';
import type { InboxItem } from '@tandem/shared/api';
import {
  type DocumentName,
  discussedDocument,
  formatRoomName,
  THREAD_DOCUMENTS,
} from '@tandem/shared/doc/documents';
import { listClauses } from '@tandem/shared/doc/agreement';
import { readItems } from '@tandem/shared/doc/itinerary';
import type * as Y from 'yjs';
import { readThreads } from '@tandem/shared/doc/threads';
import { unreadComments } from '@tandem/shared/doc/unread';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { permissionFor } from '@tandem/shared/permissions';
import type { Member } from '../../storage/PeopleStore';
import { readJson } from '../body';
import { sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';
import { addMemberRoute } from './memberRoute';

const ReadBody = z.object({ threadId: z.string().min(1).max(100) });

function threadsDocument(member: Member, value: string | undefined): DocumentName {
  const document = THREAD_DOCUMENTS.find((d) => d === value);
  if (!document) throw new AppError(ErrorCode.NOT_FOUND, 'No such threads document.');
  if (permissionFor(member.role, member.side, document) === 'none') {
    throw new AppError(ErrorCode.FORBIDDEN, 'You cannot read these threads.');
  }
  return document;
}

/** The title of every clause and itinerary item in a content document, per language. */
function titlesOf(doc: Y.Doc): Map<string, Record<string, string>> {
  return new Map([
    ...listClauses(doc).map((c) => [c.id, c.title] as const),
    ...readItems(doc).map((item) => [item.id, item.title] as const),
  ]);
}

/** Read state per person (kept by the server), and the inbox of what is new. */
export function addThreadRoutes(
  router: Router,
  { auth, people, registry, threadReads, mailer }: ApiDeps,
) {
  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/threads/:document/reads',
    async ({ res, params, id, member }) => {
      const room = formatRoomName({
        partnershipId: id,
        document: threadsDocument(member, params.document),
      });
      sendJson(res, 200, { reads: await threadReads.reads(member.id, room) });
    },
  );

  addMemberRoute(
    router,
    auth,
    'POST',
    '/api/partnerships/:id/threads/:document/reads',
    async ({ req, res, params, id, member }) => {
      const room = formatRoomName({
        partnershipId: id,
        document: threadsDocument(member, params.document),
      });
      const { threadId } = await readJson(req, ReadBody);
      const at = Date.now();
      await threadReads.markRead(member.id, room, threadId, at);
      sendJson(res, 200, { threadId, readAt: at });
    },
  );

  addMemberRoute(
    router,
    auth,
    'GET',
    '/api/partnerships/:id/inbox',
    async ({ res, id, member }) => {
      const names = new Map((await people.getPartnership(id))?.members.map((m) => [m.id, m.name]));
      const items: InboxItem[] = [];
      for (const document of THREAD_DOCUMENTS) {
        if (permissionFor(member.role, member.side, document) === 'none') continue;
        const room = formatRoomName({ partnershipId: id, document });
        const reads = await threadReads.reads(member.id, room);
        const threads = await registry.withRoom(room, (r) => readThreads(r.doc));
        const contentRoom = formatRoomName({
          partnershipId: id,
          document: discussedDocument(document),
        });
        const titles = await registry.withRoom(contentRoom, (r) => titlesOf(r.doc));
        for (const thread of threads) {
          const unread = unreadComments([thread], reads, member.id);
          const last = unread.at(-1);
          if (!last) continue;
          items.push({
            document,
            threadId: thread.id,
            target: thread.target,
            quote: thread.anchor?.quote ?? '',
            place:
              titles.get(
                'clauseId' in thread.target ? thread.target.clauseId : thread.target.itemId,
              ) ?? {},
            unread: unread.length,
            last: {
              author: names.get(last.authorId) ?? '',
              body: last.body,
              createdAt: last.createdAt,
              timeZone: last.timeZone,
            },
          });
        }
      }
      items.sort((a, b) => b.last.createdAt - a.last.createdAt);
      sendJson(res, 200, {
        total: items.reduce((n, i) => n + i.unread, 0),
        items,
        isEmailOn: mailer !== null,
      });
    },
  );
}
