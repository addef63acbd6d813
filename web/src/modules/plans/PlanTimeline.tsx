import { useState } from 'react';
import { useI18n } from '../../i18n';
import type { Plan } from './types';

/** Tasks on a calendar of the plan's years, by month or by quarter: a bar from start to end. */
export function PlanTimeline({ plan }: { plan: Plan }) {
  const { t } = useI18n();
  const [unit, setUnit] = useState<'month' | 'quarter'>('month');
  const { yearFrom, yearTo } = plan.document;
  const perYear = unit === 'month' ? 12 : 4;
  const slots = Array.from({ length: (yearTo - yearFrom + 1) * perYear }, (_, i) => ({
    year: yearFrom + Math.floor(i / perYear),
    n: (i % perYear) + 1,
  }));
  const slotOf = (iso: string) => {
    const y = Number(iso.slice(0, 4));
    const m = Number(iso.slice(5, 7));
    return (y - yearFrom) * perYear + (unit === 'month' ? m - 1 : Math.floor((m - 1) / 3));
  };
  return (
    <div>
      <div className="filters">
        <label className="inline">
          <input type="radio" checked={unit === 'month'} onChange={() => setUnit('month')} /> {t('plans.by_month')}
        </label>
        <label className="inline">
          <input type="radio" checked={unit === 'quarter'} onChange={() => setUnit('quarter')} /> {t('plans.by_quarter')}
        </label>
      </div>
      <div className="table-wrap">
        <table className="timeline" data-testid="timeline">
          <thead>
            <tr>
              <th>{t('plans.task')}</th>
              {slots.map((s) => (
                <th key={`${s.year}-${s.n}`} className="slot">
                  {unit === 'month' ? `T${s.n}` : `Q${s.n}`}
                  {s.n === 1 && yearTo > yearFrom ? `/${s.year}` : ''}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {plan.tasks.map((task) => {
              const from = task.time.from ? Math.max(0, slotOf(task.time.from)) : null;
              const to = task.time.to ? Math.min(slots.length - 1, slotOf(task.time.to)) : null;
              return (
                <tr key={task.code}>
                  <td className="tl-task">
                    <strong>{task.code}</strong> {task.title.length > 70 ? `${task.title.slice(0, 70)}…` : task.title}
                  </td>
                  {slots.map((_, i) => (
                    <td
                      key={i}
                      className={from !== null && to !== null && i >= from && i <= to ? 'tl-on' : 'tl-off'}
                      title={task.time.label}
                    />
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
