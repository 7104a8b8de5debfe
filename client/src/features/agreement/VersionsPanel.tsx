import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useConfirm } from '../../ui/ConfirmDialog';
import type { VersionView } from '@tandem/shared/api';
import type { AgreementText } from '@tandem/shared/doc/snapshot';
import { useSession } from '../../platform/session';
import { ErrorMessage } from '../../platform/ErrorMessage';
import { useAction, useFormAction } from '../../ui/useAction';
import { useAgreementScope } from './AgreementContext';
import { useVersions } from './useVersions';
import { VersionText } from './VersionText';

/** Kept versions: name the current one, view one, compare two clause by clause, restore one. */
export function VersionsPanel() {
  const { t, i18n } = useTranslation('agreement');
  const { account } = useSession();
  const { partnership, permission } = useAgreementScope();
  const { versions, error, read, keep, restore } = useVersions(partnership.id);
  const [name, setName] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const [shown, setShown] = useState<{ base: AgreementText | null; text: AgreementText } | null>(
    null,
  );
  const save = useFormAction(() => keep(name).then(() => setName('')));
  const open = useAction(async () => {
    const createdAt = (id: string) => versions?.find((v) => v.id === id)?.createdAt ?? 0;
    // Compare the older with the newer, whichever order they were picked in.
    const [older, newer] = [...selected].sort((a, b) => createdAt(a) - createdAt(b));
    if (!older) return;
    const [base, text] = newer
      ? await Promise.all([read(older), read(newer)])
      : [null, await read(older)];
    setShown({ base, text });
  });
  const back = useAction((id: string) => restore(id));
  const { confirm: ask, dialog } = useConfirm();
  const timeZone = account?.timeZone ?? undefined;
  const format = (v: VersionView) =>
    new Intl.DateTimeFormat(i18n.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone,
    }).format(v.createdAt);
  const toggle = (id: string) =>
    setSelected((now) => (now.includes(id) ? now.filter((s) => s !== id) : [...now, id].slice(-2)));

  return (
    <section className="versions no-print" aria-labelledby="versions-title">
      {dialog}
      <h2 id="versions-title">{t('versions.title')}</h2>
      {permission === 'edit' && (
        <form className="inline-form" onSubmit={save.onSubmit}>
          <label>
            {t('versions.name')}
            <input
              dir="auto"
              value={name}
              maxLength={100}
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <button type="submit" disabled={save.isRunning || !name.trim()}>
            {t('versions.keep')}
          </button>
        </form>
      )}
      <ErrorMessage error={error ?? save.error ?? open.error ?? back.error} />
      {versions?.length === 0 && <p className="hint">{t('versions.none')}</p>}
      <ul className="version-list">
        {versions?.map((v) => (
          <li key={v.id}>
            <label>
              <input
                type="checkbox"
                checked={selected.includes(v.id)}
                onChange={() => toggle(v.id)}
              />
              {t(v.createdBy ? 'versions.entryBy' : 'versions.entry', {
                name: v.name ?? t(`versions.kind.${v.kind}`),
                when: format(v),
                by: v.createdBy,
              })}
            </label>
            {permission === 'edit' && (
              <button
                type="button"
                className="secondary"
                disabled={back.isRunning}
                onClick={() => {
                  void ask({
                    message: t('versions.confirmRestore'),
                    confirm: t('versions.restore'),
                  }).then((isConfirmed) => {
                    if (isConfirmed) void back.run(v.id);
                  });
                }}
              >
                {t('versions.restore')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {versions && versions.length > 0 && selected.length < 2 && (
        <p className="hint" id="versions-how">
          {t(selected.length === 0 ? 'versions.pickOne' : 'versions.pickedHint')}
        </p>
      )}
      <button
        type="button"
        disabled={selected.length === 0}
        aria-describedby="versions-how"
        onClick={() => void open.run()}
      >
        {t(selected.length === 2 ? 'versions.compare' : 'versions.view')}
      </button>
      {shown && <VersionText text={shown.text} base={shown.base} />}
    </section>
  );
}
