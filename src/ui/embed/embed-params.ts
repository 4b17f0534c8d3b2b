// What an embedding page asks for in the iframe's address: `?embed=PANES` (a comma list of panes;
// `?embed`, `?embed=1` or an empty list mean the default), optionally `&theme=light|dark` and
// `&title=…`. Pure parsing, so every odd address is tested in Node; unknown pane names are
// reported (the shell warns on the console) and never stop the page.
import { EMBED_PARAM } from '../../store/page-storage.ts';

export const EMBED_PANES = ['editor', 'canvas', 'terminal', 'dock', 'lesson'] as const;
export type EmbedPane = (typeof EMBED_PANES)[number];

/** Editor and canvas: the playground's core, what `?embed` alone shows. */
export const DEFAULT_PANES: readonly EmbedPane[] = ['editor', 'canvas'];

export interface EmbedParams {
  /** The panes to show, each once, in EMBED_PANES order (the layout places them, not the list). */
  panes: EmbedPane[];
  /** Names in the list that are not panes (to warn about). */
  unknown: string[];
  /** A forced theme; absent: the system's. */
  theme?: 'light' | 'dark';
  /** The bar's title when no lesson names it (a scenario's name, given by the host page). */
  title?: string;
}

/** Longest `title` kept: the bar has one line. */
const TITLE_MAX = 80;

/** The embed request in a query string (`location.search`), or null for the full playground. */
export function parseEmbedParams(search: string): EmbedParams | null {
  const query = new URLSearchParams(search);
  const raw = query.get(EMBED_PARAM);
  if (raw === null) return null;
  const names = raw
    .split(',')
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  const unknown = names.filter((n) => !(EMBED_PANES as readonly string[]).includes(n) && !isDefaultWord(n));
  const chosen = new Set(names);
  let panes = EMBED_PANES.filter((p) => chosen.has(p));
  // `?embed=1`, `?embed=true`, `?embed=` or only unknown names: the default rather than an empty frame.
  if (panes.length === 0) panes = [...DEFAULT_PANES];
  const theme = query.get('theme');
  const title = query.get('title')?.trim().slice(0, TITLE_MAX);
  return {
    panes,
    unknown,
    ...(theme === 'light' || theme === 'dark' ? { theme } : {}),
    ...(title ? { title } : {}),
  };
}

function isDefaultWord(n: string): boolean {
  return n === '1' || n === 'true' || n === 'yes' || n === 'default';
}

/** The console warning for pane names that are not panes (null when there are none). */
export function unknownPanesWarning(unknown: readonly string[]): string | null {
  if (unknown.length === 0) return null;
  const names = unknown.map((n) => JSON.stringify(n)).join(', ');
  return `kubesim embed: ignoring unknown pane${unknown.length > 1 ? 's' : ''} ${names} (known panes: ${EMBED_PANES.join(', ')})`;
}

/** Query parameters that only mean something to an embed. */
const EMBED_ONLY = [EMBED_PARAM, 'theme', 'title'];

/**
 * The full playground's address for the same page: the embed's own parameters removed, any others
 * (a deploy's) kept, and `fragment` (a share link or lesson link) as the fragment.
 */
export function fullPlaygroundUrl(location: Pick<Location, 'origin' | 'pathname' | 'search'>, fragment: string): string {
  const query = new URLSearchParams(location.search);
  for (const k of EMBED_ONLY) query.delete(k);
  const search = query.toString();
  return `${location.origin}${location.pathname}${search ? `?${search}` : ''}${fragment}`;
}
