import { useEffect, useRef, useState } from 'react';

/** True for a moment after `value` changes (not on first render): a card pulses when its status moves. */
export function useChangedFlash(value: string): boolean {
  const previous = useRef(value);
  const [flash, setFlash] = useState(false);
  useEffect(() => {
    if (previous.current === value) return;
    previous.current = value;
    setFlash(true);
    const t = setTimeout(() => setFlash(false), 1900);
    return () => clearTimeout(t);
  }, [value]);
  return flash;
}
