import { useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { get, post } from '../../api';
import { useAuth } from '../../auth';
import { ErrorBox, formatDate, Loading, useLoad } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n';
import { fullNumber } from '../../../../src/shared/doc-number';
import { OrgPicker } from '../orgs/OrgPicker';
import type { Org } from '../orgs/types';
import { PlanMatrix } from './PlanMatrix';
import { PlanTasks } from './PlanTasks';
import { PlanTimeline } from './PlanTimeline';
import { PlanHeaderForm } from './PlanHeaderForm';
import { CarryForwardAction } from './CarryForwardAction';
import { CarryReview } from './CarryReview';
import type { CarryReviewData } from './carry-types';
import type { Plan } from './types';

const TABS = ['tasks', 'timeline', 'matrix', 'document', 'carry'] as const;

export function PlanPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const { me } = useAuth();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const tab = (params.get('tab') as (typeof TABS)[number]) ?? 'tasks';
  const { data: plan, error, reload } = useLoad(() => get<Plan & { id: string }>(`/api/plans/${id}`), [id]);
  // A plan made from last year's has a review list: its tab shows the count of changes.
  const { data: carry } = useLoad(() => get<CarryReviewData>(`/api/plans/${id}/carry-review`), [id]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [subOrg, setSubOrg] = useState<Org | null>(null);
  const [confirmDialog, confirm] = useConfirm();
  if (error) return <ErrorBox error={error} />;
  if (!plan) return <Loading />;
  const manager = me?.role === 'secretariat' || me?.role === 'admin';
  const ownSub = me?.role === 'officer' && plan.parentPlanId && plan.orgId === me.orgId;
  const editable = plan.status === 'draft' && (manager || Boolean(ownSub));
  const act = async (fn: () => Promise<unknown>) => {
    try {
      setActionError(null);
      await fn();
      reload();
    } catch (err) {
      setActionError(err);
    }
  };
  const status = (s: string) => act(() => post(`/api/plans/${plan.id}/status`, { status: s }));
  const issue = async () => {
    const ok = await confirm({
      title: t('plans.confirm_issue_title'),
      points: [t('plans.confirm_issue_tasks', { n: plan.tasks.length }), t('plans.confirm_issue_lock')],
      confirmLabel: t('plans.issue'),
    });
    if (ok) await status('issued');
  };
  const close = async () => {
    const ok = await confirm({
      title: t('plans.confirm_close_title'),
      points: [t('plans.confirm_close_point')],
      confirmLabel: t('plans.close'),
    });
    if (ok) await status('closed');
  };
  const makeSubPlan = async (orgId: string) => {
    try {
      const r = await post<{ id: string }>(`/api/plans/${plan.id}/sub-plans`, { orgId });
      navigate(`/plans/${r.id}`);
    } catch (err) {
      setActionError(err);
    }
  };
  const d = plan.document;
  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{d.title}</h1>
          <p className="muted">
            <span className={`badge badge-${plan.status}`}>{t(`plans.status.${plan.status}`)}</span>{' '}
            {d.number ? `${t('plans.number')} ${fullNumber(d.number, d.numberCode)} · ` : ''}
            {d.issuedOn ? `${formatDate(d.issuedOn, lang)} · ` : ''}
            {plan.orgName}
            {plan.parentPlanId && (
              <>
                {' · '}
                <Link to={`/plans/${plan.parentPlanId}`}>{t('plans.parent_plan')}</Link>
              </>
            )}
          </p>
        </div>
        <div className="actions">
          <a className="button" href={`/api/plans/${plan.id}/export.docx`} download>
            {t('plans.export_docx')}
          </a>
          <a className="button" href={`/api/plans/${plan.id}/matrix.xlsx`} download>
            {t('plans.export_xlsx')}
          </a>
          {!plan.parentPlanId && (
            <Link className="button" to={`/activities/targets?planId=${plan.id}`}>
              {t('plans.targets_vs_actual')}
            </Link>
          )}
          {plan.status === 'draft' && (manager || me?.role === 'leader' || ownSub) && (
            <button type="button" className="primary" onClick={issue}>
              {t('plans.issue')}
            </button>
          )}
          {plan.status === 'issued' && (manager || me?.role === 'leader') && (
            <button type="button" onClick={close}>
              {t('plans.close')}
            </button>
          )}
          {plan.status !== 'draft' && manager && <CarryForwardAction plan={plan} />}
          {plan.status !== 'draft' && manager && (
            <button type="button" onClick={() => status(plan.status === 'closed' ? 'issued' : 'draft')}>
              {plan.status === 'closed' ? t('plans.reopen') : t('plans.back_to_draft')}
            </button>
          )}
        </div>
      </div>
      <ErrorBox error={actionError} />
      {confirmDialog}
      {!plan.parentPlanId && plan.status !== 'draft' && (me?.role === 'officer' || manager) && (
        <div className="card sub-plan">
          {me?.role === 'officer' ? (
            <button type="button" onClick={() => makeSubPlan(me.orgId!)}>
              {t('plans.make_own_sub_plan')}
            </button>
          ) : (
            <div className="row">
              <OrgPicker label={t('plans.sub_plan_for')} value={subOrg} onChange={setSubOrg} />
              <button type="button" disabled={!subOrg} onClick={() => subOrg && makeSubPlan(subOrg.id)}>
                {t('plans.make_sub_plan')}
              </button>
            </div>
          )}
        </div>
      )}
      <div className="tabs" role="tablist">
        {TABS.filter((x) => x !== 'carry' || carry?.sourcePlanId).map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            aria-selected={tab === x}
            className={tab === x ? 'active' : ''}
            onClick={() => setParams({ tab: x }, { replace: true })}
          >
            {x === 'carry' ? t('carry.ui.tab', { n: carry?.items.length ?? 0 }) : t(`plans.tab.${x}`)}
          </button>
        ))}
      </div>
      {tab === 'tasks' && <PlanTasks plan={plan} editable={editable} onChanged={reload} />}
      {tab === 'timeline' && <PlanTimeline plan={plan} />}
      {tab === 'matrix' && <PlanMatrix planId={plan.id} />}
      {tab === 'carry' && carry?.sourcePlanId && <CarryReview planId={plan.id} editable={editable} onChanged={reload} />}
      {tab === 'document' && editable && (
        <PlanHeaderForm key={plan.version} plan={plan as Plan & { id: string; version: number }} onSaved={reload} />
      )}
      {tab === 'document' && !editable && (
        <div className="card doc">
          <h2>{t('plans.legal_bases_title')}</h2>
          <ul>
            {plan.legalBases.map((b, i) => (
              <li key={i}>{b.text}</li>
            ))}
          </ul>
          <h2>{t('plans.objectives')}</h2>
          <ul>
            {plan.objectives.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
          <h2>{t('plans.requirements')}</h2>
          <ul>
            {plan.requirements.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
          <h2>{t('plans.budget')}</h2>
          <p>{plan.budget.text || '—'}</p>
          <h2>{t('plans.reporting')}</h2>
          <p>
            {t('plans.deadlines')}: {plan.reporting.deadlines.map((x) => `${x.day}/${x.month}`).join(', ') || '—'}
            {plan.reporting.adHoc ? ` · ${t('plans.ad_hoc')}` : ''}
          </p>
          <h2>{t('plans.recipients')}</h2>
          <ul>
            {plan.recipients.map((o, i) => (
              <li key={i}>{o}</li>
            ))}
          </ul>
          <p>
            <strong>{d.signerTitle.join(' / ')}</strong> {d.signer}
          </p>
        </div>
      )}
    </section>
  );
}
