import { useI18n } from '../../i18n';
import type { FieldSpec } from '../../../../src/modules/activities/activity-kinds';

/** The inputs of a kind's own fields, built from the one table of kinds (activity-kinds.ts). */
export function KindFields({
  fields,
  value,
  onChange,
}: {
  fields: readonly FieldSpec[];
  value: Record<string, unknown>;
  onChange(v: Record<string, unknown>): void;
}) {
  const { lang, t } = useI18n();
  const set = (key: string, v: unknown) => onChange({ ...value, [key]: v === '' ? undefined : v });
  return (
    <div className="row">
      {fields.map((f) => {
        const label = `${f.label[lang]}${f.required ? ' *' : ''}`;
        const v = value[f.key];
        if (f.type === 'enum')
          return (
            <label key={f.key}>
              {label}
              <select name={f.key} value={String(v ?? '')} onChange={(e) => set(f.key, e.target.value)}>
                <option value="">{t('activities.choose')}</option>
                {Object.entries(f.options!).map(([k, o]) => (
                  <option key={k} value={k}>
                    {o[lang]}
                  </option>
                ))}
              </select>
            </label>
          );
        if (f.type === 'longtext')
          return (
            <label key={f.key}>
              {label}
              <textarea name={f.key} rows={2} value={String(v ?? '')} onChange={(e) => set(f.key, e.target.value)} />
            </label>
          );
        const numeric = f.type === 'int' || f.type === 'amount' || f.type === 'decimal';
        return (
          <label key={f.key}>
            {label}
            <input
              name={f.key}
              type={numeric ? 'number' : f.type === 'url' ? 'url' : 'text'}
              min={numeric ? 0 : undefined}
              step={f.type === 'decimal' ? 'any' : undefined}
              value={v === undefined || v === null ? '' : String(v)}
              onChange={(e) => set(f.key, numeric ? (e.target.value === '' ? '' : Number(e.target.value)) : e.target.value)}
            />
          </label>
        );
      })}
    </div>
  );
}
