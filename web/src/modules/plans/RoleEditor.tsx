import { useI18n } from '../../i18n';
import { stepMessage } from '../../../../src/modules/plans/import/step-message';
import { OrgPicker } from '../orgs/OrgPicker';
import type { OrgEntry } from './types';

/**
 * The organisations of one role on a task. Names not found in the directory are flagged,
 * with the directory's best suggestions one click away; group phrases show what they stand for.
 */
export function RoleEditor({
  label,
  entries,
  onChange,
  readOnly,
}: {
  label: string;
  entries: OrgEntry[];
  onChange(e: OrgEntry[]): void;
  readOnly?: boolean;
}) {
  const { t } = useI18n();
  const replace = (i: number, e: OrgEntry) => onChange(entries.map((x, j) => (j === i ? e : x)));
  const stepText = (s: NonNullable<OrgEntry['chain']>[number]) => {
    const m = stepMessage(s, (c) => t(`duty.${c}`));
    return t(m.code, m.details);
  };
  return (
    <div className="role-editor">
      <span className="role-label">{label}</span>
      <div className="chips">
        {entries.map((e, i) => {
          const unmatched = !e.orgId && !e.group && !e.needsChoice;
          return (
            <span
              key={`${e.raw ?? e.name}-${i}`}
              className={`chip ${unmatched ? 'chip-unmatched' : ''} ${e.group ? 'chip-group' : ''}`}
              data-testid={unmatched ? 'unmatched-org' : undefined}
            >
              <span title={e.raw && e.raw !== e.name ? `${t('plans.written_as')}: ${e.raw}` : undefined}>{e.name}</span>
              {e.group && e.members && (
                <span className="muted small"> ({e.open ? t('plans.group_open') : t('plans.group_members', { n: e.members.length })})</span>
              )}
              {e.chain && e.chain.length > 0 && (
                <span className="muted small chain" data-testid="successor-chain">
                  {' '}
                  ({e.chain.map(stepText).join('; ')})
                </span>
              )}
              {e.needsChoice && !readOnly && (
                <select
                  aria-label={t('plans.pick_successor', { name: e.raw ?? e.name })}
                  data-testid="successor-choice"
                  value=""
                  onChange={(ev) => {
                    const c = e.candidates?.find((x) => x.orgId === ev.target.value);
                    if (c) replace(i, { ...e, orgId: c.orgId, name: c.name, chain: c.chain, needsChoice: false });
                  }}
                >
                  <option value="">{t('plans.successor_choose')}</option>
                  {(e.candidates ?? []).map((c) => (
                    <option key={c.orgId} value={c.orgId}>
                      {c.name} — {c.chain.map(stepText).join('; ')}
                    </option>
                  ))}
                </select>
              )}
              {!e.needsChoice && e.candidates && e.candidates.length > 1 && !readOnly && (
                <select
                  aria-label={t('plans.pick_successor', { name: e.raw ?? e.name })}
                  value={e.orgId ?? ''}
                  onChange={(ev) => {
                    const c = e.candidates?.find((x) => x.orgId === ev.target.value);
                    if (c) replace(i, { ...e, orgId: c.orgId, name: c.name, chain: c.chain });
                  }}
                >
                  {e.candidates.map((c) => (
                    <option key={c.orgId} value={c.orgId}>
                      {c.name}
                    </option>
                  ))}
                </select>
              )}
              {unmatched && !readOnly && (
                <select
                  aria-label={t('plans.pick_suggestion', { name: e.name })}
                  value=""
                  onChange={(ev) => {
                    const s = e.suggestions?.find((x) => x.orgId === ev.target.value);
                    if (s) replace(i, { ...e, orgId: s.orgId, name: s.name, raw: e.raw ?? e.name, suggestions: undefined });
                  }}
                >
                  <option value="">{t('plans.not_in_directory')}</option>
                  {(e.suggestions ?? []).map((s) => (
                    <option key={s.orgId} value={s.orgId}>
                      {s.name} ({Math.round(s.score * 100)}%)
                    </option>
                  ))}
                </select>
              )}
              {!readOnly && (
                <button
                  type="button"
                  className="link"
                  aria-label={t('ui.remove')}
                  onClick={() => onChange(entries.filter((_, j) => j !== i))}
                >
                  ✕
                </button>
              )}
            </span>
          );
        })}
        {entries.length === 0 && <span className="muted small">—</span>}
      </div>
      {!readOnly && (
        <OrgPicker
          label={t('plans.add_org')}
          value={null}
          onChange={(o) => o && onChange([...entries, { name: o.name, orgId: o.id, raw: o.name }])}
        />
      )}
    </div>
  );
}
