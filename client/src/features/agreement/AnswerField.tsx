import { useMemo } from 'react';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/useDocValue';

interface Props {
  map: Y.Map<unknown>;
  field: string;
  label: string;
  isEditable: boolean;
}

/** A short free-text answer kept in a Y.Map; every keystroke is stored, so nothing is lost. */
export function AnswerField({ map, field, label, isEditable }: Props) {
  const types = useMemo(() => [map], [map]);
  const value = useDocValue(types, () => {
    const stored = map.get(field);
    return typeof stored === 'string' ? stored : '';
  });
  return (
    <textarea
      className="answer"
      rows={2}
      aria-label={label}
      value={value}
      readOnly={!isEditable}
      onChange={(event) => map.set(field, event.target.value)}
    />
  );
}
