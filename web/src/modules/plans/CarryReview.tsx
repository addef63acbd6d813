import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Link } from 'react-router';
import { get, post } from '../../api';
import { Empty, ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { CarryDiff } from './CarryDiff';
import { CarryItemCard } from './CarryItemCard';
import { carryKind, CARRY_KINDS, needsDecision, type CarryItem, type CarryReviewData } from './carry-types';

const STATES = ['all', 'decide', 'open', 'reviewed'] as const;
type State = (typeof STATES)[number];
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();

/**
 * The review list of a plan carried forward from last year's: every change with its reason
 * (successor steps, moved windows, targets, legal bases), those needing a person's decision
 * highlighted, filters, keyboard use (↑/↓ or j/k, Space, /), the choice among successors and
 * the comparison of the two plans as .xlsx.
 */
export function CarryReview({ planId, editable, onChanged }: { planId: string; editable: boolean; onChanged(): void }) {
  const { t, lang } = useI18n();
  const { data, error, reload } = useLoad(() => get<CarryReviewData>(`/api/plans/${planId}/carry-review`), [planId]);
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<string>('all');
  const [state, setState] = useState<State>('all');
  const [actionError, setActionError] = useState<unknown>(null);
  const [diffOpen, setDiffOpen] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const items = useMemo(() => data?.items ?? [], [data]);
  const shown = useMemo(
    () =>
      items.filter(
        (i) =>
          (kind === 'all' || carryKind(i.code) === kind) &&
          (state === 'all' ||
            (state === 'decide' && needsDecision(i)) ||
            (state === 'open' && !i.reviewedAt) ||
            (state === 'reviewed' && Boolean(i.reviewedAt))) &&
          (!q.trim() || fold(`${i.message} ${i.taskCode ?? ''}`).includes(fold(q.trim()))),
      ),
    [items, kind, state, q],
  );
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;

  const act = async (fn: () => Promise<unknown>, planChanged = false) => {
    try {
      setActionError(null);
      await fn();
      reload();
      if (planChanged) onChanged();
    } catch (err) {
      setActionError(err);
    }
  };
  const review = (item: CarryItem, body: { reviewed: boolean; orgId?: string }) =>
    act(() => post(`/api/plans/${planId}/carry-review/${item.id}`, body), Boolean(body.orgId));
  const markShown = () =>
    act(async () => {
      for (const i of shown.filter((x) => !x.reviewedAt && !needsDecision(x)))
        await post(`/api/plans/${planId}/carry-review/${i.id}`, { reviewed: true });
    });

  const rows = () => [...(listRef.current?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [])];
  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target as HTMLElement;
    const typing = /^(INPUT|SELECT|TEXTAREA)$/.test(target.tagName);
    if (e.key === '/' && !typing) {
      e.preventDefault();
      searchRef.current?.focus();
      return;
    }
    if (typing || !listRef.current?.contains(target)) return;
    const all = rows();
    const li = target.closest('li');
    const at = li ? all.indexOf(li as HTMLLIElement) : -1;
    const move = (n: number) => {
      e.preventDefault();
      all[Math.max(0, Math.min(all.length - 1, n))]?.focus();
    };
    if (e.key === 'ArrowDown' || e.key === 'j') move(at + 1);
    else if (e.key === 'ArrowUp' || e.key === 'k') move(at - 1);
    else if (e.key === 'Home') move(0);
    else if (e.key === 'End') move(all.length - 1);
    else if ((e.key === ' ' || e.key === 'x') && target === li && editable) {
      e.preventDefault();
      const item = shown[at];
      if (item) void review(item, { reviewed: !item.reviewedAt });
    }
  };

  const decide = items.filter(needsDecision).length;
  const reviewed = items.filter((i) => i.reviewedAt).length;
  const asOf = items.find((i) => i.code === 'carry.as_of')?.params.iso;
  return (
    <section className="carry-review" onKeyDown={onKey} data-testid="carry-review">
      <div className="page-head">
        <div>
          <h2>{t('carry.ui.title')}</h2>
          <p className="muted" data-testid="carry-summary">
            {t('carry.ui.summary', { total: items.length, decide, reviewed })}
            {data.sourcePlanId && (
              <>
                {' · '}
                <Link to={`/plans/${data.sourcePlanId}`}>{t('carry.ui.source_plan')}</Link>
              </>
            )}
          </p>
        </div>
        <div className="actions">
          <a className="button" href={`/api/plans/${planId}/carry-diff.xlsx?lang=${lang}`} download>
            {t('carry.ui.export')}
          </a>
        </div>
      </div>
      <ErrorBox error={actionError} />
      <details className="card" onToggle={(e) => setDiffOpen(e.currentTarget.open)}>
        <summary>{t('carry.ui.diff')}</summary>
        {diffOpen && <CarryDiff planId={planId} />}
      </details>
      {items.length === 0 ? (
        <Empty>{t('carry.ui.empty')}</Empty>
      ) : (
        <>
          <div className="filters">
            <input
              ref={searchRef}
              type="search"
              placeholder={t('carry.ui.search')}
              aria-label={t('carry.ui.search')}
              aria-keyshortcuts="/"
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <select aria-label={t('carry.ui.kind')} value={kind} onChange={(e) => setKind(e.target.value)}>
              <option value="all">{t('carry.ui.kind.all')}</option>
              {CARRY_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`carry.ui.kind.${k}`)} ({items.filter((i) => carryKind(i.code) === k).length})
                </option>
              ))}
            </select>
            <select aria-label={t('carry.ui.state')} value={state} onChange={(e) => setState(e.target.value as State)}>
              {STATES.map((s) => (
                <option key={s} value={s}>
                  {t(`carry.ui.state.${s}`)}
                </option>
              ))}
            </select>
            {editable && (
              <button type="button" onClick={markShown} disabled={!shown.some((x) => !x.reviewedAt && !needsDecision(x))}>
                {t('carry.ui.mark_shown')}
              </button>
            )}
          </div>
          <p className="small muted">
            {t('carry.ui.shown', { shown: shown.length, total: items.length })} · {t('carry.ui.keys')}
          </p>
          {shown.length === 0 ? (
            <Empty>
              {t('carry.ui.no_match')}{' '}
              <button
                type="button"
                className="link"
                onClick={() => {
                  setQ('');
                  setKind('all');
                  setState('all');
                }}
              >
                {t('carry.ui.clear_filters')}
              </button>
            </Empty>
          ) : (
            <ul className="carry-list" ref={listRef} aria-label={t('carry.ui.title')}>
              {shown.map((i) => (
                <CarryItemCard key={i.id} item={i} editable={editable} asOf={asOf ? String(asOf) : undefined} onReview={review} />
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
