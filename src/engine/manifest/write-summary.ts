// The sentence a user's write step carries on the timeline and in the canvas's narration:
// `user ran kubectl apply: configmap a created, pod b configured`. One home, for the editor's
// Apply and the terminal's kubectl apply, create and replace alike.

/** The most objects a step's summary names one by one; the rest are counted. */
const NAMED = 20;

/** `done` lists what changed, as `kind name outcome`; 10,000 names would be 270 kB of narration, so a few are named. */
export function writeSummary(verb: string, done: readonly string[]): string {
  if (done.length === 0) return `user ran kubectl ${verb}`;
  const named = done.slice(0, NAMED);
  const rest = done.length - named.length;
  return `user ran kubectl ${verb}: ${named.join(', ')}${rest > 0 ? `, and ${rest.toLocaleString('en-US')} more` : ''}`;
}
