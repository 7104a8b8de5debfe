import { useMemo } from 'react';
import type { Side } from '@tandem/shared/people';
import { readSideAnswer, setSideAnswer, sideAnswers } from '@tandem/shared/doc/answers';
import type * as Y from 'yjs';
import { useDocValue } from '../../collab/useDocValue';

interface Props {
  doc: Y.Doc;
  topic: 'goals' | 'expectations';
  side: Side;
  field: string;
  label: string;
  isEditable: boolean;
}

/** A short free-text answer of one side; every keystroke is stored, so nothing is lost. */
export function AnswerField({ doc, topic, side, field, label, isEditable }: Props) {
  const types = useMemo(() => {
    const map = sideAnswers(doc, topic, side);
    return map ? [map] : [];
  }, [doc, topic, side]);
  const value = useDocValue(types, () => {
    const stored = readSideAnswer(doc, topic, side, field);
    return typeof stored === 'string' ? stored : '';
  });
  return (
    <textarea
      dir="auto"
      className="answer"
      rows={2}
      aria-label={label}
      value={value}
      readOnly={!isEditable}
      onChange={(event) => setSideAnswer(doc, topic, side, field, event.target.value)}
    />
  );
}
