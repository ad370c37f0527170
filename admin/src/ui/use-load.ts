import { useCallback, useEffect, useState } from 'preact/hooks';
import { type ApiFailure, asFailure } from '../api/client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiFailure | undefined;
  loading: boolean;
  reload: () => void;
  /** Replaces the data in place (a saved card, a removed row) without a request. */
  setData: (update: (old: T | undefined) => T | undefined) => void;
}

/**
 * Loads data when `deps` change, dropping answers to questions no longer asked (a filter changed
 * while the previous list was still on its way).
 * @example const card = useLoad(() => api.get<Card>(`submissions/${id}`), [id])
 */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[]): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiFailure; loading: boolean }>({ loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    let current = true;
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load().then(
      (data) => current && setState({ data, loading: false }),
      (err) => current && setState((s) => ({ data: s.data, error: asFailure(err), loading: false })),
    );
    return () => {
      current = false;
    };
  }, [...deps, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  const setData = useCallback(
    (update: (old: T | undefined) => T | undefined) => setState((s) => ({ ...s, data: update(s.data) })),
    [],
  );
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}
