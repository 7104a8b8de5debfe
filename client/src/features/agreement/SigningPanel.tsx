import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import type { PartnershipView } from '@tandem/shared/api';
import { agreementTypes } from '@tandem/shared/doc/agreement';
import { clauseStates } from '@tandem/shared/doc/clauseStatus';
import { signingStateOf, statusTypes } from '@tandem/shared/doc/status';
import { otherSide } from '@tandem/shared/people';
import { maySign } from '@tandem/shared/permissions';
import { paths } from '../../platform/route';
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
  agreement: Y.Doc;
  status: Y.Doc;
  prompts: PromptState[];
}

/** How many clauses are not yet aligned and approved by both schools (signing waits for all). */
function useClausesToGo(agreement: Y.Doc, status: Y.Doc): number {
  const types = useMemo(
    () => [...agreementTypes(agreement), ...statusTypes(status)],
    [agreement, status],
  );
  return useDocValue(types, () => {
    const clauses = clauseStates(agreement, status);
    if (clauses.length === 0) return 1;
    return clauses.filter((c) => c.status.kind !== 'aligned' || !c.approvals.A || !c.approvals.B)
      .length;
  });
}

const STEPS = ['review', 'confirm', 'sign', 'done'] as const;
type Step = (typeof STEPS)[number];

/** The agreement's own prompts (not the itineraries'): what a signatory confirms having read. */
const isAboutAgreement = (p: PromptState) =>
  p.target.kind === 'clause' || p.target.kind === 'agreement';

/**
 * Guided signing, every step visible to everyone, live: review the agreement as it will be
 * signed, confirm freezing it (a coordinator, told what that means for both schools), sign
 * (each school's signatory), done (download, verify, amend).
 */
export function SigningPanel({ partnership, agreement, status, prompts }: Props) {
  const { t, i18n } = useTranslation('signing');
  const state = useSigningState(status);
  const toGo = useClausesToGo(agreement, status);
  const { you, sides } = partnership;
  const base = `/api/partnerships/${partnership.id}`;
  const [isConfirming, setIsConfirming] = useState(false);
  const view = useSigningView(partnership.id, state.phase);
  const start = useAction(() =>
    api('POST', `${base}/signing`, {}).then(() => setIsConfirming(false)),
  );
  const cancel = useAction(() => api('DELETE', `${base}/signing`).then(() => undefined));
  const amend = useAction(() => api('POST', `${base}/amendment`, {}).then(() => undefined));
  const isCoordinator = you.role === 'coordinator';
  const canSign = maySign(you.role);
  const hasSigned = state.signatures.some((s) => s.side === you.side);
  const blocking = prompts.filter((p) => p.severity === 'blocking' && p.target.kind === 'clause');
  const toConfirm = prompts.filter(
    (p) => !p.dismissed && p.severity !== 'blocking' && isAboutAgreement(p),
  );
  const step: Step =
    state.phase === 'signed'
      ? 'done'
      : state.phase === 'signing'
        ? 'sign'
        : isConfirming
          ? 'confirm'
          : 'review';
  if (state.phase === 'draft' && toGo > 0) {
    // Not ready yet: a quiet entry saying what signing waits for, no button to press.
    return (
      <section className="signing signing-waiting no-print" aria-labelledby="signing-title">
        <h2 id="signing-title" className="side-title">
          {t('phase.draft')}
        </h2>
        <p className="hint">{t('waiting', { count: toGo })}</p>
        <p>
          <a href={paths.agreementPrint(partnership.id)}>{t('review.preview')}</a>
        </p>
      </section>
    );
  }
  const when = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(at);

  return (
    <section
      className="signing card no-print"
      aria-labelledby="signing-title"
      data-phase={state.phase}
    >
      <h2 id="signing-title">{t(`phase.${state.phase}`)}</h2>
      <ol className="signing-steps" aria-label={t('steps.label')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            data-done={i < STEPS.indexOf(step) || step === 'done' ? true : undefined}
          >
            {t(`steps.${s}`)}
          </li>
        ))}
      </ol>
      {step === 'review' && (
        <div className="stack">
          <p>{t('review.intro')}</p>
          <p>
            <a href={paths.agreementPrint(partnership.id)}>{t('review.preview')}</a>
          </p>
          {blocking.length > 0 && (
            <p className="notice">{t('blocked', { count: blocking.length })}</p>
          )}
          {isCoordinator ? (
            <p>
              <button type="button" onClick={() => setIsConfirming(true)}>
                {t('start')}
              </button>
            </p>
          ) : (
            <p className="hint">{t('review.coordinatorStarts')}</p>
          )}
        </div>
      )}
      {step === 'confirm' && (
        <div className="stack confirm-freeze" role="group" aria-labelledby="confirm-freeze">
          <h3 id="confirm-freeze">{t('confirm.title')}</h3>
          <p>{t('confirm.body', { schoolA: sides.A.name, schoolB: sides.B.name })}</p>
          <p className="toolbar">
            <button type="button" disabled={start.isRunning} onClick={() => void start.run()}>
              {t('confirm.go')}
            </button>
            <button type="button" className="secondary" onClick={() => setIsConfirming(false)}>
              {t('confirm.notYet')}
            </button>
          </p>
        </div>
      )}
      {state.phase !== 'draft' && state.hash && (
        <p className="hint">{t('hash', { hash: state.hash.slice(0, 16) })}</p>
      )}
      <ul className="plain-list">
        {state.signatures.map((s) => (
          <li key={s.side}>
            {t('signedBy', {
              school: sides[s.side].name,
              name: s.name,
              title: s.title,
              when: when(s.at),
            })}
          </li>
        ))}
      </ul>
      {step === 'sign' && canSign && !hasSigned && state.hash && (
        <SignatureForm partnership={partnership} hash={state.hash} prompts={toConfirm} />
      )}
      {step === 'sign' && hasSigned && (
        <p role="status">
          {t('signStep.waiting', {
            school: sides[you.side].name,
            other: sides[otherSide(you.side)].name,
          })}
        </p>
      )}
      {step === 'sign' && !canSign && <p className="hint">{t('signStep.bySignatories')}</p>}
      {step === 'sign' && isCoordinator && (
        <button type="button" className="secondary" onClick={() => void cancel.run()}>
          {t('cancel')}
        </button>
      )}
      {step === 'done' && (
        <p className="toolbar">
          <a className="button" href={`${base}/agreement.pdf`} download>
            {t('download')}
          </a>
          <a href="/verify">{t('verify.link')}</a>
        </p>
      )}
      {step === 'done' && isCoordinator && (
        <button type="button" className="secondary" onClick={() => void amend.run()}>
          {t('amend')}
        </button>
      )}
      {step === 'done' && view.isEmailOn && <p className="hint">{t('done.emailed')}</p>}
      <ArchivedAgreements partnershipId={partnership.id} archived={view.archived} />
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

/** What the signing view adds to the live state: the archive, and whether email is on. */
function useSigningView(partnershipId: string, phase: string) {
  const [view, setView] = useState<{ archived: Archived[]; isEmailOn: boolean }>({
    archived: [],
    isEmailOn: false,
  });
  useEffect(() => {
    api<{ archived: Archived[]; isEmailOn: boolean }>(
      'GET',
      `/api/partnerships/${partnershipId}/signing`,
    ).then(
      (answer) =>
        setView({
          archived: answer.archived.filter((a) => a.phase === 'amended'),
          isEmailOn: answer.isEmailOn,
        }),
      () => undefined,
    );
  }, [partnershipId, phase]);
  return view;
}

/** Signed agreements since amended: they stay archived and downloadable, with their date. */
function ArchivedAgreements({
  partnershipId,
  archived,
}: {
  partnershipId: string;
  archived: Archived[];
}) {
  const { t, i18n } = useTranslation('signing');
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
