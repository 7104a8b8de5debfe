import type { Side } from '../people';
import type { Alignment, Approvals } from './status';

/**
 * A clause's drift status (P10), derived from the fingerprints of its language versions now
 * and when it was last marked aligned:
 * - `empty`: no version has text yet;
 * - `untranslated`: `language` has no text while another version has;
 * - `machine`: `language` still holds machine translation no person has edited or confirmed
 *   (P10), so nobody can mark the clause aligned yet;
 * - `never-aligned`: both have text, nobody has confirmed they match;
 * - `aligned`: both unchanged since they were confirmed;
 * - `outdated`: the other version changed since, so `language` may be outdated;
 * - `both-changed`: both changed since they were confirmed.
 */
export type ClauseStatus =
  | { kind: 'empty' }
  | { kind: 'untranslated'; language: string }
  | { kind: 'machine'; language: string }
  | { kind: 'never-aligned' }
  | { kind: 'aligned' }
  | { kind: 'outdated'; language: string }
  | { kind: 'both-changed' };

/** Current fingerprint per language (`null`: no text). */
export type Fingerprints = Readonly<Record<string, string | null>>;

/** Derives the status of one clause in `languages` (the partnership's, in order). */
export function deriveStatus(
  languages: readonly string[],
  current: Fingerprints,
  alignment: Alignment | undefined,
  machine: readonly string[] = [],
): ClauseStatus {
  const written = languages.filter((lang) => (current[lang] ?? null) !== null);
  if (written.length === 0) return { kind: 'empty' };
  const missing = languages.find((lang) => !written.includes(lang));
  if (missing !== undefined) return { kind: 'untranslated', language: missing };
  const unchecked = languages.find((lang) => machine.includes(lang));
  if (unchecked !== undefined) return { kind: 'machine', language: unchecked };
  if (!alignment) return { kind: 'never-aligned' };
  const changed = languages.filter((lang) => alignment.versions[lang]?.hash !== current[lang]);
  if (changed.length === 0) return { kind: 'aligned' };
  const unchanged = languages.filter((lang) => !changed.includes(lang));
  // With two languages, one changed means the other may now say something else.
  if (unchanged.length === 1 && unchanged[0] !== undefined) {
    return { kind: 'outdated', language: unchanged[0] };
  }
  return { kind: 'both-changed' };
}

/**
 * Which sides' approvals still count: an approval binds the fingerprints it saw, and stops
 * counting once any language version changes.
 */
export function countingApprovals(
  languages: readonly string[],
  current: Fingerprints,
  approvals: Approvals,
): Record<Side, boolean> {
  const counts = (side: Side): boolean => {
    const approval = approvals[side];
    return (
      approval !== undefined &&
      languages.every((lang) => (current[lang] ?? null) === (approval.hashes[lang] ?? null))
    );
  };
  return { A: counts('A'), B: counts('B') };
}
