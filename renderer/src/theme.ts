// Light or dark: follows the system until the user picks one.
import { useEffect, useState } from 'react';

const DARK_QUERY = '(prefers-color-scheme: dark)';

export function useColourScheme(): [dark: boolean, setDark: (dark: boolean) => void] {
  const query = typeof window.matchMedia === 'function' ? window.matchMedia(DARK_QUERY) : undefined;
  const [systemDark, setSystemDark] = useState(query?.matches ?? false);
  const [choice, setChoice] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    if (!query) return undefined;
    const onChange = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, [query]);
  return [choice ?? systemDark, setChoice];
}
