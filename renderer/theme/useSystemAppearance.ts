// Live view of the OS appearance: changes to dark mode or to a Windows contrast
// theme repaint the console without a reload.
import { useEffect, useState } from 'react';
import type { SystemAppearance } from './resolve-theme';

const darkQuery = '(prefers-color-scheme: dark)';
const forcedColorsQuery = '(forced-colors: active)';

function read(): SystemAppearance {
  return {
    prefersDark: window.matchMedia(darkQuery).matches,
    forcedColors: window.matchMedia(forcedColorsQuery).matches,
  };
}

export function useSystemAppearance(): SystemAppearance {
  const [appearance, setAppearance] = useState<SystemAppearance>(read);
  useEffect(() => {
    const queries = [window.matchMedia(darkQuery), window.matchMedia(forcedColorsQuery)];
    const update = () => setAppearance(read());
    for (const query of queries) query.addEventListener('change', update);
    // The OS may have changed between the first render and this effect.
    update();
    return () => {
      for (const query of queries) query.removeEventListener('change', update);
    };
  }, []);
  return appearance;
}
