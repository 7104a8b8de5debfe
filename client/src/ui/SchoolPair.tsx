import { Trans } from 'react-i18next';

/**
 * "Lincoln High School and 杭州第二中学": each name isolated (`<bdi>`), so a Latin name in an
 * Arabic sentence, or an Arabic one in an English sentence, keeps its own direction.
 */
export function SchoolPair({ schoolA, schoolB }: { schoolA: string; schoolB: string }) {
  return (
    <Trans
      ns="people"
      i18nKey="list.between"
      values={{ schoolA, schoolB }}
      components={{ a: <bdi />, b: <bdi /> }}
    />
  );
}
