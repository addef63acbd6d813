import { Link, useParams } from 'react-router';
import { get } from '../../api';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';
import { FiguresTable, TargetStatus } from './FiguresTable';
import type { Figure, Target } from './types';

interface TaskView {
  task: { id: string; planId: string; code: string; title: string; timeLabel: string | null };
  figures: Figure[];
  targets: Target[];
}

/** A task's figures from the record (with its sub-tasks) and its targets against them. */
export function TaskFiguresPage() {
  const { taskId } = useParams();
  const { t } = useI18n();
  const { data, error } = useLoad(() => get<TaskView>(`/api/activities/tasks/${taskId}/figures`), [taskId]);
  if (error) return <ErrorBox error={error} />;
  if (!data) return <Loading />;
  return (
    <section>
      <div className="page-head">
        <div>
          <h1>
            {data.task.code}. {data.task.title}
          </h1>
          <p className="muted">
            {data.task.timeLabel} · <Link to={`/plans/${data.task.planId}`}>{t('activities.plan')}</Link>
          </p>
        </div>
        <div className="actions">
          <Link className="button" to={`/activities?taskId=${data.task.id}`}>
            {t('activities.task_activities')}
          </Link>
        </div>
      </div>
      {data.targets.length > 0 && (
        <div className="card" data-testid="task-targets">
          <h2>{t('activities.targets_title')}</h2>
          <ul>
            {data.targets.map((x) => (
              <li key={x.targetId}>
                {x.text}: <strong data-testid="target-actual">{x.actual}</strong> / {x.min} <TargetStatus status={x.status} />
              </li>
            ))}
          </ul>
        </div>
      )}
      <h2>{t('activities.figures_title')}</h2>
      <FiguresTable figures={data.figures} drill={{ taskId: data.task.id }} />
    </section>
  );
}
