/** Reporting periods as the home pages read them (GET /api/report-periods). */
export interface PeriodItem {
  id: string;
  title: string;
  deadline: string;
  status: 'open' | 'closed' | string;
  counts: { draft: number; submitted: number; returned: number; accepted: number };
  mine: { reportId: string; status: string } | null;
  owes: boolean | null;
}

/** Today in Việt Nam, YYYY-MM-DD. */
export const vnToday = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Ho_Chi_Minh' });

export const daysFrom = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The open period whose deadline is nearest to today, before or after. */
export function currentPeriod(periods: PeriodItem[], today: string): PeriodItem | null {
  const open = periods.filter((p) => p.status === 'open');
  open.sort((a, b) => Math.abs(daysFrom(today, a.deadline)) - Math.abs(daysFrom(today, b.deadline)));
  return open[0] ?? null;
}

export interface OwedReport {
  period: PeriodItem;
  state: 'due' | 'returned' | 'overdue';
  /** Days left (positive) or overdue (negative). */
  days: number;
  link: string;
}

/** An officer's open periods that still need something from their organisation. */
export function owedReports(periods: PeriodItem[], today: string): OwedReport[] {
  const out: OwedReport[] = [];
  for (const p of periods) {
    if (p.status !== 'open' || !p.owes) continue;
    const status = p.mine?.status ?? 'missing';
    if (status === 'submitted' || status === 'accepted') continue;
    const days = daysFrom(today, p.deadline);
    const state = status === 'returned' ? 'returned' : days < 0 ? 'overdue' : 'due';
    out.push({ period: p, state, days, link: p.mine ? `/reports/r/${p.mine.reportId}` : `/reports/periods/${p.id}` });
  }
  return out.sort((a, b) => a.days - b.days);
}
