import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { ApiError, get, post, setCsrfToken } from './api';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: 'admin' | 'secretariat' | 'leader' | 'officer' | 'inspector';
  orgId: string | null;
}
interface Auth {
  me: Me | null;
  loading: boolean;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
}
const Ctx = createContext<Auth | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  useEffect(() => {
    get<{ user: Me; csrfToken: string }>('/api/auth/me')
      .then((r) => {
        setCsrfToken(r.csrfToken);
        setMe(r.user);
      })
      .catch((e) => {
        if (!(e instanceof ApiError && e.status === 401)) console.error(e);
      })
      .finally(() => setLoading(false));
  }, []);
  const login = useCallback(async (username: string, password: string) => {
    const r = await post<{ user: Me; csrfToken: string }>('/api/auth/login', { username, password });
    setCsrfToken(r.csrfToken);
    setMe(r.user);
  }, []);
  const logout = useCallback(async () => {
    await post('/api/auth/logout');
    setMe(null);
  }, []);
  return <Ctx.Provider value={{ me, loading, login, logout }}>{children}</Ctx.Provider>;
}

export function useAuth(): Auth {
  const v = useContext(Ctx);
  if (!v) throw new Error('AuthProvider missing');
  return v;
}

export const canManageDirectory = (me: Me | null) => me?.role === 'admin' || me?.role === 'secretariat';
export const canReadAudit = (me: Me | null) => me?.role === 'admin' || me?.role === 'inspector';
