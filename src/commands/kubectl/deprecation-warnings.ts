// The API server's deprecation warnings (a `Warning` header on every request for a deprecated
// resource), which kubectl prints once each on stderr as `Warning: …` before the output.
import type { Kind } from '../../engine/index.ts';
import { DEPRECATED_KINDS as DEPRECATED } from '../../engine/api/deprecations.ts';

/** The warning lines for a request touching these kinds, each once, in the order first met. */
export function deprecationWarnings(kinds: readonly Kind[]): string {
  const seen = new Set<string>();
  for (const k of kinds) {
    const w = DEPRECATED[k];
    if (w) seen.add(w);
  }
  return [...seen].map((w) => `Warning: ${w}\n`).join('');
}
