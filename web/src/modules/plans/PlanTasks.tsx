import { useState } from 'react';
import { del, post, put } from '../../api';
import { ErrorBox } from '../../components/common';
import { useI18n } from '../../i18n';
import { RoleEditor } from './RoleEditor';
import { TaskFields } from './TaskFields';
import { ROLES, type Plan, type Task } from './types';

const blank = (): Task => ({
  code: '',
  parent: null,
  title: '',
  content: [],
  notes: [],
  time: { label: '', from: null, to: null },
  lead: [],
  advisory: [],
  coordinating: [],
  targets: [],
});

/** The task tree: read it, and on a draft edit, add, delete and move tasks (↑ ↓ ← →). */
export function PlanTasks({ plan, editable, onChanged }: { plan: Plan; editable: boolean; onChanged(): void }) {
  const { t } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [draft, setDraft] = useState<Task | null>(null);
  const [error, setError] = useState<unknown>(null);
  const run = async (fn: () => Promise<unknown>) => {
    try {
      setError(null);
      await fn();
      onChanged();
    } catch (err) {
      setError(err);
    }
  };
  const siblings = (task: Task) => plan.tasks.filter((x) => (x.parentId ?? null) === (task.parentId ?? null));
  const move = (task: Task, parentId: string | null, index: number) =>
    run(() => post(`/api/plans/${plan.id}/tasks/${task.id}/move`, { parentId, index }));
  const body = (task: Task) => ({
    title: task.title,
    content: task.content.filter((l) => l.trim()),
    notes: task.notes,
    time: task.time,
    lead: task.lead,
    advisory: task.advisory,
    coordinating: task.coordinating,
    targets: task.targets,
  });

  return (
    <div>
      <ErrorBox error={error} />
      <ol className="task-tree" data-testid="task-tree">
        {plan.tasks.map((task) => {
          const sib = siblings(task);
          const idx = sib.findIndex((x) => x.id === task.id);
          const prev = sib[idx - 1];
          const parent = plan.tasks.find((x) => x.id === task.parentId);
          return (
            <li key={task.id} style={{ marginLeft: `${(task.code.split('.').length - 1) * 1.5}rem` }} className="card task">
              <div className="task-row">
                <div>
                  <strong>{task.code}.</strong> {task.title}
                  <div className="muted small">
                    {task.time.label || '—'}
                    {task.targets.map((x) => ` · ${t('plans.target')}: ≥ ${x.min} (${x.text})`).join('')}
                  </div>
                </div>
                {editable && editing !== task.id && (
                  <div className="actions compact">
                    <button
                      type="button"
                      title={t('plans.move_up')}
                      disabled={idx <= 0}
                      onClick={() => move(task, task.parentId ?? null, idx - 1)}
                    >
                      ↑
                    </button>
                    <button
                      type="button"
                      title={t('plans.move_down')}
                      disabled={idx >= sib.length - 1}
                      onClick={() => move(task, task.parentId ?? null, idx + 1)}
                    >
                      ↓
                    </button>
                    <button
                      type="button"
                      title={t('plans.outdent')}
                      disabled={!parent}
                      onClick={() =>
                        parent && move(task, parent.parentId ?? null, siblings(parent).findIndex((x) => x.id === parent.id) + 1)
                      }
                    >
                      ←
                    </button>
                    <button type="button" title={t('plans.indent')} disabled={!prev} onClick={() => prev && move(task, prev.id!, 1000)}>
                      →
                    </button>
                    <button
                      type="button"
                      onClick={() => {
                        setEditing(task.id!);
                        setDraft(structuredClone(task));
                      }}
                    >
                      {t('ui.edit')}
                    </button>
                    <button
                      type="button"
                      onClick={() =>
                        window.confirm(t('plans.confirm_delete', { code: task.code })) &&
                        run(() => del(`/api/plans/${plan.id}/tasks/${task.id}`))
                      }
                    >
                      {t('ui.delete')}
                    </button>
                  </div>
                )}
              </div>
              {editing === task.id && draft ? (
                <div className="form">
                  <TaskFields task={draft} onChange={setDraft} />
                  <div className="actions">
                    <button type="button" onClick={() => setEditing(null)}>
                      {t('ui.cancel')}
                    </button>
                    <button
                      type="button"
                      className="primary"
                      onClick={() =>
                        run(async () => {
                          await put(`/api/plans/${plan.id}/tasks/${task.id}`, { ...body(draft), version: task.version });
                          setEditing(null);
                        })
                      }
                    >
                      {t('ui.save')}
                    </button>
                  </div>
                </div>
              ) : (
                <>
                  {task.content.length > 0 && (
                    <ul className="content-lines">
                      {task.content.map((l, i) => (
                        <li key={i}>{l}</li>
                      ))}
                    </ul>
                  )}
                  {ROLES.map(
                    (r) =>
                      task[r].length > 0 && (
                        <RoleEditor key={r} label={t(`plans.role.${r}`)} entries={task[r]} onChange={() => undefined} readOnly />
                      ),
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>
      {editable && (
        <div className="card form">
          <h2>{t('plans.add_task')}</h2>
          {editing === 'new' && draft ? (
            <>
              <TaskFields task={draft} onChange={setDraft} />
              <div className="actions">
                <button type="button" onClick={() => setEditing(null)}>
                  {t('ui.cancel')}
                </button>
                <button
                  type="button"
                  className="primary"
                  onClick={() =>
                    run(async () => {
                      await post(`/api/plans/${plan.id}/tasks`, { ...body(draft), parentId: null });
                      setEditing(null);
                    })
                  }
                >
                  {t('ui.save')}
                </button>
              </div>
            </>
          ) : (
            <button
              type="button"
              onClick={() => {
                setEditing('new');
                setDraft(blank());
              }}
            >
              + {t('plans.add_task')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
