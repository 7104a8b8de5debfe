import { useTranslation } from 'react-i18next';
import type { ClauseInfo } from '@tandem/shared/doc/agreement';
import type { ClauseState } from '@tandem/shared/doc/clauseStatus';
import type { ClauseStatus } from '@tandem/shared/doc/drift';
import { api } from '../../platform/api';
import { languageName } from '../../i18n/languageName';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction } from '../../ui/useAction';
import { useAgreementScope } from './AgreementContext';
import { DriftDiff } from './DriftDiff';

/** The status's label key and its tone (for colour, never the only cue). */
export function describe(status: ClauseStatus): { key: string; tone: 'ok' | 'warn' | 'idle' } {
  switch (status.kind) {
    case 'aligned':
      return { key: 'status.aligned', tone: 'ok' };
    case 'outdated':
      return { key: 'status.outdated', tone: 'warn' };
    case 'both-changed':
      return { key: 'status.bothChanged', tone: 'warn' };
    case 'untranslated':
      return { key: 'status.untranslated', tone: 'warn' };
    case 'machine':
      return { key: 'status.machine', tone: 'warn' };
    case 'never-aligned':
      return { key: 'status.neverAligned', tone: 'idle' };
    case 'empty':
      return { key: 'status.empty', tone: 'idle' };
    default: {
      const never: never = status;
      return never;
    }
  }
}

/**
 * A clause's drift status (P10), live for everyone, with "mark aligned" and "approve". Both go
 * through the server, which fingerprints the texts itself and records them.
 */
export function ClauseDrift({ clause, state }: { clause: ClauseInfo; state: ClauseState }) {
  const { t, i18n } = useTranslation('agreement');
  const { partnership, permission, canApprove } = useAgreementScope();
  const { status, approvals } = state;
  const { key, tone } = describe(status);
  const language = 'language' in status ? languageName(status.language, i18n.language) : '';
  const base = `/api/partnerships/${partnership.id}/agreement/clauses/${clause.id}`;
  const align = useAction(() => api('POST', `${base}/align`, {}).then(() => undefined));
  const approve = useAction(() => api('POST', `${base}/approve`, {}).then(() => undefined));
  const canAlign =
    permission === 'edit' && ['never-aligned', 'outdated', 'both-changed'].includes(status.kind);
  const mySide = partnership.you.side;

  return (
    <div className="drift">
      <span className={`badge badge-${tone}`} role="status" data-status={status.kind}>
        {t(key, { language })}
      </span>
      <span className="approvals">
        {(['A', 'B'] as const).map((side) => (
          <span key={side} data-approved={approvals[side]}>
            {t(approvals[side] ? 'approval.yes' : 'approval.no', {
              school: partnership.sides[side].name,
            })}
          </span>
        ))}
      </span>
      {canAlign && (
        <button type="button" disabled={align.isRunning} onClick={() => void align.run()}>
          {t('align')}
        </button>
      )}
      {canApprove && status.kind === 'aligned' && !approvals[mySide] && (
        <button type="button" disabled={approve.isRunning} onClick={() => void approve.run()}>
          {t('approve', { school: partnership.sides[mySide].name })}
        </button>
      )}
      <ErrorMessage error={align.error ?? approve.error} />
      {(status.kind === 'outdated' || status.kind === 'both-changed') && (
        <DriftDiff clauseId={clause.id} />
      )}
    </div>
  );
}
