import { useSyncExternalStore } from 'react';

/** Teams on a phone, or a narrow side panel: tables become lists, side-by-side becomes one column. */
export const NARROW_QUERY = '(max-width: 640px)';

function subscribe(onChange: () => void): () => void {
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, () => window.matchMedia(NARROW_QUERY).matches, () => false);
}
