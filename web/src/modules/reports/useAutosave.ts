import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, put } from '../../api';

export type SaveState = 'saved' | 'dirty' | 'saving' | 'conflict' | 'error';

/**
 * Saves a draft shortly after each change, carrying the version it was based on. A version
 * conflict (someone else saved meanwhile) stops autosaving and is reported, never overwritten.
 */
export function useAutosave<T>(url: string, initialVersion: number, delayMs = 700) {
  const version = useRef(initialVersion);
  const pending = useRef<T | null>(null);
  const busy = useRef(false);
  const stopped = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const [state, setState] = useState<SaveState>('saved');
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  /** Saves what is pending now; resolves true when everything is saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    clearTimeout(timer.current);
    while (busy.current) await new Promise((r) => setTimeout(r, 50));
    if (stopped.current) return false;
    if (pending.current === null) return true;
    busy.current = true;
    const body = pending.current;
    pending.current = null;
    setState('saving');
    try {
      const r = await put<{ version: number; updatedAt: string }>(url, { ...body, version: version.current });
      version.current = r.version;
      setSavedAt(r.updatedAt);
      setError(null);
      setState(pending.current ? 'dirty' : 'saved');
      return true;
    } catch (e) {
      setError(e);
      const conflict = e instanceof ApiError && e.code === 'report.version_conflict';
      if (conflict) stopped.current = true;
      else pending.current ??= body;
      setState(conflict ? 'conflict' : 'error');
      return false;
    } finally {
      busy.current = false;
    }
  }, [url]);

  const change = useCallback(
    (body: T) => {
      if (stopped.current) return;
      pending.current = body;
      setState('dirty');
      clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
  );
  useEffect(() => () => clearTimeout(timer.current), []);
  return { change, flush, state, savedAt, error, version };
}
