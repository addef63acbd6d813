import { useState } from 'react';
import { Link } from 'react-router';
import { get } from '../../api';
import { ErrorBox, formatDate, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { ActivityNav } from './ActivityNav';

interface Item {
  date: string;
  endDate: string | null;
  type: 'activity' | 'task_deadline' | 'report_deadline' | 'anniversary';
  title: string;
  titleEn?: string;
  activityId?: string;
  taskId?: string;
  planId?: string;
  anniversaryKind?: string;
}
interface Anniversary {
  date: string;
  kind: string;
  vi: string;
  en: string;
  years: number | null;
}
const pad = (n: number) => String(n).padStart(2, '0');

/** A month of events, deadlines and anniversaries, and the year's anniversary list with its source. */
export function CalendarPage() {
  const { t, lang } = useI18n();
  const now = new Date();
  const [month, setMonth] = useState(`${now.getFullYear()}-${pad(now.getMonth() + 1)}`);
  const [y, m] = month.split('-').map(Number);
  const { data, error } = useLoad(() => get<{ items: Item[] }>(`/api/activities/calendar?month=${month}`), [month]);
  const { data: year } = useLoad(
    () => get<{ items: Anniversary[]; source: { vi: string; en: string } }>(`/api/activities/anniversaries?year=${y}`),
    [y],
  );
  const shift = (d: number) => {
    const next = new Date(Date.UTC(y, m - 1 + d, 1));
    setMonth(`${next.getUTCFullYear()}-${pad(next.getUTCMonth() + 1)}`);
  };
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const lead = (new Date(Date.UTC(y, m - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const cells = [...Array(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  const on = (day: number) => {
    const d = `${month}-${pad(day)}`;
    return (data?.items ?? []).filter((i) => (i.endDate ? i.date <= d && i.endDate >= d : i.date === d));
  };
  const label = (i: Item) => {
    const title = lang === 'en' && i.titleEn ? i.titleEn : i.title;
    if (i.type === 'task_deadline') return `${t('activities.cal.task_deadline')}: ${title}`;
    if (i.type === 'report_deadline') return `${t('activities.cal.report_deadline')}: ${title}`;
    return title;
  };
  return (
    <section>
      <h1>{t('activities.calendar_title')}</h1>
      <ActivityNav />
      <div className="filters">
        <button type="button" onClick={() => shift(-1)} aria-label={t('ui.prev')}>
          ‹
        </button>
        <input type="month" aria-label={t('activities.month')} value={month} onChange={(e) => e.target.value && setMonth(e.target.value)} />
        <button type="button" onClick={() => shift(1)} aria-label={t('ui.next')}>
          ›
        </button>
      </div>
      <ErrorBox error={error} />
      <div className="cal" data-testid="calendar">
        {['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'].map((d) => (
          <div key={d} className="cal-head">
            {d}
          </div>
        ))}
        {cells.map((day, i) => (
          <div key={i} className={`cal-day ${day ? '' : 'cal-empty'}`}>
            {day && <div className="cal-num">{day}</div>}
            {day &&
              on(day).map((it, j) => (
                <div key={j} className={`cal-item cal-${it.type}`} title={label(it)}>
                  {it.activityId ? (
                    <Link to={`/activities/${it.activityId}`}>{label(it)}</Link>
                  ) : it.taskId ? (
                    <Link to={`/activities/tasks/${it.taskId}`}>{label(it)}</Link>
                  ) : (
                    label(it)
                  )}
                </div>
              ))}
          </div>
        ))}
      </div>
      <h2>{t('activities.anniversaries_title', { year: y })}</h2>
      {year && (
        <>
          <p className="muted small" data-testid="anniversary-source">
            {year.source[lang]}
          </p>
          <ul data-testid="anniversaries">
            {year.items
              .filter((a) => a.years || a.kind === 'holiday')
              .map((a, i) => (
                <li key={i}>
                  {formatDate(a.date, lang)}: {lang === 'en' ? a.en : a.vi}
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
