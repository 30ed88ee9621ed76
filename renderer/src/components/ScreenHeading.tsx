// The h1 of a screen; it takes focus when the screen opens so keyboard and screen-reader users land there.
import { useEffect, useRef, type ReactNode } from 'react';

export function ScreenHeading({ children, id }: { children: ReactNode; id?: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  return (
    <h1 className="screen-heading" tabIndex={-1} ref={ref} id={id}>
      {children}
    </h1>
  );
}
