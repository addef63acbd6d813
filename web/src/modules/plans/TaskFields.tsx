import { useI18n } from '../../i18n';
import { RoleEditor } from './RoleEditor';
import { ROLES, type Task } from './types';

/** Every editable field of a task: title, content lines, time window, roles, targets. */
export function TaskFields({ task, onChange }: { task: Task; onChange(t: Task): void }) {
  const { t } = useI18n();
  const set = (patch: Partial<Task>) => onChange({ ...task, ...patch });
  return (
    <div className="task-fields">
      <label>
        {t('plans.task_title')}
        <textarea rows={2} value={task.title} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label>
        {t('plans.task_content')}
        <textarea
          rows={Math.min(8, Math.max(2, task.content.length + 1))}
          value={task.content.join('\n')}
          onChange={(e) => set({ content: e.target.value.split('\n') })}
        />
      </label>
      <div className="row">
        <label>
          {t('plans.time_label')}
          <input value={task.time.label} onChange={(e) => set({ time: { ...task.time, label: e.target.value } })} />
        </label>
        <label>
          {t('plans.time_from')}
          <input type="date" value={task.time.from ?? ''} onChange={(e) => set({ time: { ...task.time, from: e.target.value || null } })} />
        </label>
        <label>
          {t('plans.time_to')}
          <input type="date" value={task.time.to ?? ''} onChange={(e) => set({ time: { ...task.time, to: e.target.value || null } })} />
        </label>
      </div>
      {ROLES.map((r) => (
        <RoleEditor key={r} label={t(`plans.role.${r}`)} entries={task[r]} onChange={(entries) => set({ [r]: entries } as Partial<Task>)} />
      ))}
      <div className="targets">
        <span className="role-label">{t('plans.targets')}</span>
        {task.targets.map((x, i) => (
          <div className="row" key={i}>
            <input
              aria-label={t('plans.target_text')}
              value={x.text}
              onChange={(e) => set({ targets: task.targets.map((y, j) => (j === i ? { ...y, text: e.target.value } : y)) })}
            />
            <input
              aria-label={t('plans.target_min')}
              type="number"
              min={0}
              value={x.min}
              onChange={(e) => set({ targets: task.targets.map((y, j) => (j === i ? { ...y, min: Number(e.target.value) } : y)) })}
            />
            <button type="button" className="link" onClick={() => set({ targets: task.targets.filter((_, j) => j !== i) })}>
              {t('ui.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => set({ targets: [...task.targets, { text: '', min: 1 }] })}>
          + {t('plans.add_target')}
        </button>
      </div>
    </div>
  );
}
