import { useState } from 'react';
import { post } from '../../api';
import { ErrorBox } from '../../components/common';
import { useConfirm } from '../../components/ConfirmDialog';
import { useI18n } from '../../i18n';

/** The secretariat's decision on a submitted report: return it with comments, or accept it (locks it). */
export function ReviewPanel({ reportId, onDone }: { reportId: string; onDone(): void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [confirmDialog, confirm] = useConfirm();
  const act = async (action: 'return' | 'accept') => {
    setError(null);
    if (action === 'accept') {
      const ok = await confirm({
        title: t('reports.confirm_accept_title'),
        points: [t('reports.confirm_accept_point')],
        confirmLabel: t('reports.accept'),
      });
      if (!ok) return;
    }
    try {
      await post(`/api/reports/${reportId}/${action}`, action === 'return' ? { comment } : {});
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="card form" data-testid="review">
      <label>
        {t('reports.return_comment')}
        <textarea rows={3} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="actions">
        <button type="button" onClick={() => act('return')} disabled={comment.trim().length < 3}>
          {t('reports.return')}
        </button>
        <button type="button" className="primary" onClick={() => act('accept')}>
          {t('reports.accept')}
        </button>
      </div>
      <ErrorBox error={error} />
      {confirmDialog}
    </div>
  );
}
