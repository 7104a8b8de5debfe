import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { freezeAgreement } from './agreementFlow';
import { startTestServer, tempDataDir, waitFor } from './helpers';
import { call, join, twoSchools } from './people';
import { confirmAddresses, startSmtp } from './smtp';

/** When email is on, everyone who signed and both schools' coordinators get the signed PDF. */
describe('the signed PDF by email', () => {
  let server: TandemServer;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  afterEach(async () => {
    await server.close();
    await smtp.close();
  });

  it('is sent once to the signatories and the coordinators with confirmed addresses, in their language', async () => {
    smtp = await startSmtp();
    server = await startTestServer(tempDataDir(), {
      smtpUrl: `smtp://127.0.0.1:${smtp.port}`,
      notifyEveryMs: 3_600_000,
    });
    const base = `http://127.0.0.1:${server.port}`;
    const { id, coordinatorA, coordinatorB } = await twoSchools(base);
    const leaderA = await join(base, coordinatorA, id, 'A', 'leader');
    const teacherB = await join(base, coordinatorB, id, 'B', 'teacher');
    const newcomer = await join(base, coordinatorB, id, 'B', 'coordinator');
    // Everyone confirms their address but the newcomer, who gets no copy until they do.
    await confirmAddresses(base, smtp.received, [coordinatorA, coordinatorB, leaderA, teacherB]);
    const { hash } = await freezeAgreement(base, server.port, id, coordinatorA, coordinatorB);
    for (const person of [leaderA, coordinatorB]) {
      const signed = await call(
        base,
        'POST',
        `/api/partnerships/${id}/signing/signatures`,
        {
          name: person.email,
          title: 'Principal',
          typed: 'Sign',
          consent: true,
          hash,
          language: 'en',
        },
        person,
      );
      expect(signed.status).toBe(201);
    }
    const pdfsTo = (email: string) =>
      smtp.received.filter(
        (m) => m.to === email && m.raw.includes('filename=agreement-signed.pdf'),
      );
    await waitFor(
      () => [coordinatorA, coordinatorB, leaderA].every((p) => pdfsTo(p.email).length === 1),
      'the signed PDF to reach both coordinators and the signatory',
    );
    expect(pdfsTo(teacherB.email)).toHaveLength(0);
    expect(pdfsTo(newcomer.email)).toHaveLength(0);
    expect(pdfsTo(leaderA.email)[0]?.raw).toContain('application/pdf');
    const view = await call(base, 'GET', `/api/partnerships/${id}/signing`, undefined, leaderA);
    expect(view.body).toMatchObject({ phase: 'signed', isEmailOn: true });
  });
});
