import { useCallback, useEffect, useState } from 'react';

/** One thing the panel loads: its data, the problem if it failed, and reload() after a change. */
export function useResource<T>(load: (() => Promise<T>) | undefined): { data: T | undefined; error: unknown; reload: () => void } {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!load) return;
    let live = true;
    load().then(
      (value) => live && (setData(value), setError(undefined)),
      (problem: unknown) => live && setError(problem),
    );
    return () => {
      live = false;
    };
    // `load` is a stable function of the caller's keys (see the callers' useCallback).
  }, [load, tick]);
  return { data, error, reload: useCallback(() => setTick((t) => t + 1), []) };
}
