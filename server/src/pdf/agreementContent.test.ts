import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { listClauses } from '@tandem/shared/doc/agreement';
import { layoutAgreement } from '@tandem/shared/doc/agreementLayout';
import { type AgreementModel, agreementModel } from '@tandem/shared/doc/agreementModel';
import {
  addListItem,
  setCommitted,
  setMeetingField,
  setSideAnswer,
} from '@tandem/shared/doc/answers';
import { canonicalAgreement, sha256Hex } from '@tandem/shared/doc/canonical';
import { seedAgreement } from '@tandem/shared/doc/template';
import { write } from '../../../shared/test/reciprocity';
import { loadOrCreateSeal } from './seal';
import { signedAgreementPdf } from './signedAgreement';

const SCHOOLS = {
  A: { name: 'Lincoln High School', timeZone: 'America/Los_Angeles', language: 'en' },
  B: { name: '杭州第二中学', timeZone: 'Asia/Shanghai', language: 'zh-Hans' },
};

/** An agreement with everything the schools negotiate beyond the clause texts. */
function negotiated(): Y.Doc {
  const doc = new Y.Doc();
  seedAgreement(doc, ['en', 'zh-Hans'], 0);
  write(doc, 'purpose', 'en', 'Our schools learn together.');
  write(doc, 'purpose', 'zh-Hans', '我们两校共同学习。');
  const cultural = listClauses(doc).find((c) => c.kind === 'cultural-exchange');
  if (!cultural) throw new Error('no cultural-exchange clause');
  addListItem(doc, cultural.id, 'A', {
    id: 'a1',
    lang: 'en',
    text: 'Thanksgiving dinner',
    by: 'm1',
  });
  addListItem(doc, cultural.id, 'B', { id: 'b1', lang: 'zh-Hans', text: '包饺子', by: 'm2' });
  setCommitted(doc, 'students', true);
  setSideAnswer(doc, 'participants', 'A', 'students', 'feasible');
  setSideAnswer(doc, 'participants', 'B', 'students', 'unsure');
  setSideAnswer(doc, 'goals', 'A', 'students', 'Speak Mandarin with confidence');
  setSideAnswer(doc, 'goals', 'B', 'teachers', '交流项目式教学');
  setSideAnswer(doc, 'expectations', 'A', 'internet', 'Wi-Fi in every classroom');
  setMeetingField(doc, 'week', 'second', 'America/Los_Angeles');
  setMeetingField(doc, 'weekday', 2, 'America/Los_Angeles');
  setMeetingField(doc, 'time', '17:00', 'America/Los_Angeles');
  return doc;
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('the signed agreement holds everything agreed', () => {
  const at = Date.UTC(2026, 11, 1);

  it('puts lists, participants, goals, expectations and the meeting in the canonical form', () => {
    const model = agreementModel(negotiated(), SCHOOLS, at);
    const cultural = model.clauses.find((c) => c.kind === 'cultural-exchange');
    expect(cultural?.lists).toEqual({
      A: [{ en: 'Thanksgiving dinner' }],
      B: [{ 'zh-Hans': '包饺子' }],
    });
    const participants = model.clauses.find((c) => c.kind === 'participants')?.participants;
    expect(participants?.[0]).toEqual({
      group: 'students',
      committed: true,
      feasibility: { A: 'feasible', B: 'unsure' },
    });
    // The second Tuesday of December 2026, 17:00 in Portland, is Wednesday 09:00 in Hangzhou.
    expect(model.meeting?.next).toEqual({ A: '2026-12-08 17:00', B: '2026-12-09 09:00' });
    const canonical = canonicalAgreement(negotiated(), SCHOOLS, at);
    expect(JSON.parse(canonical)).toEqual(JSON.parse(JSON.stringify(model)));
    expect(sha256Hex(canonical)).toBe(sha256Hex(canonicalAgreement(negotiated(), SCHOOLS, at)));
  });

  it('prints in the PDF the same text as the preview, in both languages', async () => {
    const canonical = canonicalAgreement(negotiated(), SCHOOLS, at);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-content-'));
    const file = path.join(dir, 'signed.pdf');
    const bytes = await signedAgreementPdf(
      {
        canonical,
        hash: sha256Hex(canonical),
        sides: SCHOOLS,
        signatures: [],
        audit: [],
        names: {},
        signedAt: at,
      },
      loadOrCreateSeal(dir),
    );
    fs.writeFileSync(file, bytes);
    const printed = squeeze(execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString());
    for (const expected of [
      'Thanksgiving dinner',
      '包饺子',
      'Shared by Lincoln High School / Lincoln High School 将分享',
      'Speak Mandarin with confidence',
      '交流项目式教学',
      'Wi-Fi in every classroom',
      'Feasible / 可行',
      'Lincoln High School: 2026-12-08 17:00',
      '杭州第二中学: 2026-12-09 09:00',
      'Asia/Shanghai',
    ]) {
      expect(printed).toContain(squeeze(expected));
    }
    // Every word of the preview (it draws the same layout) is in the PDF.
    const layout = layoutAgreement(JSON.parse(canonical) as AgreementModel);
    for (const block of layout.flatMap((c) => c.blocks)) {
      const words =
        block.kind === 'heading' || block.kind === 'label'
          ? [block.text]
          : block.kind === 'text'
            ? block.paragraphs
            : block.kind === 'items'
              ? [block.label, ...block.items.map((i) => i.map((w) => w.text).join(' / '))]
              : block.rows.flat();
      // Word by word: a table cell that wraps is extracted around its neighbours.
      for (const word of words.flatMap((text) => text.split(/\s+/))) {
        expect(printed).toContain(word);
      }
    }
  });
});
