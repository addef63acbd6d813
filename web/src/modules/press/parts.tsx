import { Fragment, type ReactNode } from 'react';
import { NavLink } from 'react-router';
import type { Me } from '../../auth';
import { useI18n } from '../../i18n';
import type { Range, Tone } from './types';
import './press.css';

export const isMonitor = (me: Me | null) => me?.role === 'secretariat';
export const canReadMonitoring = (me: Me | null) => !!me && me.role !== 'officer';

/** The module's own tabs (one entry in the main navigation). */
export function PressTabs({ me }: { me: Me | null }) {
  const { t } = useI18n();
  const tabs: [string, string, boolean][] = [
    ['/press', t('press.ui.dashboard'), canReadMonitoring(me)],
    ['/press/articles', t('press.ui.articles'), true],
    ['/press/alerts', t('press.ui.alerts'), canReadMonitoring(me)],
    ['/press/cases', t('press.ui.cases'), true],
    ['/press/sources', t('press.ui.sources'), canReadMonitoring(me)],
    ['/press/topics', t('press.ui.topics'), true],
    ['/press/digest', t('press.ui.digest'), canReadMonitoring(me)],
  ];
  return (
    <nav className="press-tabs" aria-label={t('nav.press')}>
      {tabs
        .filter(([, , show]) => show)
        .map(([to, label]) => (
          <NavLink key={to} to={to} end={to === '/press'}>
            {label}
          </NavLink>
        ))}
    </nav>
  );
}

export function ToneBadge({ tone }: { tone: Tone }) {
  const { t } = useI18n();
  return <span className={`tone tone-${tone}`}>{t(`press.tone.${tone}`)}</span>;
}

/** Text with <mark> over the given ranges. */
export function Highlighted({ text, ranges }: { text: string; ranges: Range[] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  ranges.forEach(([a, b], i) => {
    if (a < at) return;
    parts.push(<Fragment key={`t${i}`}>{text.slice(at, a)}</Fragment>, <mark key={`m${i}`}>{text.slice(a, b)}</mark>);
    at = b;
  });
  parts.push(<Fragment key="end">{text.slice(at)}</Fragment>);
  return <>{parts}</>;
}

export const LANGS = ['vi', 'en', 'lo', 'other'] as const;
export const TONES: Tone[] = ['positive', 'neutral', 'negative'];
