// A small seeded generator (mulberry32) for drills: deterministic, no Math.random, so the same seed
// gives the same drill in the CLI, the tests and the browser.
export type Next = () => number;

export function rng(seed: number): Next {
  let a = (seed >>> 0) ^ 0x9e3779b9;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(next: Next, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}
