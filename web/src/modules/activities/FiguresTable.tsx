import { Link } from 'react-router';
import { qs } from '../../api';
import { useI18n } from '../../i18n';
import { money, type Figure, type Target } from './types';

/** Indicator figures from the record, each number opening the activities behind it. */
export function FiguresTable({ figures, drill }: { figures: Figure[]; drill: Record<string, string | undefined> }) {
  const { t, lang } = useI18n();
  return (
    <div className="table-wrap">
      <table data-testid="figures">
        <thead>
          <tr>
            <th>{t('activities.indicator')}</th>
            <th>{t('activities.value')}</th>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.code} data-code={f.code}>
              <td>{lang === 'en' ? f.labelEn : f.labelVi}</td>
              <td className="num">
                {f.activityIds.length ? (
                  <Link to={`/activities${qs({ ...drill, indicator: f.code })}`}>{money(f.value, lang)}</Link>
                ) : (
                  money(f.value, lang)
                )}{' '}
                <span className="muted small">{f.unit}</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function TargetStatus({ status }: { status: Target['status'] }) {
  const { t } = useI18n();
  const cls = status === 'met' ? 'badge-issued' : status === 'at_risk' || status === 'missed' ? 'badge-warn' : '';
  return (
    <span className={`badge ${cls}`} data-status={status}>
      {t(`activities.target.${status}`)}
    </span>
  );
}
