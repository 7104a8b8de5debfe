import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { stableStringify } from '@tandem/shared/doc/canonical';
import { loadOrCreateSeal } from '../src/pdf/seal';
import { signedAgreementPdf } from '../src/pdf/signedAgreement';

/** Time to render and seal the signed PDF of a 12-clause bilingual agreement (seal cached). */
export async function pdfExportMs(): Promise<number> {
  const seal = loadOrCreateSeal(fs.mkdtempSync(path.join(os.tmpdir(), 'tandem-bench-seal-')));
  const clauses = Array.from({ length: 12 }, (_, i) => ({
    id: `c${i}`,
    kind: 'custom',
    title: { en: `Clause ${i + 1}`, 'zh-Hans': `第${i + 1}条` },
    text: {
      en: 'Both schools share their traditions and learn each other’s language. '.repeat(8),
      'zh-Hans': '两校分享各自的传统，互相学习对方的语言。'.repeat(8),
    },
  }));
  const canonical = stableStringify({
    format: 'tandem-agreement/1',
    languages: ['en', 'zh-Hans'],
    prevailing: 'equal',
    title: { en: 'Agreement', 'zh-Hans': '协议' },
    clauses,
  });
  const input = {
    canonical,
    hash: 'ab'.repeat(32),
    sides: { A: { name: 'A', timeZone: 'UTC' }, B: { name: 'B', timeZone: 'UTC' } },
    signatures: [],
    audit: [],
    names: {},
    signedAt: Date.now(),
  };
  await signedAgreementPdf(input, seal); // warm up: fonts load once per process
  const started = performance.now();
  await signedAgreementPdf(input, seal);
  return performance.now() - started;
}
