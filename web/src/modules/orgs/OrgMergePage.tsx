import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { post } from '../../api';
import { ErrorBox, formatDate } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n';
import { ORG_KINDS, ORG_KIND_VALUES, type OrgKind } from '../../../../src/modules/orgs/org-kinds';
import { OrgPicker } from './OrgPicker';
import type { Org } from './types';

/** Merge or rename: the old organisations end the day before, the target is their successor. */
export function OrgMergePage() {
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [sources, setSources] = useState<Org[]>([]);
  const [target, setTarget] = useState<Org | null>(null);
  const [mode, setMode] = useState<'existing' | 'new'>('new');
  const [newName, setNewName] = useState('');
  const [newKind, setNewKind] = useState<OrgKind>('department');
  const [effectiveDate, setDate] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [confirmDialog, confirm] = useConfirm();
  async function submit(e: FormEvent) {
    e.preventDefault();
    const ok = await confirm({
      title: t('orgs.confirm_merge_title', { n: sources.length }),
      points: [
        t('orgs.confirm_merge_end', {
          names: sources.map((s) => s.name).join(', '),
          date: effectiveDate ? formatDate(effectiveDate, lang) : '…',
        }),
        t('orgs.confirm_merge_keep'),
      ],
      confirmLabel: t('orgs.merge'),
    });
    if (!ok) return;
    try {
      const r = await post<{ targetId: string }>('/api/orgs/merge', {
        sourceIds: sources.map((s) => s.id),
        effectiveDate,
        ...(mode === 'existing' ? { targetId: target?.id } : { newTarget: { name: newName, kind: newKind } }),
      });
      navigate(`/orgs/${r.targetId}`);
    } catch (err) {
      setError(err);
    }
  }
  return (
    <section>
      <h1>{t('orgs.merge')}</h1>
      <p className="muted">{t('orgs.merge_help')}</p>
      {confirmDialog}
      <form className="card form" onSubmit={submit}>
        <div>
          <strong>{t('orgs.merge_sources')}</strong>
          <ul>
            {sources.map((s) => (
              <li key={s.id}>
                {s.name}{' '}
                <button type="button" className="link" onClick={() => setSources(sources.filter((x) => x.id !== s.id))}>
                  {t('ui.remove')}
                </button>
              </li>
            ))}
          </ul>
          <OrgPicker
            label={t('orgs.add_source')}
            value={null}
            onChange={(o) => o && setSources([...sources, o])}
            exclude={sources.map((s) => s.id)}
          />
        </div>
        <fieldset>
          <legend>{t('orgs.merge_target')}</legend>
          <label className="inline">
            <input type="radio" checked={mode === 'new'} onChange={() => setMode('new')} /> {t('orgs.merge_new')}
          </label>
          <label className="inline">
            <input type="radio" checked={mode === 'existing'} onChange={() => setMode('existing')} /> {t('orgs.merge_existing')}
          </label>
          {mode === 'new' ? (
            <div className="row">
              <label>
                {t('orgs.name')}
                <input value={newName} onChange={(e) => setNewName(e.target.value)} />
              </label>
              <label>
                {t('orgs.kind')}
                <select value={newKind} onChange={(e) => setNewKind(e.target.value as OrgKind)}>
                  {ORG_KIND_VALUES.map((k) => (
                    <option key={k} value={k}>
                      {ORG_KINDS[k][lang]}
                    </option>
                  ))}
                </select>
              </label>
            </div>
          ) : (
            <OrgPicker label={t('orgs.merge_target')} value={target} onChange={setTarget} exclude={sources.map((s) => s.id)} />
          )}
        </fieldset>
        <label>
          {t('orgs.effective_date')} *
          <input type="date" required value={effectiveDate} onChange={(e) => setDate(e.target.value)} />
        </label>
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" className="primary" disabled={sources.length === 0}>
            {t('orgs.merge_submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
