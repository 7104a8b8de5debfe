import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { getClauseText, listClauses, removeClause } from '@tandem/shared/doc/agreement';
import { canonicalAgreement, sha256Hex } from '@tandem/shared/doc/canonical';
import { plainText } from '@tandem/shared/doc/fingerprint';
import { P12Signer, PDF } from '@libpdf/core';
import { pdfMaker } from '../src/pdf/fonts';
import { loadOrCreateSeal } from '../src/pdf/seal';
import { CANONICAL_ATTACHMENT } from '../src/pdf/signedAgreement';
import type { TandemServer } from '../src/server';
import { connectClient, startTestServer, synced, tempDataDir, waitFor } from './helpers';
import { type Person, call, join, twoSchools } from './people';

/** Signs `pdf` with a new self-made "Tandem seal" certificate kept in `dir`. */
async function sealWith(pdf: PDF, dir: string): Promise<Buffer> {
  const seal = loadOrCreateSeal(dir, 'Tandem seal');
  const signer = await P12Signer.create(seal.p12, seal.password);
  return Buffer.from((await pdf.sign({ signer, reason: 'forged' })).bytes);
}

/** New pages saying `text`, the genuine file's attachment, and a self-made seal. */
async function forgePdf(genuine: Buffer, text: string): Promise<Buffer> {
  const attachment = (await PDF.load(new Uint8Array(genuine))).attachments.get(
    CANONICAL_ATTACHMENT,
  );
  if (!attachment) throw new Error('the genuine PDF has no attachment');
  const pages = await pdfMaker()
    .createPdf({ content: [text], defaultStyle: { font: 'Noto' } })
    .getBuffer();
  const forged = await PDF.load(new Uint8Array(pages));
  forged.attachments.add(CANONICAL_ATTACHMENT, attachment, { mimeType: 'application/json' });
  return sealWith(await PDF.load(await forged.save()), tempDataDir());
}

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

describe('signing', () => {
  let server: TandemServer;
  let base: string;
  let id: string;
  let coordinatorA: Person;
  let coordinatorB: Person;
  let leaderB: Person;
  let teacherA: Person;

  beforeAll(async () => {
    server = await startTestServer(tempDataDir());
    base = `http://127.0.0.1:${server.port}`;
    ({ id, coordinatorA, coordinatorB } = await twoSchools(base));
    leaderB = await join(base, coordinatorB, id, 'B', 'leader');
    teacherA = await join(base, coordinatorA, id, 'A', 'teacher');
  });
  afterAll(() => server.close());

  const post = (path: string, body: unknown, person: Person) =>
    call(base, 'POST', `/api/partnerships/${id}${path}`, body, person);

  async function openAgreement(person: Person) {
    const doc = new Y.Doc();
    const provider = connectClient(server.port, `${id}/agreement`, person, doc);
    await synced(provider);
    return { doc, provider };
  }

  function write(doc: Y.Doc, lang: string, text: string) {
    const fragment = getClauseText(doc, 'purpose', lang);
    doc.transact(() => {
      fragment.delete(0, fragment.length);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      fragment.insert(0, [p]);
    });
  }

  it('starts only when every clause is aligned and approved, then freezes the text for everyone', async () => {
    const { doc, provider } = await openAgreement(coordinatorA);
    expect((await post('/signing', {}, coordinatorA)).body).toMatchObject({
      error: { code: 'SIGNING_NOT_READY' },
    });
    // A one-clause agreement, written in both languages, aligned and approved by both schools.
    for (const clause of listClauses(doc).slice(1)) removeClause(doc, clause.id);
    // Each school writes its own language's version.
    write(doc, 'en', 'Our schools learn together.');
    const partner = await openAgreement(coordinatorB);
    write(partner.doc, 'zh-Hans', '我们两校共同学习。');
    await waitFor(
      async () => (await post('/agreement/clauses/purpose/align', {}, coordinatorA)).status === 200,
      'aligning',
    );
    expect((await post('/agreement/clauses/purpose/approve', {}, coordinatorA)).status).toBe(200);
    expect((await post('/signing', {}, coordinatorA)).body).toMatchObject({
      error: { code: 'SIGNING_NOT_READY' },
    });
    expect((await post('/agreement/clauses/purpose/approve', {}, leaderB)).status).toBe(200);
    expect((await post('/signing', {}, teacherA)).status).toBe(403);

    const started = await post('/signing', {}, coordinatorA);
    expect(started.status).toBe(201);
    const { hash } = started.body as { hash: string };
    const { sides } = (await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorA))
      .body as PartnershipView;
    // No meeting slot is set, so the moment the model is made does not matter.
    expect(hash).toBe(sha256Hex(canonicalAgreement(doc, sides, Date.now())));
    expect((await post('/signing', {}, coordinatorA)).body).toMatchObject({
      error: { code: 'SIGNING_UNDER_WAY' },
    });
    const view = (await call(base, 'GET', `/api/partnerships/${id}`, undefined, coordinatorB))
      .body as PartnershipView;
    expect(view.documentStatus).toBe('signing');
    expect((await post('/agreement/clauses/purpose/align', {}, coordinatorA)).body).toMatchObject({
      error: { code: 'AGREEMENT_FROZEN' },
    });

    // The open connection was told to reconnect; with its new rights its edits are dropped.
    await waitFor(() => provider.synced, 'the provider to come back');
    write(doc, 'en', 'Changed after freezing.');
    const reader = await openAgreement(coordinatorB);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(plainText(getClauseText(reader.doc, 'purpose', 'en'))).toBe(
      'Our schools learn together.',
    );
    provider.destroy();
    reader.provider.destroy();
    partner.provider.destroy();
  });

  it('takes one signature per side, from that side, on the frozen hash, and records an audit chain', async () => {
    const { hash } = (
      await call(base, 'GET', `/api/partnerships/${id}/signing`, undefined, coordinatorA)
    ).body as { hash: string };
    const signature = {
      name: '刘校长',
      title: '校长',
      typed: '刘校长',
      consent: true,
      hash,
      language: 'zh-Hans',
    };
    const host = await join(base, coordinatorB, id, 'B', 'host-parent');
    expect((await post('/signing/signatures', signature, host)).status).toBe(403);
    expect(
      (await post('/signing/signatures', { ...signature, hash: '0'.repeat(64) }, leaderB)).status,
    ).toBe(409);
    expect(
      (await post('/signing/signatures', { ...signature, typed: undefined }, leaderB)).status,
    ).toBe(400);
    expect((await post('/signing/signatures', signature, leaderB)).status).toBe(201);
    expect((await post('/signing/signatures', signature, coordinatorB)).body).toMatchObject({
      error: { code: 'ALREADY_SIGNED' },
    });
    const signedA = await post(
      '/signing/signatures',
      {
        name: 'Ana Coordinator',
        title: 'Coordinator',
        image: PNG,
        consent: true,
        hash,
        language: 'en',
      },
      coordinatorA,
    );
    expect(signedA.body).toMatchObject({ phase: 'signed' });

    const state = (await call(base, 'GET', `/api/partnerships/${id}/signing`, undefined, teacherA))
      .body as {
      phase: string;
      signatures: { side: string }[];
      isAuditIntact: boolean;
    };
    expect(state.phase).toBe('signed');
    expect(state.signatures.map((s) => s.side)).toEqual(['B', 'A']);
    expect(state.isAuditIntact).toBe(true);

    // The signed PDF, identical for both schools, verifies; a changed byte or an appended
    // update does not pass.
    const download = async (person: Person) => {
      const res = await fetch(`${base}/api/partnerships/${id}/agreement.pdf`, {
        headers: { Cookie: person.cookie },
      });
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    };
    const pdf = await download(coordinatorA);
    expect(pdf.equals(await download(leaderB))).toBe(true);
    const verify = async (bytes: Buffer) =>
      (await (
        await fetch(`${base}/api/verify`, {
          method: 'POST',
          body: new Uint8Array(bytes),
          headers: { 'Content-Type': 'application/pdf' },
        })
      ).json()) as {
        valid: boolean;
        wholeDocumentSigned: boolean;
        hashMatches: boolean;
        parties: { school: string; name: string }[];
      };
    const report = await verify(pdf);
    expect(report).toMatchObject({ valid: true, wholeDocumentSigned: true, hashMatches: true });
    expect(report.parties.map((p) => p.name)).toEqual(['刘校长', 'Ana Coordinator']);
    const tampered = Buffer.from(pdf);
    // One byte inside the signed range (the page content), flipped.
    const at = 2000;
    tampered.writeUInt8((tampered.readUInt8(at) ^ 1) & 0xff, at);
    expect((await verify(tampered)).valid).toBe(false);
    const appended = Buffer.concat([
      pdf,
      Buffer.from('\n1 0 obj\n<< /Extra true >>\nendobj\n%%EOF\n'),
    ]);
    expect(await verify(appended)).toMatchObject({ valid: true, wholeDocumentSigned: false });

    // A forger keeps the real attachment, rewrites the pages and seals the file with a
    // self-made certificate that carries the same name.
    const forged = await forgePdf(pdf, 'School B pays all travel costs of both schools, forever.');
    const forgedReport = await verify(forged);
    expect(forgedReport).toMatchObject({
      valid: false,
      seal: 'unknown-certificate',
      sealedBy: null,
      parties: [],
    });
    // Sealing the genuine file again on top, with the forger's certificate, fails too.
    const resealed = await sealWith(await PDF.load(new Uint8Array(pdf)), tempDataDir());
    expect(await verify(resealed)).toMatchObject({ valid: false, seal: 'unknown-certificate' });
  });

  it('starts an amendment as a new draft, keeping the signed version archived', async () => {
    expect((await post('/amendment', {}, coordinatorB)).status).toBe(200);
    const state = (
      await call(base, 'GET', `/api/partnerships/${id}/signing`, undefined, coordinatorA)
    ).body as {
      phase: string;
      archived: { phase: string }[];
    };
    expect(state.phase).toBe('draft');
    expect(state.archived.map((a) => a.phase)).toEqual(['amended']);
    const { doc, provider } = await openAgreement(coordinatorA);
    write(doc, 'en', 'Amended text.');
    const reader = await openAgreement(coordinatorB);
    await waitFor(
      () => plainText(getClauseText(reader.doc, 'purpose', 'en')) === 'Amended text.',
      'the edit',
    );
    provider.destroy();
    reader.provider.destroy();
  });
});
