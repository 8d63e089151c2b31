import { useCallback, useEffect, useState } from 'react';
import type * as Y from 'yjs';

/**
 * A plain field (one line, a date, an address, a list, a table) bound to its live document's
 * Y.Text: the value follows every change, local or remote, and an edit becomes the smallest
 * change from the current text (common start and end kept), so it merges with others' typing.
 */
export function useYText(doc: Y.Doc | undefined): [string, (next: string) => void] {
  const text = doc?.getText('text');
  const [value, setValue] = useState(() => text?.toString() ?? '');
  useEffect(() => {
    if (!text) return;
    setValue(text.toString());
    const onChange = () => setValue(text.toString());
    text.observe(onChange);
    return () => text.unobserve(onChange);
  }, [text]);
  const change = useCallback(
    (next: string) => {
      if (!text || !doc) return;
      const current = text.toString();
      if (current === next) return;
      let start = 0;
      while (start < current.length && start < next.length && current[start] === next[start]) start++;
      let end = 0;
      while (end < current.length - start && end < next.length - start && current[current.length - 1 - end] === next[next.length - 1 - end]) end++;
      doc.transact(() => {
        if (current.length - start - end > 0) text.delete(start, current.length - start - end);
        const inserted = next.slice(start, next.length - end);
        if (inserted) text.insert(start, inserted);
      });
    },
    [doc, text],
  );
  return [value, change];
}
