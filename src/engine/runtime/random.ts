// A seeded PRNG (mulberry32) whose whole state is one 32-bit number kept inside ClusterState,
// so a snapshot resumes with exactly the same future ids.

/** Advances the state; returns the next state and a uniform 32-bit value. */
export function nextRandom(state: number): { state: number; value: number } {
  const next = (state + 0x6d2b79f5) | 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { state: next, value: (t ^ (t >>> 14)) >>> 0 };
}

/** The initial PRNG state for a seed (seed 0 is as good as any other). */
export function seedRandom(seed: number): number {
  return (seed ^ 0x9e3779b9) | 0;
}
