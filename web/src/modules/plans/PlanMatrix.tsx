import { get } from '../../api';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import type { Matrix } from '../../../../src/modules/plans/plans.answers';

const LETTER = { lead: 'C', advisory: 'T', coordinating: 'P' } as const;

/** Task × organisation: C = chủ trì (lead), T = tham mưu (advisory), P = phối hợp (coordinating). */
export function PlanMatrix({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => get<Matrix>(`/api/plans/${planId}/matrix`), [planId]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return (
    <div>
      <p className="muted small">{t('plans.matrix_legend')}</p>
      <div className="table-wrap matrix-wrap">
        <table className="matrix" data-testid="matrix">
          <thead>
            <tr>
              <th className="sticky">{t('plans.task')}</th>
              {data.columns.map((c) => (
                <th key={c.key} className={`vertical ${c.group ? 'group' : ''}`}>
                  <span>{c.name}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.rows.map((r) => (
              <tr key={r.taskId}>
                <td className="sticky" title={r.title}>
                  <strong>{r.code}</strong> {r.title.length > 50 ? `${r.title.slice(0, 50)}…` : r.title}
                </td>
                {data.columns.map((c) => {
                  const roles = r.cells[c.key] ?? [];
                  return (
                    <td key={c.key} className={`cell ${roles[0] ?? ''}`} title={roles.map((x) => t(`plans.role.${x}`)).join(', ')}>
                      {roles.map((x) => LETTER[x]).join('')}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
