import { useState, type FormEvent } from 'react';
import { del, get, post } from '../../api';
import { Empty, ErrorBox, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';

interface Rule {
  id: string;
  name: string;
  kind: 'article' | 'volume_spike';
  topicId?: string | null;
  tone?: string | null;
  minOutletWeight?: number | null;
  spikeFactor?: number | null;
  spikeWindowHours?: number | null;
  spikeMinCount?: number | null;
  active: boolean;
}

/** The rules that raise alerts: by topic, tone and outlet weight, or on a volume spike. */
export function AlertRules({ canEdit }: { canEdit: boolean }) {
  const { t } = useI18n();
  const { data, error, reload } = useLoad(() => get<{ items: Rule[] }>('/api/press/alert-rules'), []);
  const { data: topics } = useLoad(() => get<{ items: { id: string; name: string }[] }>('/api/press/topics'), []);
  const [form, setForm] = useState({
    name: '',
    kind: 'article',
    topicId: '',
    tone: 'negative',
    minOutletWeight: '',
    spikeFactor: '3',
    spikeWindowHours: '24',
    spikeMinCount: '5',
  });
  const [formError, setFormError] = useState<unknown>(null);
  const topicName = (id?: string | null) => topics?.items.find((x) => x.id === id)?.name ?? t('press.rules.any_topic');
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  async function add(e: FormEvent) {
    e.preventDefault();
    const spike = form.kind === 'volume_spike';
    try {
      await post('/api/press/alert-rules', {
        name: form.name,
        kind: form.kind,
        topicId: form.topicId || null,
        tone: spike ? null : form.tone || null,
        minOutletWeight: !spike && form.minOutletWeight ? Number(form.minOutletWeight) : null,
        ...(spike
          ? {
              spikeFactor: Number(form.spikeFactor),
              spikeWindowHours: Number(form.spikeWindowHours),
              spikeMinCount: Number(form.spikeMinCount),
            }
          : {}),
      });
      setFormError(null);
      setForm({ ...form, name: '' });
      reload();
    } catch (err) {
      setFormError(err);
    }
  }
  return (
    <div className="card" data-testid="alert-rules">
      <h2>{t('press.rules.title')}</h2>
      <ErrorBox error={error} />
      {data && data.items.length === 0 && <Empty>{t('press.rules.empty')}</Empty>}
      <ul>
        {data?.items.map((r) => (
          <li key={r.id}>
            <strong>{r.name}</strong> — {topicName(r.topicId)}
            {r.kind === 'article'
              ? `${r.tone ? ` · ${t(`press.tone.${r.tone}`)}` : ''}${r.minOutletWeight ? ` · ${t('press.rules.weight_at_least', { n: r.minOutletWeight })}` : ''}`
              : ` · ${t('press.rules.spike', { factor: r.spikeFactor, hours: r.spikeWindowHours, min: r.spikeMinCount })}`}
            {canEdit && (
              <>
                {' '}
                <button
                  type="button"
                  className="link"
                  onClick={async () => {
                    await del(`/api/press/alert-rules/${r.id}`);
                    reload();
                  }}
                >
                  {t('ui.delete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {canEdit && (
        <form className="form" onSubmit={add}>
          <div className="row">
            <label>
              {t('press.rules.name')}
              <input required minLength={2} value={form.name} onChange={set('name')} />
            </label>
            <label>
              {t('press.rules.kind')}
              <select value={form.kind} onChange={set('kind')}>
                <option value="article">{t('press.rules.kind_article')}</option>
                <option value="volume_spike">{t('press.rules.kind_spike')}</option>
              </select>
            </label>
            <label>
              {t('press.rules.topic')}
              <select value={form.topicId} onChange={set('topicId')}>
                <option value="">{t('press.rules.any_topic')}</option>
                {topics?.items.map((x) => (
                  <option key={x.id} value={x.id}>
                    {x.name}
                  </option>
                ))}
              </select>
            </label>
          </div>
          {form.kind === 'article' ? (
            <div className="row">
              <label>
                {t('press.rules.tone')}
                <select value={form.tone} onChange={set('tone')}>
                  <option value="">{t('press.rules.any_tone')}</option>
                  {['negative', 'neutral', 'positive'].map((x) => (
                    <option key={x} value={x}>
                      {t(`press.tone.${x}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('press.rules.min_weight')}
                <input type="number" min={1} max={5} value={form.minOutletWeight} onChange={set('minOutletWeight')} />
              </label>
            </div>
          ) : (
            <div className="row">
              <label>
                {t('press.rules.factor')}
                <input type="number" min={1} max={100} step="0.5" value={form.spikeFactor} onChange={set('spikeFactor')} />
              </label>
              <label>
                {t('press.rules.window')}
                <input type="number" min={1} max={168} value={form.spikeWindowHours} onChange={set('spikeWindowHours')} />
              </label>
              <label>
                {t('press.rules.min_count')}
                <input type="number" min={1} value={form.spikeMinCount} onChange={set('spikeMinCount')} />
              </label>
            </div>
          )}
          <ErrorBox error={formError} />
          <div className="actions">
            <button type="submit" className="primary">
              {t('press.rules.add')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
