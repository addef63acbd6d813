import { useState } from 'react';
import { useI18n } from '../../i18n';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';
import { carryKind, needsDecision, type CarryItem } from './carry-types';

const ddmmyyyy = (d: string) => `${d.slice(8, 10)}/${d.slice(5, 7)}/${d.slice(0, 4)}`;

/** One change of the review list: what changed and why, the successor steps, the choice, reviewed or not. */
export function CarryItemCard({
  item,
  editable,
  asOf,
  onReview,
}: {
  item: CarryItem;
  editable: boolean;
  asOf?: string;
  onReview(item: CarryItem, body: { reviewed: boolean; orgId?: string }): void;
}) {
  const { t } = useI18n();
  const decide = needsDecision(item);
  const kind = carryKind(item.code);
  const chosen = item.candidates.find((c) => c.orgId === item.chosenOrgId);
  // The body the draft has now: the one chosen, else where the successor steps led.
  const current = item.chosenOrgId ?? item.chain.at(-1)?.to;
  const [pick, setPick] = useState(item.candidates.find((c) => c.orgId === current)?.orgId ?? item.candidates[0]?.orgId ?? '');
  // One step is the message itself; longer chains and several candidates' steps are listed.
  const showChain = item.chain.length > 1;
  const [replacement, setReplacement] = useState<Org | null>(null);
  const canChoose = editable && item.role && item.candidates.length > 1;
  const canReplace = editable && item.role && item.code === 'carry.org_ended';
  const where = item.taskCode ? t('carry.ui.task', { task: item.taskCode }) : t('carry.ui.plan_wide');
  return (
    <li
      tabIndex={0}
      className={`carry-item${decide ? ' needs-decision' : ''}${item.reviewedAt ? ' reviewed' : ''}`}
      data-testid="carry-item"
      data-code={item.code}
      aria-label={`${where}: ${item.message}`}
    >
      <div className="carry-head">
        <span className="badge">{t(`carry.ui.kind.${kind}`)}</span>
        <span className="muted small">
          {where}
          {item.role ? ` · ${t(`carry.ui.role.${item.role}`)}` : ''}
        </span>
        {decide && <span className="badge badge-warn">{t('carry.ui.needs_decision')}</span>}
      </div>
      <p className="carry-message">{item.message}</p>
      {showChain && (
        <ol className="carry-chain small" aria-label={t('carry.ui.chain')}>
          {item.chain.map((s, n) => (
            <li key={n}>
              {t(s.duty && s.duty !== 'all' ? 'carry.ui.step_duty' : 'carry.ui.step', {
                from: s.fromShortName || s.fromName,
                validTo: s.validTo ? ddmmyyyy(s.validTo) : '…',
                to: s.toName,
                duty: s.duty ? t(`duty.${s.duty}`) : '',
              })}
            </li>
          ))}
        </ol>
      )}
      {chosen && <p className="small">{t('carry.ui.chosen', { name: chosen.name })}</p>}
      <div className="carry-actions">
        {canChoose && (
          <>
            <label className="inline">
              {t('carry.ui.choose')}
              <select value={pick} onChange={(e) => setPick(e.target.value)}>
                {item.candidates.map((c) => (
                  <option key={c.orgId} value={c.orgId}>
                    {c.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" disabled={!pick} onClick={() => onReview(item, { reviewed: true, orgId: pick })}>
              {t('carry.ui.choose_button')}
            </button>
          </>
        )}
        {canReplace && (
          <>
            <OrgPicker label={t('carry.ui.replacement')} value={replacement} onChange={setReplacement} validOn={asOf} />
            <button
              type="button"
              disabled={!replacement}
              onClick={() => replacement && onReview(item, { reviewed: true, orgId: replacement.id })}
            >
              {t('carry.ui.choose_button')}
            </button>
          </>
        )}
        <label className="inline">
          <input
            type="checkbox"
            checked={Boolean(item.reviewedAt)}
            disabled={!editable}
            onChange={(e) => onReview(item, { reviewed: e.target.checked })}
          />
          {t('carry.ui.reviewed')}
        </label>
      </div>
    </li>
  );
}
