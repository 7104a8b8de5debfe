import { useTranslation } from 'react-i18next';
import type { ThreadFilter } from './ThreadsContext';

const FILTERS: ThreadFilter[] = ['open', 'resolved', 'mine', 'mentions'];

/** Which threads the sidebars show: open, resolved, mine, mentioning me. */
export function ThreadFilters(props: { value: ThreadFilter; onChange: (f: ThreadFilter) => void }) {
  const { t } = useTranslation('comments');
  return (
    <fieldset className="thread-filters">
      <legend>{t('filters.legend')}</legend>
      {FILTERS.map((filter) => (
        <label key={filter}>
          <input
            type="radio"
            name="thread-filter"
            checked={props.value === filter}
            onChange={() => props.onChange(filter)}
          />
          {t(`filters.${filter}`)}
        </label>
      ))}
    </fieldset>
  );
}
