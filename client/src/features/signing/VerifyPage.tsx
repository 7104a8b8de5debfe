import { type ChangeEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isErrorBody } from '@tandem/shared/errors';
import { ApiError } from '../../platform/api';
import { ErrorMessage } from '../../platform/ErrorMessage';
import './signing.css';

interface Report {
  valid: boolean;
  seal: 'none' | 'trusted' | 'unknown-certificate' | 'invalid';
  wholeDocumentSigned: boolean;
  hashMatches: boolean;
  hash: string | null;
  signedAt: number | null;
  parties: { school: string; name: string; title: string; at: number }[];
}

/** Anyone can check a signed agreement PDF: signatures, whole-file seal, text against the record. */
export function VerifyPage() {
  const { t, i18n } = useTranslation('signing');
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [isChecking, setIsChecking] = useState(false);
  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    setIsChecking(true);
    setError(null);
    setReport(null);
    try {
      const res = await fetch('/api/verify', {
        method: 'POST',
        headers: { 'Content-Type': 'application/pdf' },
        body: file,
      });
      const body: unknown = await res.json().catch(() => null);
      if (!res.ok) {
        if (!isErrorBody(body)) throw new ApiError('INTERNAL', `HTTP ${res.status}`);
        const { code, message, reason } = body.error;
        throw new ApiError(code, message, { reason });
      }
      setReport(body as Report);
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError('NETWORK', String(caught)));
    } finally {
      setIsChecking(false);
    }
  };
  // With the zone: a reader abroad must know which clock a signing time is on.
  const when = (at: number) =>
    new Intl.DateTimeFormat(i18n.language, {
      year: 'numeric',
      month: 'long',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    }).format(at);
  const check = (ok: boolean, yes: string, no: string) => (
    <li className={ok ? 'check-ok' : 'check-fail'}>{t(ok ? yes : no)}</li>
  );
  return (
    <section className="verify stack">
      <h1>{t('verify.title')}</h1>
      <label className="field">
        {t('verify.choose')}
        <input
          type="file"
          accept="application/pdf"
          onChange={(e) => void onFile(e)}
          disabled={isChecking}
        />
      </label>
      <ErrorMessage error={error} />
      {report && (
        <div className="card" role="status">
          <h2>
            {t(
              report.valid && report.wholeDocumentSigned && report.hashMatches
                ? 'verify.allGood'
                : 'verify.problem',
            )}
          </h2>
          <ul className="plain-list">
            {check(
              report.valid,
              'verify.valid',
              report.seal === 'unknown-certificate' ? 'verify.unknownSeal' : 'verify.invalid',
            )}
            {check(report.wholeDocumentSigned, 'verify.whole', 'verify.notWhole')}
            {check(report.hashMatches, 'verify.hash', 'verify.noHash')}
          </ul>
          {report.signedAt !== null && (
            <p>{t('verify.signedAt', { when: when(report.signedAt) })}</p>
          )}
          <ul className="plain-list">
            {report.parties.map((p) => (
              <li key={p.school}>
                {t('verify.party', {
                  school: p.school,
                  name: p.name,
                  title: p.title,
                  when: when(p.at),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
