// The height that lets an element reach the bottom of the window from where
// it sits, so a long grid scrolls inside itself instead of the page. Measured
// again when the window or anything above the element changes size.
import { useLayoutEffect, useState } from 'react';

/** Pass the element itself (from a callback ref kept in state), so the measuring starts when it mounts. */
export function useFillHeight(element: HTMLElement | null, { min = 320, bottomGap = 24 } = {}): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    if (!element) return;
    const measure = () => {
      const top = element.getBoundingClientRect().top;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - bottomGap)));
    };
    measure();
    window.addEventListener('resize', measure);
    // Content above the grid (a message bar appearing) moves it down.
    const observer = new ResizeObserver(measure);
    if (element.parentElement) observer.observe(element.parentElement);
    return () => {
      window.removeEventListener('resize', measure);
      observer.disconnect();
    };
  }, [element, min, bottomGap]);
  return height;
}
