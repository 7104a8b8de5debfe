import { execFileSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { TandemServer } from '../src/server';
import { freezeAgreement } from './agreementFlow';
import { startTestServer, tempDataDir } from './helpers';
import { type Person, call, join, twoSchools } from './people';

const signatureOf = (hash: string, name: string) => ({
  name,
  title: 'Principal',
  typed: name,
  consent: true,
  hash,
  language: 'en',
});

/** Both schools sign, one after the other, as `signers` (a coordinator of each). */
async function signAsBoth(base: string, id: string, hash: string, signers: Person[]) {
  for (const person of signers) {
    await call(
      base,
      'POST',
      `/api/partnerships/${id}/signing/signatures`,
      signatureOf(hash, person.email),
      person,
    );
  }
}

/** Signing holds under concurrent requests and survives a stop before the PDF is stored. */
describe('signing under races and restarts', () => {
  let server: TandemServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function frozenPartnership(dataDir: string) {
    server = await startTestServer(dataDir);
    const base = `http://127.0.0.1:${server.port}`;
    const people = await twoSchools(base);
    const { hash } = await freezeAgreement(
      base,
      server.port,
      people.id,
      people.coordinatorA,
      people.coordinatorB,
    );
    return { base, hash, ...people };
  }

  it('takes one signature per school when two of its signatories sign at the same moment', async () => {
    const { base, id, hash, coordinatorA, coordinatorB } = await frozenPartnership(tempDataDir());
    const leaders = await Promise.all(
      [1, 2, 3].map(() => join(base, coordinatorB, id, 'B', 'leader')),
    );
    const signers: Person[] = [coordinatorB, ...leaders];
    const answers = await Promise.all(
      signers.map((p) =>
        call(
          base,
          'POST',
          `/api/partnerships/${id}/signing/signatures`,
          signatureOf(hash, p.email),
          p,
        ),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(signers.length - 1);
    const signed = await call(
      base,
      'POST',
      `/api/partnerships/${id}/signing/signatures`,
      signatureOf(hash, 'Ana'),
      coordinatorA,
    );
    expect(signed.body).toMatchObject({ phase: 'signed' });
    const state = await call(
      base,
      'GET',
      `/api/partnerships/${id}/signing`,
      undefined,
      coordinatorA,
    );
    expect(state.body).toMatchObject({ phase: 'signed', isAuditIntact: true });
    expect((state.body as { signatures: unknown[] }).signatures).toHaveLength(2);
  });

  it('starts one signing when two coordinators start it at the same moment', async () => {
    const { base, id, coordinatorA } = await frozenPartnership(tempDataDir());
    // Cancel the signing the flow started, then race two starts.
    expect(
      (await call(base, 'DELETE', `/api/partnerships/${id}/signing`, undefined, coordinatorA))
        .status,
    ).toBe(204);
    const answers = await Promise.all(
      [1, 2, 3].map(() => call(base, 'POST', `/api/partnerships/${id}/signing`, {}, coordinatorA)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409, 409]);
  });

  it('renders the signed PDF after a restart when the server stopped before storing it', async () => {
    const dataDir = tempDataDir();
    const { base, id, hash, coordinatorA, coordinatorB } = await frozenPartnership(dataDir);
    await signAsBoth(base, id, hash, [coordinatorA, coordinatorB]);
    await server?.close();
    // What a server killed after committing the second signature leaves behind: signed, no PDF.
    const db = new Database(path.join(dataDir, 'tandem.sqlite'));
    db.prepare('DELETE FROM signed_pdfs').run();
    db.close();

    server = await startTestServer(dataDir);
    const again = `http://127.0.0.1:${server.port}`;
    const pdf = await fetch(`${again}/api/partnerships/${id}/agreement.pdf`, {
      headers: { Cookie: coordinatorA.cookie },
    });
    expect(pdf.status).toBe(200);
    const report = (await (
      await fetch(`${again}/api/verify`, {
        method: 'POST',
        body: new Uint8Array(await pdf.arrayBuffer()),
        headers: { 'Content-Type': 'application/pdf' },
      })
    ).json()) as { valid: boolean; hashMatches: boolean };
    expect(report).toMatchObject({ valid: true, hashMatches: true });
  });

  it('renders a missing signed PDF with the operator command, while the server is stopped', async () => {
    const dataDir = tempDataDir();
    const { base, id, hash, coordinatorA, coordinatorB } = await frozenPartnership(dataDir);
    await signAsBoth(base, id, hash, [coordinatorA, coordinatorB]);
    await server?.close();
    server = null;
    const file = path.join(dataDir, 'tandem.sqlite');
    const db = new Database(file);
    db.prepare('DELETE FROM signed_pdfs').run();
    db.close();
    execFileSync(process.execPath, ['--import', 'tsx', 'server/src/renderMissingPdfs.ts'], {
      cwd: path.resolve(import.meta.dirname, '../..'),
      env: { ...process.env, DATA_DIR: dataDir },
      stdio: 'pipe',
    });
    const after = new Database(file, { readonly: true });
    const stored = after.prepare('SELECT COUNT(*) AS n FROM signed_pdfs').get() as { n: number };
    after.close();
    expect(stored.n).toBe(1);
  });
});
