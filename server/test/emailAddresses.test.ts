import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import type { Account, PartnershipView } from '@tandem/shared/api';
import { startThread } from '@tandem/shared/doc/threads';
import { wallClock } from '@tandem/shared/time';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { call, PASSWORD, type Person, signUp, twoSchools, inboxTotal } from './people';
import { confirmAddresses, linkToken, mailsWithLink, readable, startSmtp } from './smtp';

const me = async (base: string, person: Person) =>
  ((await call(base, 'GET', '/api/me', undefined, person)).body as { account: Account }).account;

/** A zone where it is now between 08:00 and 22:59, so a morning digest is due. */
function zoneInTheDay(): string {
  const zone = ['Asia/Shanghai', 'Europe/London', 'America/New_York', 'Pacific/Kiritimati'].find(
    (z) => {
      const { hour } = wallClock(Date.now(), z);
      return hour >= 8 && hour < 23;
    },
  );
  if (!zone) throw new Error('no zone in its day');
  return zone;
}

describe('confirmed addresses, through a real SMTP server', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let server: TandemServer;
  let base: string;

  beforeAll(async () => {
    smtp = await startSmtp();
    server = await startTestServer(tempDataDir(), {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      notifyEveryMs: 3_600_000,
    });
    base = `http://127.0.0.1:${server.port}`;
  });
  afterAll(async () => {
    vi.useRealTimers();
    await server.close();
    await smtp.close();
  });

  const confirmLinks = (email: string) => mailsWithLink(smtp.received, email, 'confirm');
  const confirm = (token: string | null) =>
    call(base, 'POST', `/api/email-confirmations/${token ?? ''}`);

  it('mails a new account a link in its language that confirms the address once', async () => {
    const rosa = await signUp(base, 'Rosa Prieto', 'es');
    expect((await me(base, rosa)).emailConfirmed).toBe(false);
    await waitFor(() => confirmLinks(rosa.email).length === 1, 'the confirmation mail');
    const mail = readable(confirmLinks(rosa.email)[0]?.raw ?? '');
    expect(mail).toContain('Confirma tu dirección');
    expect(mail).toContain('Hola, Rosa Prieto');
    const token = linkToken(confirmLinks(rosa.email)[0]?.raw ?? '', 'confirm');

    // Opened on a phone that is not signed in: the link alone confirms.
    const done = await confirm(token);
    expect(done).toMatchObject({ status: 200, body: { email: rosa.email } });
    expect((await me(base, rosa)).emailConfirmed).toBe(true);
    const again = await confirm(token);
    expect(again).toMatchObject({ status: 410, body: { error: { code: 'EMAIL_LINK_INVALID' } } });
    const forged = await confirm('x'.repeat(43));
    expect(forged.body).toMatchObject({ error: { code: 'EMAIL_LINK_INVALID' } });
    const resend = await call(base, 'POST', '/api/me/email-confirmation', undefined, rosa);
    expect(resend.body).toMatchObject({ error: { code: 'EMAIL_ALREADY_CONFIRMED' } });
  });

  it('sends the link again on request, and a link expires after three days', async () => {
    const bo = await signUp(base, 'Bo Later');
    expect((await call(base, 'POST', '/api/me/email-confirmation')).status).toBe(401);
    const resent = await call(base, 'POST', '/api/me/email-confirmation', undefined, bo);
    expect(resent).toMatchObject({ status: 202, body: { sentTo: bo.email } });
    await waitFor(() => confirmLinks(bo.email).length === 2, 'the second confirmation mail');
    const token = linkToken(confirmLinks(bo.email)[1]?.raw ?? '', 'confirm');
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3 * 24 * 60 * 60 * 1000 + 60_000 });
    try {
      expect((await confirm(token)).status).toBe(410);
    } finally {
      vi.useRealTimers();
    }
    expect((await me(base, bo)).emailConfirmed).toBe(false);
  });

  it('sends no mention or digest to an unconfirmed address, and sends them once confirmed', async () => {
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    await confirmAddresses(base, smtp.received, [coordinatorA]);
    await call(base, 'PATCH', '/api/me', { timeZone: zoneInTheDay() }, coordinatorB);
    const view = (await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA))
      .body as PartnershipView;
    const writer = view.members.find((m) => m.side === 'A');
    const reader = view.members.find((m) => m.side === 'B');
    if (!writer || !reader) throw new Error('members missing');
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement.threads`, coordinatorA, doc);
    await synced(provider);
    startThread(
      doc,
      { id: 't1', target: { clauseId: 'purpose', lang: 'en' }, anchor: null },
      {
        id: 'c1',
        authorId: writer.id,
        body: '@B is two weeks enough?',
        mentions: [reader.id],
        at: Date.now(),
        timeZone: 'America/Los_Angeles',
      },
    );
    const inboxOfB = () => inboxTotal(base, id, coordinatorB);
    await waitFor(async () => (await inboxOfB()) === 1, 'the comment to be stored');
    const otherMailToB = () =>
      smtp.received.filter((m) => m.to === coordinatorB.email && !linkToken(m.raw, 'confirm'));
    await server.notifier?.tick();
    expect(otherMailToB()).toHaveLength(0);

    await confirmAddresses(base, smtp.received, [coordinatorB]);
    await server.notifier?.tick();
    await waitFor(() => otherMailToB().length > 0, 'the mention once the address is confirmed');
    expect(otherMailToB().map((m) => readable(m.raw))[0]).toContain('two weeks enough');
    provider.destroy();
  });

  it('changes the address only with the password and once the new address confirms', async () => {
    const cy = await signUp(base, 'Cy Mover');
    await confirmAddresses(base, smtp.received, [cy]);
    const other = await signUp(base, 'Someone Else');
    const next = `cy-new-${Date.now()}@school.example`;
    const change = (body: unknown) => call(base, 'POST', '/api/me/email', body, cy);

    const wrong = await change({ email: next, password: 'not the password 123' });
    expect(wrong).toMatchObject({ status: 401, body: { error: { code: 'INVALID_CREDENTIALS' } } });
    const taken = await change({ email: other.email, password: PASSWORD });
    expect(taken).toMatchObject({ status: 409, body: { error: { code: 'EMAIL_TAKEN' } } });
    const same = await change({ email: cy.email.toUpperCase(), password: PASSWORD });
    expect(same.body).toMatchObject({ error: { code: 'EMAIL_UNCHANGED' } });
    const bad = await change({ email: 'not an address', password: PASSWORD });
    expect(bad.status).toBe(400);
    expect(confirmLinks(next)).toHaveLength(0);

    const asked = await change({ email: next, password: PASSWORD });
    expect(asked).toMatchObject({ status: 202, body: { sentTo: next } });
    await waitFor(() => confirmLinks(next).length === 1, 'the link to the new address');
    await waitFor(
      () => smtp.received.some((m) => m.to === cy.email && readable(m.raw).includes(next)),
      'the notice to the old address',
    );
    // Until the link is opened, nothing changes.
    expect((await me(base, cy)).email).toBe(cy.email);
    const signIn = (email: string) =>
      call(base, 'POST', '/api/sessions', { email, password: PASSWORD });
    expect((await signIn(cy.email)).status).toBe(200);

    expect((await confirm(linkToken(confirmLinks(next)[0]?.raw ?? '', 'confirm'))).status).toBe(
      200,
    );
    expect(await me(base, cy)).toMatchObject({ email: next, emailConfirmed: true });
    expect((await signIn(next)).status).toBe(200);
    expect((await signIn(cy.email)).status).toBe(401);
  });

  it('refuses a change whose address someone took before the link was opened', async () => {
    const dee = await signUp(base, 'Dee Slow');
    const next = `dee-new-${Date.now()}@school.example`;
    await call(base, 'POST', '/api/me/email', { email: next, password: PASSWORD }, dee);
    await waitFor(() => confirmLinks(next).length === 1, 'the link to the new address');
    const res = await call(base, 'POST', '/api/accounts', {
      email: next,
      password: PASSWORD,
      name: 'Quick',
      language: 'en',
    });
    expect(res.status).toBe(201);
    const late = await confirm(linkToken(confirmLinks(next)[0]?.raw ?? '', 'confirm'));
    expect(late.body).toMatchObject({ error: { code: 'EMAIL_TAKEN' } });
    expect((await me(base, dee)).email).toBe(dee.email);
  });
});

describe('addresses without email', () => {
  it('works as before: nothing is mailed, a change applies at once, resending says email is off', async () => {
    const server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const eve = await signUp(base, 'Eve Offline');
      expect((await me(base, eve)).emailConfirmed).toBe(false);
      const resend = await call(base, 'POST', '/api/me/email-confirmation', undefined, eve);
      expect(resend).toMatchObject({ status: 503, body: { error: { code: 'EMAIL_OFF' } } });
      const next = `eve-new-${Date.now()}@school.example`;
      const changed = await call(
        base,
        'POST',
        '/api/me/email',
        { email: next, password: PASSWORD },
        eve,
      );
      expect(changed).toMatchObject({ status: 200, body: { account: { email: next } } });
      expect(
        (await call(base, 'POST', '/api/sessions', { email: next, password: PASSWORD })).status,
      ).toBe(200);
    } finally {
      await server.close();
    }
  });
});
