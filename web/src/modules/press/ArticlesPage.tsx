import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, qs } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDateTime, Loading, Pager, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { AddArticle } from './AddArticle';
import { Highlighted, isMonitor, LANGS, PressTabs, ToneBadge, TONES } from './parts';
import type { ArticleList, Topic } from './types';

/** Search (no diacritics needed), filters, sort and paging; hits highlighted. */
export function ArticlesPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const get1 = (k: string) => params.get(k) ?? '';
  const [text, setText] = useState(get1('q'));
  const box = useRef<HTMLInputElement>(null);
  const set = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };
  useEffect(() => {
    const h = setTimeout(() => text !== get1('q') && set({ q: text }), 300);
    return () => clearTimeout(h);
  }, [text]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && !['INPUT', 'TEXTAREA', 'SELECT'].includes(document.activeElement?.tagName ?? '')) {
        e.preventDefault();
        box.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  const keys = ['q', 'from', 'to', 'language', 'outlet', 'topicId', 'tone', 'storyId', 'sort', 'page'];
  const query = Object.fromEntries(keys.map((k) => [k, get1(k)]));
  const { data, error, loading, reload } = useLoad(
    () => get<ArticleList>(`/api/press/articles${qs({ ...query, pageSize: 20 })}`),
    [params.toString()],
  );
  const { data: topics } = useLoad(() => get<{ items: Topic[] }>('/api/press/topics'), []);
  const { data: outlets } = useLoad(() => get<{ items: { outlet: string }[] }>('/api/press/outlets'), []);

  return (
    <section>
      <h1>{t('press.ui.title')}</h1>
      <PressTabs me={me} />
      {isMonitor(me) && <AddArticle onAdded={reload} />}
      <div className="filters">
        <input
          ref={box}
          type="search"
          placeholder={t('press.ui.search_placeholder')}
          aria-label={t('press.ui.search_placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <label className="inline">
          {t('press.ui.from')}
          <input type="date" value={query.from} onChange={(e) => set({ from: e.target.value })} />
        </label>
        <label className="inline">
          {t('press.ui.to')}
          <input type="date" value={query.to} onChange={(e) => set({ to: e.target.value })} />
        </label>
        <select aria-label={t('press.ui.language')} value={query.language} onChange={(e) => set({ language: e.target.value })}>
          <option value="">{t('press.ui.all_languages')}</option>
          {LANGS.map((l) => (
            <option key={l} value={l}>
              {t(`press.lang.${l}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('press.ui.tone')} value={query.tone} onChange={(e) => set({ tone: e.target.value })}>
          <option value="">{t('press.ui.all_tones')}</option>
          {TONES.map((x) => (
            <option key={x} value={x}>
              {t(`press.tone.${x}`)}
            </option>
          ))}
        </select>
        <select aria-label={t('press.ui.topic')} value={query.topicId} onChange={(e) => set({ topicId: e.target.value })}>
          <option value="">{t('press.ui.all_topics')}</option>
          {topics?.items.map((x) => (
            <option key={x.id} value={x.id}>
              {x.name}
            </option>
          ))}
        </select>
        <select aria-label={t('press.ui.outlet')} value={query.outlet} onChange={(e) => set({ outlet: e.target.value })}>
          <option value="">{t('press.ui.all_outlets')}</option>
          {outlets?.items.map((o) => (
            <option key={o.outlet} value={o.outlet}>
              {o.outlet}
            </option>
          ))}
        </select>
        <select aria-label={t('press.ui.sort')} value={query.sort || 'date_desc'} onChange={(e) => set({ sort: e.target.value })}>
          <option value="date_desc">{t('press.ui.sort_newest')}</option>
          <option value="date_asc">{t('press.ui.sort_oldest')}</option>
          <option value="relevance">{t('press.ui.sort_relevance')}</option>
        </select>
      </div>
      {query.storyId && (
        <p className="chip">
          {t('press.ui.story_filter')}{' '}
          <button type="button" className="link" onClick={() => set({ storyId: '' })}>
            ×
          </button>
        </p>
      )}
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Empty>{t('press.ui.no_articles')}</Empty>
      ) : (
        data && (
          <>
            <p className="muted small" data-testid="article-total">
              {data.totalCapped ? t('press.ui.more_than', { n: data.total }) : t('press.ui.found', { n: data.total })}
            </p>
            <ul className="press-list" data-testid="article-list">
              {data.items.map((a) => (
                <li key={a.id}>
                  <h3>
                    <Link to={`/press/articles/${a.id}`}>
                      <Highlighted text={a.title} ranges={a.titleHighlights} />
                    </Link>
                  </h3>
                  <div className="small muted">
                    {a.outlet} · {formatDateTime(a.publishedAt, lang)} · {t(`press.lang.${a.language}`)} {a.country ? `· ${a.country}` : ''}{' '}
                    · <ToneBadge tone={a.tone} />
                    {a.appearances > 1 && (
                      <>
                        {' · '}
                        <button type="button" className="link" onClick={() => set({ storyId: a.storyId ?? '' })}>
                          {t('press.ui.appearances', { n: a.appearances })}
                        </button>
                      </>
                    )}
                  </div>
                  <p className="small">
                    <Highlighted text={a.snippet} ranges={a.snippetHighlights} />
                  </p>
                </li>
              ))}
            </ul>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => set({ page: String(p) })} />
          </>
        )
      )}
    </section>
  );
}
