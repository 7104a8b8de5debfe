import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { startTestServer, tempDataDir, waitFor } from './helpers';
import { call, createPartnership, signUp, twoSchools } from './people';
import { readable, startSmtp } from './smtp';

describe('invitations by email', () => {
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
    await server.close();
    await smtp.close();
  });

  it('mails the invited school’s language, lists the address, and the link works once', async () => {
    const { id, coordinatorA } = await createPartnership(base);
    const address = `wang-${Date.now()}@school.example`;
    const made = await call(
      base,
      'POST',
      `/api/partnerships/${id}/invites`,
      { side: 'B', role: 'coordinator', email: address, maxUses: 5 },
      coordinatorA,
    );
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ email: address, isEmailed: true });
    await waitFor(() => smtp.received.some((m) => m.to === address), 'the invitation');
    const text = readable(smtp.received.find((m) => m.to === address)?.raw ?? '');
    // Side B of the test partnership is the Chinese school: the mail is in Chinese.
    expect(text).toContain('邀请您');
    expect(text).toContain('协调人');
    const token = /\/invite\/([\w-]{20,})/.exec(text)?.[1] ?? '';
    expect(token).not.toBe('');

    const listed = await call(
      base,
      'GET',
      `/api/partnerships/${id}/invites`,
      undefined,
      coordinatorA,
    );
    expect(listed.body).toEqual([expect.objectContaining({ email: address, maxUses: 1 })]);

    const wang = await signUp(base, 'Wang', 'zh-Hans');
    const accepted = await call(base, 'POST', `/api/invites/${token}/accept`, undefined, wang);
    expect(accepted.status).toBe(200);
    const second = await signUp(base, 'Someone else');
    const again = await call(base, 'POST', `/api/invites/${token}/accept`, undefined, second);
    expect(again.status).toBe(410);
  });

  it('refuses an address that is not one', async () => {
    const { id, coordinatorA } = await twoSchools(base);
    const bad = await call(
      base,
      'POST',
      `/api/partnerships/${id}/invites`,
      { side: 'A', role: 'teacher', email: 'not an address' },
      coordinatorA,
    );
    expect(bad.status).toBe(400);
  });
});

describe('invitations by email without SMTP', () => {
  it('says email is off and creates nothing', async () => {
    const server = await startTestServer(tempDataDir());
    const base = `http://127.0.0.1:${server.port}`;
    try {
      const { id, coordinatorA } = await twoSchools(base);
      const refused = await call(
        base,
        'POST',
        `/api/partnerships/${id}/invites`,
        { side: 'A', role: 'teacher', email: 'teacher@school.example' },
        coordinatorA,
      );
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ error: { code: 'EMAIL_OFF' } });
      const listed = await call(
        base,
        'GET',
        `/api/partnerships/${id}/invites`,
        undefined,
        coordinatorA,
      );
      expect(listed.body).toEqual([]);
    } finally {
      await server.close();
    }
  });
});
