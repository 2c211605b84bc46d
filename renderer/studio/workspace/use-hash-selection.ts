import { useCallback, useEffect, useState } from 'react';
import { selectionFromParam, selectionToParam, type Selection } from './selection';

/** `&sel=…` after the course in the hash names the item being edited. */
function selectionFromHash(): Selection | null {
  const param = new URLSearchParams(window.location.hash.slice(1)).get('sel');
  return param ? selectionFromParam(param) : null;
}

/** The selection lives in the URL, so a reload (or a link) comes back to it. */
export function useHashSelection(): [Selection | null, (next: Selection) => void] {
  const [selection, setSelection] = useState(selectionFromHash);
  useEffect(() => {
    const onHash = () => setSelection(selectionFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const select = useCallback((next: Selection) => {
    const params = new URLSearchParams(window.location.hash.slice(1));
    const param = selectionToParam(next);
    if (params.get('sel') === param) return;
    params.set('sel', param);
    window.history.replaceState(null, '', `#${params.toString()}`);
    setSelection(next);
  }, []);
  return [selection, select];
}
