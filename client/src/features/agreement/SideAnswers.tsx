import { useTranslation } from 'react-i18next';
import { sideAnswers } from '@tandem/shared/doc/answers';
import { SIDES } from '@tandem/shared/people';
import { useAgreementScope } from './AgreementContext';
import { AnswerField } from './AnswerField';

interface Props {
  topic: 'goals' | 'expectations';
  questions: readonly string[];
}

/**
 * One answer per question per school: goals per stakeholder (P6) or expectations (P15). Each
 * school answers for itself; the other's answers sit beside them to compare.
 */
export function SideAnswers({ topic, questions }: Props) {
  const { t } = useTranslation('agreement');
  const { doc, partnership, permission } = useAgreementScope();
  return (
    <table className="answers">
      <caption>{t(`${topic}.caption`)}</caption>
      <thead>
        <tr>
          <td />
          {SIDES.map((side) => (
            <th key={side} scope="col">
              {partnership.sides[side].name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {questions.map((question) => (
          <tr key={question}>
            <th scope="row">{t(`${topic}.${question}`)}</th>
            {SIDES.map((side) => {
              return (
                <td key={side}>
                  {sideAnswers(doc, topic, side) && (
                    <AnswerField
                      doc={doc}
                      topic={topic}
                      side={side}
                      field={question}
                      label={t('answerLabel', {
                        question: t(`${topic}.${question}`),
                        school: partnership.sides[side].name,
                      })}
                      isEditable={permission === 'edit' && side === partnership.you.side}
                    />
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
