import type * as Y from 'yjs';
import { type Catalogue, pickUiLanguage } from '../i18n/index';
import { SERVER_RESOURCES } from '../i18n/serverCatalogues';
import { addClause, languagesOf, listClauses, setMeta, updateClauseTexts } from './agreement';
import { TEMPLATE_KINDS, type TemplateKind } from './agreementSchema';
import { createAnswers } from './answers';

/** Bumped when the agreement schema changes shape; stored in `meta`. */
export const SCHEMA_VERSION = 1;

function templateIn(lang: string): Catalogue {
  // A partnership language without a launch catalogue (e.g. German) gets the closest one.
  return SERVER_RESOURCES[pickUiLanguage([lang])].template;
}

function textAt(catalogue: Catalogue, ...path: string[]): string {
  let node: string | Catalogue | undefined = catalogue;
  for (const key of path) node = typeof node === 'object' ? node[key] : undefined;
  return typeof node === 'string' ? node : '';
}

function perLanguage(languages: readonly string[], ...path: string[]): Record<string, string> {
  return Object.fromEntries(languages.map((lang) => [lang, textAt(templateIn(lang), ...path)]));
}

/**
 * Seeds a new agreement: one clause per template kind, titled and with guiding questions in
 * both partnership languages (P1: questions, never boilerplate to accept), and the answer
 * maps. Only the server calls this, once, when the document's first row is stored.
 */
export function seedAgreement(doc: Y.Doc, languages: readonly string[], at: number): void {
  doc.transact(() => {
    setMeta(doc, {
      title: perLanguage(languages, 'title'),
      languages,
      schemaVersion: SCHEMA_VERSION,
    });
    createAnswers(doc);
    for (const kind of TEMPLATE_KINDS) seedClause(doc, languages, kind, at);
  });
}

function seedClause(doc: Y.Doc, languages: readonly string[], kind: TemplateKind, at: number) {
  addClause(doc, {
    // Template clauses are named by their kind: readable in logs and stable across versions.
    id: kind,
    kind,
    title: perLanguage(languages, 'clauses', kind, 'title'),
    guide: perLanguage(languages, 'clauses', kind, 'guide'),
    by: 'template',
    at,
  });
}

/**
 * Follows a change of a school's language: the agreement gets the new language's column, and
 * template clauses get their titles and guiding questions in it. Texts already written stay.
 */
export function adoptLanguages(doc: Y.Doc, languages: readonly string[]): void {
  const current = languagesOf(doc);
  if (current.length === languages.length && current.every((l, i) => l === languages[i])) return;
  doc.transact(() => {
    setMeta(doc, {
      title: perLanguage(languages, 'title'),
      languages,
      schemaVersion: SCHEMA_VERSION,
    });
    for (const clause of listClauses(doc)) {
      if (clause.kind === 'custom') continue;
      const missing = languages.filter((lang) => !clause.title[lang]);
      updateClauseTexts(doc, clause.id, {
        title: perLanguage(missing, 'clauses', clause.kind, 'title'),
        guide: perLanguage(missing, 'clauses', clause.kind, 'guide'),
      });
    }
  });
}
