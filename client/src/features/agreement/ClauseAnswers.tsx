import { EXPECTATIONS, LIST_KINDS, STAKEHOLDERS } from '@tandem/shared/doc/agreementSchema';
import type { ClauseInfo } from '@tandem/shared/doc/agreement';
import { MeetingSlot } from './MeetingSlot';
import { ParticipantsAnswers } from './ParticipantsAnswers';
import { PrevailingLanguage } from './PrevailingLanguage';
import { ReciprocalList } from './ReciprocalList';
import { SideAnswers } from './SideAnswers';

/** The structured answers that belong to a clause of this kind (shared/README.md `answers`, `lists`). */
export function ClauseAnswers({ clause }: { clause: ClauseInfo }) {
  if (LIST_KINDS.includes(clause.kind)) return <ReciprocalList clauseId={clause.id} />;
  switch (clause.kind) {
    case 'participants':
      return <ParticipantsAnswers />;
    case 'goals':
      return <SideAnswers topic="goals" questions={STAKEHOLDERS} />;
    case 'roles-communication':
      return (
        <>
          <SideAnswers topic="expectations" questions={EXPECTATIONS} />
          <MeetingSlot />
        </>
      );
    case 'language-versions':
      return <PrevailingLanguage />;
    default:
      return null;
  }
}
