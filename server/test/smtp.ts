import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { waitFor } from './helpers';
import { call, type Person } from './people';

export interface Received {
  to: string;
  raw: string;
}

/** A real SMTP server on port 0 that keeps what it receives. */
export async function startSmtp(): Promise<{
  port: number;
  received: Received[];
  close: () => Promise<void>;
}> {
  const received: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        for (const to of session.envelope.rcptTo) received.push({ to: to.address, raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { port, received, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Decodes what the test needs of a mail: soft line breaks and the encoded subject undone. */
export function readable(raw: string): string {
  const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(raw)?.[1] ?? '';
  const words = [...subject.matchAll(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi)].map(([, kind, text]) =>
    kind?.toUpperCase() === 'B'
      ? Buffer.from(text ?? '', 'base64').toString('utf8')
      : decodeURIComponent((text ?? '').replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
  );
  const body = raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/gi, '%$1');
  let decoded = body;
  try {
    decoded = decodeURIComponent(body.replace(/%(?![0-9A-F]{2})/gi, '%25'));
  } catch {
    // Leave it as it is.
  }
  return `${words.join('')}\n${decoded}`;
}

/** The token of the first `/<path>/<token>` link in a mail, or null. */
export function linkToken(raw: string, path: 'confirm' | 'reset' | 'invite'): string | null {
  return new RegExp(`/${path}/([\\w-]{40,})`).exec(raw.replace(/=\r?\n/g, ''))?.[1] ?? null;
}

/** The mails to `email` that carry a `/<path>/` link. */
export function mailsWithLink(received: Received[], email: string, path: 'confirm' | 'reset') {
  return received.filter((m) => m.to === email && linkToken(m.raw, path) !== null);
}

/** Each person opens the confirmation link mailed to them at sign-up. */
export async function confirmAddresses(
  base: string,
  received: Received[],
  people: Person[],
): Promise<void> {
  for (const person of people) {
    await waitFor(
      () => mailsWithLink(received, person.email, 'confirm').length > 0,
      `the confirmation mail to ${person.email}`,
    );
    const [mail] = mailsWithLink(received, person.email, 'confirm');
    const token = linkToken(mail?.raw ?? '', 'confirm');
    const res = await call(base, 'POST', `/api/email-confirmations/${token}`);
    if (res.status !== 200) throw new Error(`confirming failed: ${JSON.stringify(res.body)}`);
  }
}
