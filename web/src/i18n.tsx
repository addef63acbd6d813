import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { translate, type Lang } from '../../src/shared/messages/catalogue';
import { setApiLang } from './api';

/** The message catalogue in React: Vietnamese by default, English on request. */
interface I18n {
  lang: Lang;
  setLang(l: Lang): void;
  t(key: string, params?: Record<string, unknown>): string;
}
const Ctx = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(() => (localStorage.getItem('lang') === 'en' ? 'en' : 'vi'));
  setApiLang(lang);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang(l) {
        localStorage.setItem('lang', l);
        document.documentElement.lang = l;
        setLangState(l);
      },
      t: (key, params) => translate(lang, key, params),
    }),
    [lang],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useI18n(): I18n {
  const v = useContext(Ctx);
  if (!v) throw new Error('I18nProvider missing');
  return v;
}
