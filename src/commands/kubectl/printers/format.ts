// Small formatting helpers shared by the table and describe printers. Each mirrors a named
// kubectl or apimachinery helper so the output matches character for character.
import { isDefaultClass } from '../../../engine/api/storage.ts';
import type { LabelSelector, ObjectMeta } from 'kubernetes-types/meta/v1';
import type { Node } from 'kubernetes-types/core/v1';
import { humanDuration } from '../../../lib/duration.ts';
import { DESCRIBE_TABWRITER, tabwrite } from '../../../lib/text-table.ts';

/** Milliseconds since the epoch for an RFC3339 timestamp, or undefined if absent/unparseable. */
export function parseTime(timestamp: string | undefined | null): number | undefined {
  if (!timestamp) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `translateTimestampSince`: the AGE of a timestamp, `<unknown>` when it is not set. */
export function since(timestamp: string | undefined | null, now: number): string {
  const t = parseTime(timestamp);
  return t === undefined ? '<unknown>' : humanDuration(now - t);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Go's `time.RFC1123Z` layout (`Mon, 02 Jan 2006 15:04:05 -0700`) in UTC, as describe prints
 * Start Time, CreationTimestamp, condition times. A missing time prints Go's zero time.
 */
export function rfc1123z(timestamp: string | undefined | null): string {
  const t = parseTime(timestamp);
  if (t === undefined) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(t);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

/** `labels.FormatLabels`: `k=v,k2=v2` sorted by key, or `<none>`. */
export function formatLabels(labels: Readonly<Record<string, string>> | undefined | null): string {
  const keys = Object.keys(labels ?? {}).sort(compareStrings);
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

/** Byte-wise string order, like Go's `sort.Strings`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// The storage vocabulary is the engine's: one definition of access-mode strings and classes.
export { accessModesString, claimClass as persistentVolumeClaimClass, volumeClass as persistentVolumeClass } from '../../../engine/api/storage.ts';

/** `storageutil.IsDefaultAnnotation`: either annotation set to exactly `"true"`. */
export function hasDefaultClassAnnotation(meta: ObjectMeta | undefined): boolean {
  return isDefaultClass({ metadata: meta } as Parameters<typeof isDefaultClass>[0]);
}

/** `labels.Selector.String()` of `metav1.LabelSelectorAsSelector`: requirements sorted by key. */
export function selectorString(selector: LabelSelector | undefined | null): string {
  if (!selector) return '';
  const reqs: { key: string; text: string }[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    reqs.push({ key, text: `${key}=${value}` });
  }
  for (const expr of selector.matchExpressions ?? []) {
    const values = [...(expr.values ?? [])].sort(compareStrings).join(',');
    let text: string;
    switch (expr.operator) {
      case 'In':
        text = `${expr.key} in (${values})`;
        break;
      case 'NotIn':
        text = `${expr.key} notin (${values})`;
        break;
      case 'Exists':
        text = expr.key;
        break;
      case 'DoesNotExist':
        text = `!${expr.key}`;
        break;
      default:
        return '<error>';
    }
    reqs.push({ key: expr.key, text });
  }
  // Go sorts with sort.Sort (not stable); keys are unique in practice.
  return reqs
    .sort((a, b) => compareStrings(a.key, b.key))
    .map((r) => r.text)
    .join(',');
}

/** `metav1.FormatLabelSelector`: like {@link selectorString}, `<none>` when empty. */
export function formatLabelSelector(selector: LabelSelector | undefined | null): string {
  const s = selectorString(selector);
  return s === '' ? '<none>' : s;
}

/** Go's `%v` of a string slice: `[a b c]`. */
export function goSlice(values: readonly unknown[] | undefined | null): string {
  return `[${(values ?? []).map((v) => String(v)).join(' ')}]`;
}

/** `findNodeRoles`: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role=<role>`, sorted. */
export function findNodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role.length > 0) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort(compareStrings);
}

/** `printers.EscapeTerminal`: neutralises ESC and CR, as kubectl does on human-readable output. */
export function escapeTerminal(text: string): string {
  return text.replaceAll('\x1b', '^[').replaceAll('\r', '\\r');
}

/** An IntOrString as Go's `intstr.String()` prints it. */
export function intOrString(value: number | string | undefined | null): string {
  return value === undefined || value === null ? '' : String(value);
}

/** kubectl describe's `PrefixWriter`. */
export interface PrefixWriter {
  /** Writes `text` after `level` indentation levels (two spaces each). */
  write(level: number, text: string): void;
  /** `WriteLine`: the text and a newline, without indentation. */
  writeLine(text?: string): void;
  /** Ends the current alignment region (`w.Flush()`). */
  flush(): void;
}

/**
 * A `PrefixWriter` over a `tabwriter` (minwidth 0, padding 2), as in describe's `tabbedString`:
 * `\t` separates aligned cells; `flush()` ends the current alignment region, as `w.Flush()` does
 * before the Events table.
 */
export class DescribeWriter implements PrefixWriter {
  private readonly segments: string[] = [''];

  write(level: number, text: string): void {
    this.append('  '.repeat(level) + text);
  }

  writeLine(text = ''): void {
    this.append(text + '\n');
  }

  flush(): void {
    this.segments.push('');
  }

  toString(): string {
    return this.segments.map((s) => tabwrite(s, DESCRIBE_TABWRITER)).join('');
  }

  private append(text: string): void {
    const last = this.segments.length - 1;
    this.segments[last] = (this.segments[last] ?? '') + escapeTerminal(text);
  }
}

/** `NewNestedPrefixWriter`: adds `indent` levels to everything written through it. */
export function nestedWriter(w: PrefixWriter, indent: number): PrefixWriter {
  return {
    write: (level, text) => w.write(level + indent, text),
    writeLine: (text = '') => w.write(indent, text + '\n'),
    flush: () => w.flush(),
  };
}
