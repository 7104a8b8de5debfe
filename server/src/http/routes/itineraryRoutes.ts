import crypto from 'node:crypto';
import { z } from 'zod';
import { formatRoomName } from '@tandem/shared/doc/documents';
import {
  addItem,
  isPlainDate,
  isWallTime,
  ITEM_KINDS,
  placeByTime,
  readItems,
  readMeta,
  setVote,
  VOTES,
} from '@tandem/shared/doc/itinerary';
import { AppError, ErrorCode } from '@tandem/shared/errors';
import { SIDES, type Side } from '@tandem/shared/people';
import { permissionFor } from '@tandem/shared/permissions';
import { renderCalendar, renderFamilyItinerary } from '../../pdf/renderThreads';
import type { Member } from '../../storage/PeopleStore';
import { readJson } from '../body';
import { sendDownload, sendJson } from '../respond';
import type { Router } from '../router';
import type { ApiDeps } from './deps';

const SideParam = z.enum(SIDES);
const Audience = z.enum(['guests', 'chaperones']).default('guests');
const VoteBody = z.object({ vote: z.enum(VOTES).nullable() });
const ProposalBody = z.object({
  date: z.string().refine(isPlainDate, 'a date as YYYY-MM-DD').nullable(),
  kind: z.enum(ITEM_KINDS),
  lang: z.string().min(2).max(35),
  title: z.string().trim().min(1).max(200),
  start: z.string().refine(isWallTime, 'a time as HH:MM').nullable().optional(),
});

function legOf(value: string | undefined): Side {
  const side = SideParam.safeParse(value);
  if (!side.success) throw new AppError(ErrorCode.NOT_FOUND, 'A partnership has legs A and B.');
  return side.data;
}

/**
 * The language of a family PDF: `?language=` when it is one of the leg's, else the caller's
 * school's, else the leg's first. Anything else is refused, not silently replaced.
 */
function familyLanguage(url: string | undefined, languages: readonly string[], own: string) {
  const asked = new URL(url ?? '/', 'http://localhost').searchParams.get('language');
  if (asked !== null && !languages.includes(asked)) {
    throw new AppError(ErrorCode.BAD_REQUEST, `language is one of ${languages.join(', ')}.`);
  }
  return asked ?? (languages.includes(own) ? own : (languages[0] ?? own));
}

/** Visiting-side feedback needs at least comment rights on the leg (P19). */
function requireFeedbackRight(member: Member, side: Side): void {
  if (permissionFor(member.role, member.side, `itinerary.${side}`) === 'read') {
    throw new AppError(
      ErrorCode.FORBIDDEN,
      'Viewers can read itineraries but not vote or propose.',
    );
  }
}

/**
 * What the visiting side does on a leg it cannot edit (P19): votes and proposals go through
 * the server, which writes them for the caller only; and the calendar export.
 */
export function addItineraryRoutes(router: Router, { auth, people, registry }: ApiDeps): void {
  const roomOf = (id: string, side: Side) =>
    formatRoomName({ partnershipId: id, document: `itinerary.${side}` });

  router.add(
    'POST',
    '/api/partnerships/:id/itineraries/:side/items/:itemId/vote',
    async ({ req, res, params }) => {
      const id = params.id ?? '';
      const side = legOf(params.side);
      const { member } = await auth.requireMember(req, id);
      requireFeedbackRight(member, side);
      const { vote } = await readJson(req, VoteBody);
      const itemId = params.itemId ?? '';
      await registry.withRoom(roomOf(id, side), (room) => {
        if (!readItems(room.doc).some((i) => i.id === itemId)) {
          throw new AppError(ErrorCode.NOT_FOUND, 'No such item in this itinerary.');
        }
        setVote(room.doc, itemId, member.id, vote);
      });
      sendJson(res, 200, { itemId, vote });
    },
  );

  router.add(
    'POST',
    '/api/partnerships/:id/itineraries/:side/proposals',
    async ({ req, res, params }) => {
      const id = params.id ?? '';
      const side = legOf(params.side);
      const { member } = await auth.requireMember(req, id);
      requireFeedbackRight(member, side);
      const proposal = await readJson(req, ProposalBody);
      const itemId = crypto.randomUUID();
      await registry.withRoom(roomOf(id, side), (room) => {
        const meta = readMeta(room.doc);
        addItem(room.doc, {
          id: itemId,
          date: proposal.date,
          kind: proposal.kind,
          title: { [proposal.lang]: proposal.title },
          languages: meta?.languages ?? [proposal.lang],
          proposedBy: member.side,
          status: 'proposed',
          start: proposal.start ?? null,
        });
        placeByTime(room.doc, itemId);
      });
      sendJson(res, 201, { id: itemId });
    },
  );

  router.add('GET', '/api/partnerships/:id/itineraries/:side.pdf', async ({ req, res, params }) => {
    const id = params.id ?? '';
    const side = legOf(params.side);
    const { member } = await auth.requireMember(req, id);
    const partnership = await people.getPartnership(id);
    const leg = await registry.withRoom(roomOf(id, side), (room) => ({
      meta: readMeta(room.doc),
      items: readItems(room.doc),
    }));
    if (!partnership || !leg.meta) throw new AppError(ErrorCode.NOT_FOUND, 'No such itinerary.');
    const pdf = await renderFamilyItinerary({
      meta: leg.meta,
      items: leg.items,
      language: familyLanguage(
        req.url,
        leg.meta.languages,
        partnership.sides[member.side].language,
      ),
      host: partnership.sides[side].name,
      guests: partnership.sides[side === 'A' ? 'B' : 'A'].name,
    });
    sendDownload(res, 'application/pdf', pdf, `itinerary-${side}.pdf`);
  });

  router.add('GET', '/api/partnerships/:id/itineraries/:side.ics', async ({ req, res, params }) => {
    const id = params.id ?? '';
    const side = legOf(params.side);
    await auth.requireMember(req, id);
    const query = new URL(req.url ?? '/', 'http://localhost').searchParams;
    const audience = Audience.safeParse(query.get('audience') ?? undefined);
    if (!audience.success) {
      throw new AppError(ErrorCode.BAD_REQUEST, 'audience is guests or chaperones.');
    }
    const partnership = await people.getPartnership(id);
    const leg = await registry.withRoom(roomOf(id, side), (room) => ({
      meta: readMeta(room.doc),
      items: readItems(room.doc),
    }));
    if (!partnership || !leg.meta) throw new AppError(ErrorCode.NOT_FOUND, 'No such itinerary.');
    const guest = side === 'A' ? 'B' : 'A';
    const text = await renderCalendar({
      partnershipId: id,
      meta: leg.meta,
      items: leg.items,
      audience: audience.data,
      names: new Map(partnership.members.map((m) => [m.id, m.name])),
      calendarName: `${partnership.sides[side].name} → ${partnership.sides[guest].name}`,
      now: Date.now(),
    });
    sendDownload(
      res,
      'text/calendar; charset=utf-8',
      text,
      `itinerary-${side}-${audience.data}.ics`,
    );
  });
}
