import * as Y from 'yjs';
import { write } from '../../shared/test/reciprocity';
import { listClauses, removeClause } from '@tandem/shared/doc/agreement';
import { connectClient, synced, waitFor } from './helpers';
import { type Person, call } from './people';

/** Replaces one clause's text in one language with a single paragraph. */
export const writeClause = write;

/**
 * Brings a fresh partnership's agreement to signing: one clause in both languages, aligned
 * and approved by both schools, then frozen by side A's coordinator.
 */
export async function freezeAgreement(
  base: string,
  port: number,
  id: string,
  coordinatorA: Person,
  coordinatorB: Person,
): Promise<{ hash: string }> {
  const post = (path: string, person: Person) =>
    call(base, 'POST', `/api/partnerships/${id}${path}`, {}, person);
  const doc = new Y.Doc();
  const provider = connectClient(port, `${id}/agreement`, coordinatorA, doc);
  const partner = connectClient(port, `${id}/agreement`, coordinatorB);
  await Promise.all([synced(provider), synced(partner)]);
  for (const clause of listClauses(doc).slice(1)) removeClause(doc, clause.id);
  // Each school writes its own language's version.
  writeClause(doc, 'purpose', 'en', 'Our schools learn together.');
  writeClause(partner.doc, 'purpose', 'zh-Hans', '我们两校共同学习。');
  await waitFor(
    async () => (await post('/agreement/clauses/purpose/align', coordinatorA)).status === 200,
    'aligning',
  );
  for (const person of [coordinatorA, coordinatorB]) {
    const approved = await post('/agreement/clauses/purpose/approve', person);
    if (approved.status !== 200)
      throw new Error(`approve failed: ${JSON.stringify(approved.body)}`);
  }
  const started = await post('/signing', coordinatorA);
  provider.destroy();
  partner.destroy();
  if (started.status !== 201) throw new Error(`signing failed: ${JSON.stringify(started.body)}`);
  return started.body as { hash: string };
}
