import { useEffect, useState } from 'react';
import { get, qs } from '../../api';
import { useI18n } from '../../i18n';
import type { Org, Paged } from './types';

/** Pick an organisation by typing part of its name (no diacritics needed). */
export function OrgPicker({
  value,
  onChange,
  label,
  exclude = [],
  validOn,
}: {
  value: Org | null;
  onChange(o: Org | null): void;
  label: string;
  exclude?: string[];
  /** Only organisations valid on this date (YYYY-MM-DD). */
  validOn?: string;
}) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<Org[]>([]);
  useEffect(() => {
    if (!q.trim()) return setItems([]);
    const h = setTimeout(() => {
      get<Paged<Org>>(`/api/orgs${qs({ q, pageSize: 8, validOn })}`).then((r) => setItems(r.items.filter((o) => !exclude.includes(o.id))));
    }, 200);
    return () => clearTimeout(h);
  }, [q, validOn]);
  return (
    <div className="picker">
      <span className="picker-label">{label}</span>
      {value ? (
        <div className="chip">
          {value.name}
          <button type="button" className="link" aria-label={t('ui.remove')} onClick={() => onChange(null)}>
            ✕
          </button>
        </div>
      ) : (
        <>
          <input
            type="search"
            aria-label={label}
            placeholder={t('orgs.search_placeholder')}
            value={q}
            onChange={(e) => setQ(e.target.value)}
          />
          {items.length > 0 && (
            <ul className="picker-list" role="listbox">
              {items.map((o) => (
                <li key={o.id}>
                  <button
                    type="button"
                    role="option"
                    aria-selected={false}
                    onClick={() => {
                      onChange(o);
                      setQ('');
                      setItems([]);
                    }}
                  >
                    {o.name}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
