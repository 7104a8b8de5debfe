import {
  type DocumentName,
  formatRoomName,
  parseRoomName,
  THREAD_DOCUMENTS,
} from '@tandem/shared/doc/documents';
import { type Comment, readThreads } from '@tandem/shared/doc/threads';
import { unreadComments } from '@tandem/shared/doc/unread';
import { translateEmail } from '@tandem/shared/i18n/serverCatalogues';
import { permissionFor } from '@tandem/shared/permissions';
import { wallClock } from '@tandem/shared/time';
import type { Member, Partnership, PeopleStore } from '../storage/PeopleStore';
import type { ThreadReadStore } from '../storage/ThreadReadStore';
import type { RoomRegistry } from '../rooms/RoomRegistry';
import type { Mailer } from './Mailer';

interface Deps {
  people: PeopleStore;
  registry: RoomRegistry;
  reads: ThreadReadStore;
  mailer: Mailer;
  publicUrl: string;
  digestHour: number;
  log: (message: string, error?: unknown) => void;
  now?: () => number;
}

/**
 * Email for people who are not looking: a mention within minutes (unless already read), and
 * everything else unread in one digest a day, from the recipient's local morning. Each email
 * goes out once: what was sent is recorded before sending.
 */
export class Notifier {
  private readonly changed = new Set<string>();
  private isRunning = false;

  constructor(private readonly deps: Deps) {}

  /** A threads document changed: look for new mentions on the next tick. */
  noteChange(roomName: string): void {
    if (roomName.endsWith('.threads')) this.changed.add(roomName);
  }

  /** Runs {@link tick} every `everyMs`; returns a stop function. */
  start(everyMs: number): () => void {
    const timer = setInterval(() => void this.tick(), everyMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  async tick(): Promise<void> {
    if (this.isRunning) return;
    this.isRunning = true;
    try {
      await this.sendMentions();
      await this.sendDigests();
    } catch (error) {
      this.deps.log('notifications failed; will retry on the next tick', error);
    } finally {
      this.isRunning = false;
    }
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private async sendMentions(): Promise<void> {
    const rooms = [...this.changed];
    this.changed.clear();
    for (const room of rooms) {
      const parsed = parseRoomName(room);
      const partnership = parsed && (await this.deps.people.getPartnership(parsed.partnershipId));
      if (!parsed || !partnership) continue;
      const threads = await this.deps.registry.withRoom(room, (r) => readThreads(r.doc));
      for (const thread of threads) {
        for (const comment of thread.comments) {
          for (const memberId of new Set(comment.mentions)) {
            const member = partnership.members.find((m) => m.id === memberId);
            if (!member || member.id === comment.authorId) continue;
            if (!canRead(member, parsed.document)) continue;
            const reads = await this.deps.reads.reads(member.id, room);
            if (comment.createdAt <= (reads[thread.id] ?? 0)) continue;
            await this.mention(member, partnership, comment);
          }
        }
      }
    }
  }

  private async mention(member: Member, partnership: Partnership, comment: Comment) {
    const account = await this.deps.people.findAccount(member.accountId);
    // Mail goes only to confirmed addresses: a typo's owner gets nothing.
    if (!account?.emailConfirmed) return;
    if (!(await this.deps.reads.claimNotification(member.id, comment.id, 'mention', this.now()))) {
      return;
    }
    const zone = account.timeZone ?? partnership.sides[member.side].timeZone;
    const t = (key: string, values: Record<string, string | number> = {}) =>
      translateEmail(account.language, key, values);
    const author = authorName(partnership, comment.authorId, t);
    await this.deps.mailer.send({
      to: account.email,
      subject: t('mentionSubject', { author, partnership: title(partnership) }),
      text: [
        t('mentionBody', { author, when: formatWhen(comment.createdAt, zone, account.language) }),
        '',
        comment.body,
        '',
        t('open', { link: `${this.deps.publicUrl}/p/${partnership.id}/inbox` }),
        '',
        t('footer'),
      ].join('\n'),
    });
  }

  private async sendDigests(): Promise<void> {
    const now = this.now();
    for (const member of await this.deps.people.listActiveMembers()) {
      const partnership = await this.deps.people.getPartnership(member.partnershipId);
      const account = await this.deps.people.findAccount(member.accountId);
      if (!partnership || !account?.emailConfirmed) continue;
      const zone = account.timeZone ?? partnership.sides[member.side].timeZone;
      if (wallClock(now, zone).hour < this.deps.digestHour) continue;
      if (!(await this.deps.reads.claimDigest(member.id, localDate(now, zone), now))) continue;
      const fresh = await this.unreadForDigest(member, partnership);
      if (fresh.length === 0) continue;
      const t = (key: string, values: Record<string, string | number> = {}) =>
        translateEmail(account.language, key, values);
      await this.deps.mailer.send({
        to: account.email,
        subject: t('digestSubject', { partnership: title(partnership) }),
        text: [
          t('digestIntro', { count: fresh.length }),
          '',
          ...fresh.map(
            (c) =>
              `${authorName(partnership, c.authorId, t)} (${formatWhen(c.createdAt, zone, account.language)}): ${c.body}`,
          ),
          '',
          t('open', { link: `${this.deps.publicUrl}/p/${partnership.id}/inbox` }),
          '',
          t('footer'),
        ].join('\n'),
      });
    }
  }

  /** Unread comments not yet in any digest, claimed for this one. */
  private async unreadForDigest(member: Member, partnership: Partnership): Promise<Comment[]> {
    const fresh: Comment[] = [];
    for (const document of THREAD_DOCUMENTS) {
      if (!canRead(member, document)) continue;
      const room = formatRoomName({ partnershipId: partnership.id, document });
      const threads = await this.deps.registry.withRoom(room, (r) => readThreads(r.doc));
      const reads = await this.deps.reads.reads(member.id, room);
      for (const comment of unreadComments(threads, reads, member.id)) {
        if (await this.deps.reads.claimNotification(member.id, comment.id, 'digest', this.now())) {
          fresh.push(comment);
        }
      }
    }
    return fresh;
  }
}

function canRead(member: Member, document: DocumentName): boolean {
  return permissionFor(member.role, member.side, document) !== 'none';
}

function title(partnership: Partnership): string {
  return `${partnership.sides.A.name} · ${partnership.sides.B.name}`;
}

function formatWhen(at: number, timeZone: string, language: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone,
  }).format(at);
}

/** The calendar date in a zone, e.g. `2026-11-24`: one digest per local day. */
function localDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

/** A comment's author as a mail names them: a former member by their school only. */
function authorName(
  partnership: Partnership,
  memberId: string,
  t: (key: string, values?: Record<string, string | number>) => string,
): string {
  const member = partnership.members.find((m) => m.id === memberId);
  if (member) return member.name;
  const former = partnership.formerMembers.find((m) => m.id === memberId);
  return former ? t('formerMemberOf', { school: partnership.sides[former.side].name }) : '';
}
