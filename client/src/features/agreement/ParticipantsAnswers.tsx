import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import {
  FEASIBILITY,
  type Feasibility,
  PARTICIPANT_GROUPS,
} from '@tandem/shared/doc/agreementSchema';
import {
  committedGroups,
  isCommitted,
  readSideAnswer,
  setCommitted,
  setSideAnswer,
  sideAnswers,
} from '@tandem/shared/doc/answers';
import { SIDES } from '@tandem/shared/people';
import { useAgreementScope } from './AgreementContext';
import { useDocValue } from '../../collab/useDocValue';

function isFeasibility(value: unknown): value is Feasibility {
  return typeof value === 'string' && (FEASIBILITY as readonly string[]).includes(value);
}

/**
 * P2: each school says which groups it can really support, and the agreement says which groups
 * it involves. Only a group both can support should be committed to.
 */
export function ParticipantsAnswers() {
  const { t } = useTranslation('agreement');
  const { doc, partnership, permission } = useAgreementScope();
  const maps = useMemo(
    () => ({
      A: sideAnswers(doc, 'participants', 'A'),
      B: sideAnswers(doc, 'participants', 'B'),
      committed: committedGroups(doc),
    }),
    [doc],
  );
  const types = useMemo(
    () => Object.values(maps).filter((m): m is Y.Map<unknown> => m !== undefined),
    [maps],
  );
  const answers = useDocValue(types, () =>
    PARTICIPANT_GROUPS.map((group) => ({
      group,
      A: readSideAnswer(doc, 'participants', 'A', group),
      B: readSideAnswer(doc, 'participants', 'B', group),
      isCommitted: isCommitted(doc, group),
    })),
  );
  const isEditor = permission === 'edit';

  return (
    <table className="answers">
      <caption>{t('participants.caption')}</caption>
      <thead>
        <tr>
          <td />
          {SIDES.map((side) => (
            <th key={side} scope="col">
              {partnership.sides[side].name}
            </th>
          ))}
          <th scope="col">{t('participants.committed')}</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((row) => (
          <tr key={row.group}>
            <th scope="row">{t(`participants.${row.group}`)}</th>
            {SIDES.map((side) => {
              const value = row[side];
              const label = t('participants.feasibleLabel', {
                group: t(`participants.${row.group}`),
                school: partnership.sides[side].name,
              });
              return (
                <td key={side}>
                  <select
                    aria-label={label}
                    value={isFeasibility(value) ? value : ''}
                    disabled={!isEditor || side !== partnership.you.side}
                    onChange={(event) =>
                      setSideAnswer(doc, 'participants', side, row.group, event.target.value)
                    }
                  >
                    <option value="">{t('participants.unanswered')}</option>
                    {FEASIBILITY.map((f) => (
                      <option key={f} value={f}>
                        {t(`participants.${f}`)}
                      </option>
                    ))}
                  </select>
                </td>
              );
            })}
            <td>
              <input
                type="checkbox"
                aria-label={t('participants.committedLabel', {
                  group: t(`participants.${row.group}`),
                })}
                checked={row.isCommitted}
                disabled={!isEditor}
                onChange={(event) => setCommitted(doc, row.group, event.target.checked)}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
