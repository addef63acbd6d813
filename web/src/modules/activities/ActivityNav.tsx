import { NavLink } from 'react-router';
import { useI18n } from '../../i18n';

/** The module's sub-navigation: register, targets, budget, calendar, library. */
export function ActivityNav() {
  const { t } = useI18n();
  const links = [
    ['/activities', 'activities.tab.register'],
    ['/activities/targets', 'activities.tab.targets'],
    ['/activities/budget', 'activities.tab.budget'],
    ['/calendar', 'activities.tab.calendar'],
    ['/activities/library', 'activities.tab.library'],
  ];
  return (
    <div className="tabs">
      {links.map(([to, key]) => (
        <NavLink key={to} to={to} end className={({ isActive }) => (isActive ? 'active button' : 'button')}>
          {t(key)}
        </NavLink>
      ))}
    </div>
  );
}
