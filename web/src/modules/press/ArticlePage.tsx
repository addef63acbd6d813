import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { get, post, put } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, formatDateTime, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { isMonitor, PressTabs, ToneBadge, TONES } from './parts';
import type { ArticleDetail, Tone } from './types';

/** One article: sanitised text, matched topics, the words and rules behind its tone. */
export function ArticlePage() {
  const { id } = useParams();
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const { data: a, error, reload } = useLoad(() => get<ArticleDetail>(`/api/press/articles/${id}`), [id]);
  const [actionError, setActionError] = useState<unknown>(null);
  if (error) return <ErrorBox error={error} />;
  if (!a) return <Loading />;
  const setTone = async (tone: Tone) => {
    try {
      await put(`/api/press/articles/${a.id}/tone`, { tone });
      reload();
    } catch (e) {
      setActionError(e);
    }
  };
  const openCase = async () => {
    try {
      const c = await post<{ id: string }>('/api/press/cases', { articleId: a.id });
      navigate(`/press/cases/${c.id}`);
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <section>
      <PressTabs me={me} />
      <div className="page-head">
        <h1>{a.title}</h1>
        {isMonitor(me) && (
          <div className="actions">
            <button type="button" className="primary" onClick={openCase}>
              {t('press.ui.open_case')}
            </button>
          </div>
        )}
      </div>
      <ErrorBox error={actionError} />
      <p className="muted">
        {a.outlet} · {formatDateTime(a.publishedAt, lang)} {a.author ? `· ${a.author}` : ''} · {t(`press.lang.${a.language}`)}{' '}
        {a.country ? `· ${a.country}` : ''}
        {a.url && (
          <>
            {' · '}
            <a href={a.url} target="_blank" rel="noopener noreferrer nofollow">
              {t('press.ui.original')}
            </a>
          </>
        )}
        {a.appearances > 1 && a.storyId && (
          <>
            {' · '}
            <Link to={`/press/articles?storyId=${a.storyId}`}>{t('press.ui.appearances', { n: a.appearances })}</Link>
          </>
        )}
      </p>
      <div className="press-grid">
        <div className="card" data-testid="tone-card">
          <h2>
            {t('press.ui.tone')}: <ToneBadge tone={a.tone.tone} />
          </h2>
          {a.tone.corrected && <p className="small">{t('press.ui.tone_corrected', { scored: t(`press.tone.${a.tone.scored}`) })}</p>}
          <p className="small">{t('press.ui.tone_score', { score: a.tone.score })}</p>
          {a.tone.evidence.length > 0 ? (
            <table className="evidence">
              <thead>
                <tr>
                  <th>{t('press.ui.term')}</th>
                  <th>{t('press.ui.weight')}</th>
                  <th>{t('press.ui.rules')}</th>
                </tr>
              </thead>
              <tbody>
                {a.tone.evidence.map((e, i) => (
                  <tr key={i}>
                    <td>{e.term}</td>
                    <td className={e.weight < 0 ? 'neg' : 'pos'}>{e.weight}</td>
                    <td className="small">{e.modifiers.map((m) => t(`press.rule.${m}`)).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted small">{t('press.ui.no_evidence')}</p>
          )}
          <ul className="small muted">
            {a.tone.rules.map((r, i) => (
              <li key={i}>
                {t(`press.rule.${r.id}`)}: {r.detail}
              </li>
            ))}
          </ul>
          {isMonitor(me) && (
            <div className="actions" role="group" aria-label={t('press.ui.correct_tone')}>
              <span>{t('press.ui.correct_tone')}:</span>
              {TONES.map((x) => (
                <button key={x} type="button" disabled={x === a.tone.tone} onClick={() => setTone(x)}>
                  {t(`press.tone.${x}`)}
                </button>
              ))}
            </div>
          )}
        </div>
        <div className="card">
          <h2>{t('press.ui.topics')}</h2>
          {a.topics.length ? (
            <ul>
              {a.topics.map((tp) => (
                <li key={tp.topicId}>
                  <strong>{tp.name}</strong>: {tp.terms.join(', ')}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{t('press.ui.no_topics')}</p>
          )}
        </div>
      </div>
      {/* The HTML was sanitised on the server (DOMPurify, no scripts, no event handlers). */}
      {a.html ? (
        <div className="card article-body" data-testid="article-body" dangerouslySetInnerHTML={{ __html: a.html }} />
      ) : (
        <div className="card article-body" data-testid="article-body">
          {a.text.split('\n').map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </div>
      )}
    </section>
  );
}
