// Bounds on YAML aliases, checked on the parser's events before any value is built.
//
// A few lines of anchors and aliases can stand for billions of nodes ("billion laughs"): js-yaml
// shares the aliased value, but everything that walks the result afterwards (decoding,
// validation, copying) pays for every expanded node. kubectl's YAML library (go-yaml v2, through
// sigs.k8s.io/yaml) refuses such a document with "document contains excessive aliasing" once,
// past 1,000 decoded nodes and 100 of them from aliases, the share of nodes decoded through
// aliases exceeds a ratio that falls from 99 % (up to 400,000 nodes) to 10 % (4,000,000 nodes).
// The same rule is applied here, counting what go-yaml would decode without expanding anything:
// each anchored node's expanded size is remembered when it closes, and an alias adds it.
// An alias inside the node its anchor names ("anchor 'x' value contains itself" in go-yaml)
// would expand forever, and is refused too.
import { EVENT_ID, type Event as YamlEvent } from 'js-yaml';

export interface AliasProblem {
  /** go-yaml's words, without its `yaml: ` prefix. */
  message: string;
  /** Offset in the document's text of the alias that went too far. */
  offset: number;
}

const RATIO_RANGE_LOW = 400_000;
const RATIO_RANGE_HIGH = 4_000_000;

/** The share of decoded nodes that may come from aliases, for a document of `decoded` nodes. */
function allowedAliasRatio(decoded: number): number {
  if (decoded <= RATIO_RANGE_LOW) return 0.99;
  if (decoded >= RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - (0.89 * (decoded - RATIO_RANGE_LOW)) / (RATIO_RANGE_HIGH - RATIO_RANGE_LOW);
}

/** An anchor whose node is still open: an alias to it would contain itself. */
const OPEN = -1;

export function checkAliases(text: string, events: readonly YamlEvent[]): AliasProblem | undefined {
  // Anchor name → how many nodes decoding it visits (OPEN while its node is being read).
  const sizes = new Map<string, number>();
  // Open documents and collections: their anchor and the nodes visited inside them so far.
  const open: { anchor: string | undefined; visits: number }[] = [];
  let decoded = 0;
  let fromAliases = 0;
  const excessive = () => fromAliases > 100 && decoded > 1000 && fromAliases / decoded > allowedAliasRatio(decoded);
  const anchorOf = (ev: { anchorStart: number; anchorEnd: number }) => (ev.anchorStart >= 0 ? text.slice(ev.anchorStart, ev.anchorEnd).replace(/^&/, '') : undefined);
  const add = (visits: number) => {
    const top = open[open.length - 1];
    if (top) top.visits += visits;
  };
  for (const ev of events) {
    switch (ev.type) {
      case EVENT_ID.DOCUMENT:
        decoded++;
        open.push({ anchor: undefined, visits: 1 });
        break;
      case EVENT_ID.SEQUENCE:
      case EVENT_ID.MAPPING: {
        decoded++;
        const anchor = anchorOf(ev);
        if (anchor !== undefined) sizes.set(anchor, OPEN);
        open.push({ anchor, visits: 1 });
        break;
      }
      case EVENT_ID.SCALAR: {
        decoded++;
        const anchor = anchorOf(ev);
        if (anchor !== undefined) sizes.set(anchor, 1);
        add(1);
        break;
      }
      case EVENT_ID.ALIAS: {
        const name = text.slice(ev.anchorStart, ev.anchorEnd).replace(/^\*/, '');
        const size = sizes.get(name);
        if (size === OPEN) return { message: `anchor '${name}' value contains itself`, offset: ev.anchorStart };
        // An unknown alias is the parser's error to report; count the alias node alone.
        const expanded = size ?? 0;
        decoded += 1 + expanded;
        fromAliases += expanded;
        add(1 + expanded);
        if (excessive()) return { message: 'document contains excessive aliasing', offset: ev.anchorStart };
        break;
      }
      case EVENT_ID.POP: {
        const done = open.pop();
        if (done?.anchor !== undefined && sizes.get(done.anchor) === OPEN) sizes.set(done.anchor, done.visits);
        if (done) add(done.visits);
        break;
      }
      default:
        break;
    }
    if (excessive()) return { message: 'document contains excessive aliasing', offset: -1 };
  }
  return undefined;
}
