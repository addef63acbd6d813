import { Link, useSearchParams } from 'react-router';
import { get, qs } from '../../api';
import { useAuth } from '../../auth';
import { Empty, ErrorBox, formatDate, Loading, Pager, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { PressTabs } from './parts';
import type { Case, Paged } from './types';

export const CASE_FLOW = ['new', 'verified', 'drafted', 'approved', 'published', 'closed'] as const;

/** Response cases (an officer sees those of their organisation). */
export function CasesPage() {
  const { me } = useAuth();
  const { t, lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? 1);
  const { data, error, loading } = useLoad(() => get<Paged<Case>>(`/api/press/cases${qs({ status, page, pageSize: 25 })}`), [status, page]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section>
      <h1>{t('press.ui.title')}</h1>
      <PressTabs me={me} />
      <div className="filters">
        <select
          aria-label={t('press.ui.status')}
          value={status}
          onChange={(e) => setParams(e.target.value ? { status: e.target.value } : {})}
        >
          <option value="">{t('press.ui.all_statuses')}</option>
          {CASE_FLOW.map((s) => (
            <option key={s} value={s}>
              {t(`press.case.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorBox error={error} />
      {loading && !data ? (
        <Loading />
      ) : data && data.items.length === 0 ? (
        <Empty>{t('press.ui.no_cases')}</Empty>
      ) : (
        data && (
          <>
            <div className="table-wrap">
              <table data-testid="case-table">
                <thead>
                  <tr>
                    <th>{t('press.ui.case')}</th>
                    <th>{t('press.ui.status')}</th>
                    <th>{t('press.ui.assigned_org')}</th>
                    <th>{t('press.ui.deadline')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((c) => (
                    <tr key={c.id}>
                      <td>
                        <Link to={`/press/cases/${c.id}`}>{c.title}</Link>
                      </td>
                      <td>
                        <span className={`badge ${c.status === 'closed' ? 'badge-closed' : 'badge-draft'}`}>
                          {t(`press.case.${c.status}`)}
                        </span>
                      </td>
                      <td>{c.orgName ?? '—'}</td>
                      <td className={c.deadline && c.deadline < today && c.status !== 'closed' ? 'warn nowrap' : 'nowrap'}>
                        {formatDate(c.deadline, lang) || '—'}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <Pager
              page={data.page}
              pageSize={data.pageSize}
              total={data.total}
              onPage={(p) => setParams({ ...(status ? { status } : {}), page: String(p) })}
            />
          </>
        )
      )}
    </section>
  );
}
