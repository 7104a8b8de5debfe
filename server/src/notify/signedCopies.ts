import { translateEmail } from '@tandem/shared/i18n/serverCatalogues';
import type { PeopleStore } from '../storage/PeopleStore';
import type { Signature } from '../storage/SigningStore';
import type { Mailer } from './Mailer';

interface Deps {
  people: PeopleStore;
  mailer: Mailer;
  publicUrl: string;
  log: (message: string, error?: unknown) => void;
}

/**
 * Sends the signed PDF to everyone who signed it and to both schools' coordinators, each in
 * their own language, once per signed agreement (called when the PDF is first stored). A
 * failed send is logged: the PDF stays downloadable from the agreement page.
 */
export async function sendSignedCopies(
  deps: Deps,
  partnershipId: string,
  signatures: readonly Signature[],
  pdf: Uint8Array,
): Promise<void> {
  const partnership = await deps.people.getPartnership(partnershipId);
  if (!partnership) return;
  const signers = new Set(signatures.map((s) => s.memberId));
  const recipients = partnership.members.filter(
    (m) => signers.has(m.id) || m.role === 'coordinator',
  );
  const title = `${partnership.sides.A.name} · ${partnership.sides.B.name}`;
  const sent = new Set<string>();
  for (const member of recipients) {
    const account = await deps.people.findAccount(member.accountId);
    if (!account?.emailConfirmed || sent.has(account.email)) continue;
    sent.add(account.email);
    const t = (key: string, values: Record<string, string | number> = {}) =>
      translateEmail(account.language, key, values);
    await deps.mailer
      .send({
        to: account.email,
        subject: t('signedSubject', { partnership: title }),
        text: [
          t('signedBody', { partnership: title }),
          '',
          t('signedVerify', { link: `${deps.publicUrl}/verify` }),
          '',
          t('footer'),
        ].join('\n'),
        attachments: [
          { filename: 'agreement-signed.pdf', content: pdf, contentType: 'application/pdf' },
        ],
      })
      .catch((error: unknown) => deps.log(`sending the signed PDF to a member failed`, error));
  }
}
