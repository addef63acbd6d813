import { get } from '../../api';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';

interface Side {
  lead: string[];
  advisory: string[];
  coordinating: string[];
  time: string;
  targets: string[];
}
interface Diff {
  from: { id: string; title: string; yearFrom: number };
  to: { id: string; title: string; yearFrom: number };
  rows: { code: string; title: string; old: Side | null; new: Side | null; changed: boolean }[];
}
const FIELDS = ['lead', 'advisory', 'coordinating', 'time', 'targets'] as const;
const text = (side: Side | null, f: (typeof FIELDS)[number]) => {
  if (!side) return '—';
  const v = side[f];
  return (Array.isArray(v) ? v.join('; ') : v) || '—';
};

/** Last year's plan beside this one, the changed fields of each task (the same rows as the .xlsx). */
export function CarryDiff({ planId }: { planId: string }) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => get<Diff>(`/api/plans/${planId}/carry-diff`), [planId]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  const lines = data.rows.flatMap((r) => FIELDS.filter((f) => text(r.old, f) !== text(r.new, f)).map((f) => ({ row: r, field: f })));
  return (
    <div className="table-wrap">
      <table data-testid="carry-diff">
        <thead>
          <tr>
            <th>{t('carry.diff_code')}</th>
            <th>{t('carry.diff_title')}</th>
            <th>{t('carry.diff_field')}</th>
            <th>{t('carry.diff_old', { year: data.from.yearFrom })}</th>
            <th>{t('carry.diff_new', { year: data.to.yearFrom })}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map(({ row, field }) => (
            <tr key={`${row.code}-${field}`}>
              <td>{row.code}</td>
              <td>{row.title}</td>
              <td>{t(`carry.diff_${field}`)}</td>
              <td>{text(row.old, field)}</td>
              <td>{text(row.new, field)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
