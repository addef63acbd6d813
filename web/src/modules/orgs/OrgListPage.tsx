import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { get, qs } from '../../api';
import { canManageDirectory, useAuth } from '../../auth';
import { Empty, ErrorBox, formatDate, Loading, Pager, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ORG_KINDS, ORG_KIND_VALUES } from '../../../../src/modules/orgs/org-kinds';
import type { Org, Paged } from './types';

/** The directory: search (no diacritics needed), filter by kind and validity date, sort, page. */
export function OrgListPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const kind = params.get('kind') ?? '';
  const validOn = params.get('validOn') ?? '';
  const sort = params.get('sort') ?? 'name';
  const order = params.get('order') ?? 'asc';
  const page = Number(params.get('page') ?? 1);
  const [text, setText] = useState(q);
  const search = useRef<HTMLInputElement>(null);

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
    const h = setTimeout(() => text !== q && set({ q: text }), 250);
    return () => clearTimeout(h);
  }, [text]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === '/' && document.activeElement?.tagName !== 'INPUT') {
        e.preventDefault();
        search.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const { data, error, loading } = useLoad(
    () => get<Paged<Org>>(`/api/orgs${qs({ q, kind, validOn, sort, order, page, pageSize: 25 })}`),
    [q, kind, validOn, sort, order, page],
  );
  const sortBy = (col: string) => set({ sort: col, order: sort === col && order === 'asc' ? 'desc' : 'asc' });
  const arrow = (col: string) => (sort === col ? (order === 'asc' ? ' ▲' : ' ▼') : '');

  return (
    <section>
      <div className="page-head">
        <h1>{t('orgs.title')}</h1>
        <div className="actions">
          <a className="button" href={`/api/orgs/export.xlsx${qs({ q, kind, validOn, sort, order })}`} download>
            {t('orgs.export')}
          </a>
        </div>
        {canManageDirectory(me) && (
          <div className="actions">
            <Link className="button" to="/orgs/merge">
              {t('orgs.merge')}
            </Link>
            <Link className="button primary" to="/orgs/new">
              {t('orgs.new')}
            </Link>
          </div>
        )}
      </div>
      <div className="filters">
        <input
          ref={search}
          type="search"
          placeholder={t('orgs.search_placeholder')}
          aria-label={t('orgs.search_placeholder')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label={t('orgs.kind')} value={kind} onChange={(e) => set({ kind: e.target.value })}>
          <option value="">{t('orgs.all_kinds')}</option>
          {ORG_KIND_VALUES.map((k) => (
            <option key={k} value={k}>
              {ORG_KINDS[k][lang]}
            </option>
          ))}
        </select>
        <label className="inline">
          {t('orgs.valid_on')}
          <input type="date" value={validOn} onChange={(e) => set({ validOn: e.target.value })} />
        </label>
      </div>
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Empty>{t('orgs.empty')}</Empty>
      ) : (
        data && (
          <>
            <div className="table-wrap">
              <table data-testid="org-table">
                <thead>
                  <tr>
                    <th>
                      <button type="button" className="th" onClick={() => sortBy('name')}>
                        {t('orgs.name')}
                        {arrow('name')}
                      </button>
                    </th>
                    <th className="hide-sm">{t('orgs.short_name')}</th>
                    <th>
                      <button type="button" className="th" onClick={() => sortBy('kind')}>
                        {t('orgs.kind')}
                        {arrow('kind')}
                      </button>
                    </th>
                    <th>
                      <button type="button" className="th" onClick={() => sortBy('validTo')}>
                        {t('orgs.validity')}
                        {arrow('validTo')}
                      </button>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((o) => (
                    <tr key={o.id} className={o.validTo && o.validTo < new Date().toISOString().slice(0, 10) ? 'expired' : ''}>
                      <td>
                        <Link to={`/orgs/${o.id}`}>{o.name}</Link>
                        {o.aliases.length > 0 && <div className="muted small">{o.aliases.join(' · ')}</div>}
                      </td>
                      <td className="hide-sm">{o.shortName}</td>
                      <td>{ORG_KINDS[o.kind][lang]}</td>
                      <td className="nowrap">
                        {o.validFrom || o.validTo
                          ? `${formatDate(o.validFrom, lang) || '…'} – ${formatDate(o.validTo, lang) || '…'}`
                          : t('orgs.always_valid')}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager page={data.page} pageSize={data.pageSize} total={data.total} onPage={(p) => set({ page: String(p) })} />
          </>
        )
      )}
    </section>
  );
}
