import { useState } from 'react';
import { post } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';

/** The secretariat's decision on a submitted report: return it with comments, or accept it (locks it). */
export function ReviewPanel({ reportId, onDone }: { reportId: string; onDone(): void }) {
  const { t } = useI18n();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const act = async (action: 'return' | 'accept') => {
    setError(null);
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
    </div>
  );
}
