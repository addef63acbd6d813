import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError, get, post, upload } from '../../api';
import { ErrorBox, Loading, useLoad } from '../../components/common';
import { useI18n } from '../../i18n';

interface Setup {
  directoryEmpty: boolean;
  departments: { key: string; name: string; shortName: string; everywhere: boolean }[];
  defaultSecretariat: string;
}
interface Commune {
  row: number;
  code: string;
  name: string;
  level: 'xa' | 'phuong' | 'dac_khu';
}
interface Result {
  province: { name: string; issuer: string; place: string };
  departments: { id: string; name: string }[];
  communes: { total: number; xa: number; phuong: number; dac_khu: number };
  groups: { key: string; name: string; members: number }[];
  secretariat: { name: string };
}

/**
 * First run for the admin (shown while the directory is empty): the province's name, the
 * secretariat among the standard departments, the commune list from a spreadsheet (checked
 * row by row before anything is saved), then the same set-up as `ttdn province init`.
 */
export function ProvinceSetupPage() {
  const { t } = useI18n();
  const { data: setup, error: loadError } = useLoad(() => get<Setup>('/api/province/setup'), []);
  const [name, setName] = useState('');
  const [secretariat, setSecretariat] = useState<string | null>(null);
  const [communes, setCommunes] = useState<Commune[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  if (loadError) return <ErrorBox error={loadError} />;
  if (!setup) return <Loading />;
  const rowErrors = error instanceof ApiError ? ((error.details.errors as { message: string }[] | undefined) ?? []) : [];

  async function readFile(file: File) {
    setError(null);
    setCommunes(null);
    try {
      setCommunes(
        (await upload<{ communes: Commune[] }>(`/api/province/communes?filename=${encodeURIComponent(file.name)}`, file)).communes,
      );
    } catch (e) {
      setError(e);
    }
  }
  async function submit() {
    if (!communes) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        name,
        secretariat: secretariat ?? setup!.defaultSecretariat,
        communes: communes.map(({ code, name, level }) => ({ code, name, level })),
      };
      setResult(await post<Result>('/api/province/init', body));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (result)
    return (
      <section data-testid="province-done">
        <h1>{t('province.init.done', { name: result.province.place })}</h1>
        <ul>
          <li>{t('province.init.committee', result.province)}</li>
          <li>
            {t('province.init.departments', { count: result.departments.length, names: result.departments.map((d) => d.name).join('; ') })}
          </li>
          <li>{t('province.init.communes', result.communes)}</li>
          {result.groups.map((g) => (
            <li key={g.key}>{t('province.init.group', g)}</li>
          ))}
          <li>{t('province.init.secretariat', result.secretariat)}</li>
        </ul>
        <Link to="/orgs">{t('home.open_directory')}</Link>
      </section>
    );

  if (!setup.directoryEmpty)
    return (
      <section>
        <h1>{t('province.ui.title')}</h1>
        <p className="muted">{t('province.ui.not_empty')}</p>
      </section>
    );

  return (
    <section>
      <h1>{t('province.ui.title')}</h1>
      <p className="muted">{t('province.ui.intro')}</p>
      <div className="form">
        <label>
          {t('province.ui.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Hà Tĩnh" required />
        </label>
        <label>
          {t('province.ui.secretariat')}
          <select value={secretariat ?? setup.defaultSecretariat} onChange={(e) => setSecretariat(e.target.value)}>
            {setup.departments.map((d) => (
              <option key={d.key} value={d.key}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('province.ui.communes')}
          <input type="file" accept=".xlsx,.csv" onChange={(e) => e.target.files?.[0] && readFile(e.target.files[0])} />
        </label>
        <p className="muted">{t('province.ui.communes_hint')}</p>
      </div>
      <ErrorBox error={error} />
      {rowErrors.length > 0 && (
        <ul className="alert alert-error" data-testid="commune-errors">
          {rowErrors.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
      {communes && (
        <p data-testid="commune-count">
          {t('province.init.communes', {
            total: communes.length,
            xa: communes.filter((c) => c.level === 'xa').length,
            phuong: communes.filter((c) => c.level === 'phuong').length,
            dac_khu: communes.filter((c) => c.level === 'dac_khu').length,
          })}
        </p>
      )}
      <p className="muted">{t('province.ui.departments', { count: setup.departments.length })}</p>
      <button type="button" className="primary" disabled={busy || !communes || name.trim().length < 2} onClick={submit}>
        {t('province.ui.submit')}
      </button>
    </section>
  );
}

/** On the admin's home: a link to the first-run screen while the directory is empty. */
export function FirstRunNotice() {
  const { t } = useI18n();
  const { data } = useLoad(() => get<Setup>('/api/province/setup'), []);
  if (!data?.directoryEmpty) return null;
  return (
    <div className="alert" data-testid="first-run">
      {t('province.ui.first_run')} <Link to="/province/setup">{t('province.ui.title')}</Link>
    </div>
  );
}
