import { Navigate, useSearchParams } from 'react-router';
import { get, qs } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { Bars, ShareBar, VolumeChart } from './charts';
import { canReadMonitoring, PressTabs } from './parts';
import type { Dashboard } from './types';

export function DashboardPage() {
  const { me } = useAuth();
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const setFrom = (v: string) => setParams({ ...(v ? { from: v } : {}), ...(to ? { to } : {}) }, { replace: true });
  const setTo = (v: string) => setParams({ ...(from ? { from } : {}), ...(v ? { to: v } : {}) }, { replace: true });
  const { data, error, loading } = useLoad(
    () => (canReadMonitoring(me) ? get<Dashboard>(`/api/press/dashboard${qs({ from, to })}`) : Promise.resolve(null)),
    [from, to],
  );
  if (!canReadMonitoring(me)) return <Navigate to="/press/articles" replace />;
  return (
    <section>
      <h1>{t('press.ui.title')}</h1>
      <PressTabs me={me} />
      <div className="filters">
        <label className="inline">
          {t('press.ui.from')}
          <input type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </label>
        <label className="inline">
          {t('press.ui.to')}
          <input type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </label>
      </div>
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : data && data.articles === 0 ? (
        <Empty>{t('press.ui.no_articles_period')}</Empty>
      ) : (
        data && (
          <div className="press-grid" data-testid="press-dashboard">
            <div className="card">
              <h2>{t('press.ui.volume')}</h2>
              <p>
                <span className="press-figure">{data.articles}</span> {t('press.ui.articles_word')} · {data.stories}{' '}
                {t('press.ui.stories_word')}
              </p>
              <VolumeChart data={data.volume} label={t('press.ui.volume')} />
            </div>
            <div className="card">
              <h2>{t('press.ui.tone_split')}</h2>
              <ShareBar
                label={t('press.ui.tone_split')}
                parts={[
                  { key: 'positive', label: t('press.tone.positive'), value: data.tone.positive, color: '#2e8b57' },
                  { key: 'neutral', label: t('press.tone.neutral'), value: data.tone.neutral, color: '#9aa3ad' },
                  { key: 'negative', label: t('press.tone.negative'), value: data.tone.negative, color: '#c0392b' },
                ]}
              />
              <h2>{t('press.ui.open_cases')}</h2>
              {data.openCases.length ? (
                <Bars rows={data.openCases.map((c) => ({ label: t(`press.case.${c.status}`), value: c.cases }))} />
              ) : (
                <p className="muted">{t('press.ui.no_open_cases')}</p>
              )}
            </div>
            <div className="card">
              <h2>{t('press.ui.top_outlets')}</h2>
              <Bars rows={data.outlets.map((o) => ({ label: o.outlet, value: o.articles }))} />
            </div>
            <div className="card">
              <h2>{t('press.ui.by_language')}</h2>
              <Bars rows={data.languages.map((l) => ({ label: t(`press.lang.${l.language}`), value: l.articles }))} />
              <h2>{t('press.ui.by_country')}</h2>
              <Bars rows={data.countries.map((c) => ({ label: c.country, value: c.articles }))} />
            </div>
          </div>
        )
      )}
    </section>
  );
}
