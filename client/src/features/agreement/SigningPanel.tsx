import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { signingStateOf, statusTypes } from '@tandem/shared/doc/status';
import { maySign } from '@tandem/shared/permissions';
import { api } from '../../platform/api';
import { useDocValue } from '../../collab/useDocValue';
import type { PromptState } from '../../widgets/prompts/usePrompts';
import { ErrorMessage } from '../../platform/ErrorMessage';
import './signing.css';
import { useAction } from '../../ui/useAction';
import { SignatureForm } from './SignatureForm';

/** The live signing state of a partnership's agreement, from the server-written status. */
export function useSigningState(status: Y.Doc) {
  const types = useMemo(() => statusTypes(status), [status]);
  return useDocValue(types, () => signingStateOf(status));
}

interface Props {
  partnership: PartnershipView;
  status: Y.Doc;
  prompts: PromptState[];
}

/** Start, follow and finish signing; every step is visible to everyone, live. */
export function SigningPanel({ partnership, status, prompts }: Props) {
  const { t, i18n } = useTranslation('signing');
  const state = useSigningState(status);
  const { you } = partnership;
  const base = `/api/partnerships/${partnership.id}`;
  const start = useAction(() => api('POST', `${base}/signing`, {}).then(() => undefined));
  const cancel = useAction(() => api('DELETE', `${base}/signing`).then(() => undefined));
  const amend = useAction(() => api('POST', `${base}/amendment`, {}).then(() => undefined));
  const isCoordinator = you.role === 'coordinator';
  const canSign = maySign(you.role);
  const hasSigned = state.signatures.some((s) => s.side === you.side);
  const blocking = prompts.filter((p) => p.severity === 'blocking' && p.target.kind === 'clause');
  const others = prompts.filter((p) => !p.dismissed && p.severity !== 'blocking');
  const when = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }).format(at);

  return (
    <section
      className="signing card no-print"
      aria-labelledby="signing-title"
      data-phase={state.phase}
    >
      <h2 id="signing-title">{t(`phase.${state.phase}`)}</h2>
      {state.phase === 'draft' && isCoordinator && (
        <>
          {blocking.length > 0 && (
            <p className="notice">{t('blocked', { count: blocking.length })}</p>
          )}
          <button type="button" disabled={start.isRunning} onClick={() => void start.run()}>
            {t('start')}
          </button>
        </>
      )}
      {state.phase !== 'draft' && state.hash && (
        <p className="hint">{t('hash', { hash: state.hash.slice(0, 16) })}</p>
      )}
      <ul className="plain-list">
        {state.signatures.map((s) => (
          <li key={s.side}>
            {t('signedBy', {
              school: partnership.sides[s.side].name,
              name: s.name,
              title: s.title,
              when: when(s.at),
            })}
          </li>
        ))}
      </ul>
      {state.phase === 'signing' && canSign && !hasSigned && state.hash && (
        <SignatureForm partnership={partnership} hash={state.hash} promptCount={others.length} />
      )}
      {state.phase === 'signing' && isCoordinator && (
        <button type="button" className="secondary" onClick={() => void cancel.run()}>
          {t('cancel')}
        </button>
      )}
      {state.phase === 'signed' && (
        <p className="toolbar">
          <a className="button" href={`${base}/agreement.pdf`} download>
            {t('download')}
          </a>
          <a href="/verify">{t('verify.link')}</a>
        </p>
      )}
      {state.phase === 'signed' && isCoordinator && (
        <button type="button" className="secondary" onClick={() => void amend.run()}>
          {t('amend')}
        </button>
      )}
      <ArchivedAgreements partnershipId={partnership.id} phase={state.phase} />
      <ErrorMessage error={start.error ?? cancel.error ?? amend.error} />
    </section>
  );
}

interface Archived {
  id: string;
  hash: string;
  signedAt: number | null;
  phase: string;
}

/** Signed agreements since amended: they stay archived and downloadable, with their date. */
function ArchivedAgreements({ partnershipId, phase }: { partnershipId: string; phase: string }) {
  const { t, i18n } = useTranslation('signing');
  const [archived, setArchived] = useState<Archived[]>([]);
  useEffect(() => {
    api<{ archived: Archived[] }>('GET', `/api/partnerships/${partnershipId}/signing`).then(
      (answer) => setArchived(answer.archived.filter((a) => a.phase === 'amended')),
      () => setArchived([]),
    );
  }, [partnershipId, phase]);
  if (archived.length === 0) return null;
  return (
    <details>
      <summary>{t('archived', { count: archived.length })}</summary>
      <ul className="plain-list">
        {archived.map((a) => (
          <li key={a.id}>
            <a href={`/api/partnerships/${partnershipId}/signings/${a.id}.pdf`} download>
              {t('archivedItem', {
                when: a.signedAt
                  ? new Intl.DateTimeFormat(i18n.language, { dateStyle: 'long' }).format(a.signedAt)
                  : '',
                hash: a.hash.slice(0, 12),
              })}
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}
