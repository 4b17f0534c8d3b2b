// `kubectl get -w` / `--watch-only` (GetOptions.watch in kubectl 1.34): the current object or
// list first (not with --watch-only), then one print per change, each an event row (`EVENT`
// column with --output-watch-events: ADDED, MODIFIED, DELETED) laid out by a tabwriter that
// remembers its column widths, so later rows line up under the first table.
//
// A real watch runs until Ctrl+C, or until kubectl's own `--request-timeout` ends it (exit 0).
// A script's next line cannot run while a watch blocks, so in `kubesim run` a watch without a
// timeout stops after the first table, as if interrupted at once; with `--request-timeout=D`
// it watches D of simulated time, as `kubectl wait` does, printing what the controllers and the
// clock change meanwhile.
import { getObject, listObjects, readerOf, type AnyStored, type ClusterState, type KindInfo, type Step } from '../../../engine/index.ts';
import { output, type CommandOutput } from '../../types.ts';
import { clientError, formatApiError, listError } from '../errors.ts';
import { flag, isSet } from '../flags.ts';
import type { KubectlContext } from '../context.ts';
import { printWith, type choosePrinter } from '../output-formats.ts';
import { parseGoDuration } from '../go-duration.ts';
import { waitOnClock } from '../clock-wait.ts';
import { GET_TABWRITER } from '../../../lib/text-table.ts';
import type { GetTarget } from './get-files.ts';
import { tableCells } from './get.ts';

type Printer = Extract<ReturnType<typeof choosePrinter>, { ok: true }>['printer'];
type EventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchRequest {
  targets: readonly GetTarget[];
  printer: Printer;
  labelSelector: string;
  fieldSelector: string;
}

/** client-go's ParseTimeout: whole seconds, or a Go duration. */
function requestTimeout(text: string | undefined): { ok: true; ms: number } | { ok: false } {
  if (text === undefined || text === '') return { ok: true, ms: 0 };
  if (/^\d+$/.test(text)) return { ok: true, ms: Number(text) * 1000 };
  const d = parseGoDuration(text);
  return d.ok ? { ok: true, ms: d.ms } : { ok: false };
}

export function getWatch(ctx: KubectlContext, req: WatchRequest): CommandOutput {
  const fail = (stderr: string) => output(ctx.state, { stderr, exitCode: 1 });
  const timeout = requestTimeout(flag(ctx.flags, 'request-timeout'));
  if (!timeout.ok) return fail(clientError('Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)') + '\n');
  // The builder's SingleResourceType: `get pods,svc -w` is refused before anything is fetched.
  if (new Set(req.targets.map((t) => t.info.kind)).size > 1) return fail(clientError('you may only specify a single resource type') + '\n');
  const target = req.targets[0]!;
  const { info } = target;
  const namespace = info.namespaced ? (ctx.allNamespaces && target.names.length === 0 ? undefined : (target.namespace ?? ctx.namespace)) : undefined;
  const watched = (state: ClusterState): { ok: true; objects: AnyStored[] } | { ok: false; stderr: string } => {
    const api = readerOf(state);
    if (target.names.length > 0) {
      const objects: AnyStored[] = [];
      for (const name of target.names) {
        const got = getObject(api, info.kind, namespace, name);
        if (got.ok) objects.push(got.value as AnyStored);
      }
      return { ok: true, objects };
    }
    const listed = listObjects(api, info.kind, { ...(namespace === undefined ? {} : { namespace }), labelSelector: req.labelSelector, fieldSelector: req.fieldSelector });
    return listed.ok ? { ok: true, objects: listed.value as AnyStored[] } : { ok: false, stderr: listError(listed.error, info, req.labelSelector, req.fieldSelector) };
  };

  // The first fetch fails as `get` does: a missing named object, a bad selector.
  for (const name of target.names) {
    const got = getObject(ctx.api, info.kind, namespace, name);
    if (!got.ok) return got.error.reason === 'NotFound' && isSet(ctx.flags, 'ignore-not-found') ? output(ctx.state, {}) : fail(formatApiError(got.error) + '\n');
  }
  const first = watched(ctx.state);
  if (!first.ok) return fail(first.stderr + '\n');

  const events = isSet(ctx.flags, 'output-watch-events');
  const printer = new WatchPrinter(ctx, info, req.printer, events);
  let stdout = '';
  // The list is written row by row, then flushed once: its columns line up over all of it.
  if (!isSet(ctx.flags, 'watch-only')) stdout += printer.print('ADDED', first.objects, ctx.state.now);
  if (timeout.ms === 0) return output(ctx.state, { stdout });

  let seen = new Map(first.objects.map((o) => [o.metadata.uid ?? `${o.metadata.namespace}/${o.metadata.name}`, o]));
  const look = (state: ClusterState) => {
    const now = watched(state);
    if (!now.ok) return;
    const next = new Map(now.objects.map((o) => [o.metadata.uid ?? `${o.metadata.namespace}/${o.metadata.name}`, o]));
    const changes: { type: EventType; object: AnyStored }[] = [];
    for (const [key, o] of next) {
      const before = seen.get(key);
      if (!before) changes.push({ type: 'ADDED', object: o });
      else if (before.metadata.resourceVersion !== o.metadata.resourceVersion) changes.push({ type: 'MODIFIED', object: o });
    }
    // The watch cache sends changes in resourceVersion order; a deletion is the latest of its look.
    changes.sort((a, b) => Number(a.object.metadata.resourceVersion ?? 0) - Number(b.object.metadata.resourceVersion ?? 0));
    for (const [key, o] of seen) if (!next.has(key)) changes.push({ type: 'DELETED', object: o });
    for (const c of changes) stdout += printer.print(c.type, [c.object], state.now);
    seen = next;
  };
  const waited = waitOnClock(ctx.state, timeout.ms, () => false, look);
  const steps: Step[] = waited.steps;
  return output(waited.state, { stdout, steps });
}

/**
 * One print per event, as kubectl's printer does: the table printer prints its header once (with
 * EVENT first when events are shown) and its tabwriter (liggitt/tabwriter with RememberWidths)
 * never narrows a column; the other printers print each object, or each WatchEvent, on its own.
 */
class WatchPrinter {
  private widths: number[] = [];
  private headerPrinted = false;
  private printed = 0;

  constructor(
    private readonly ctx: KubectlContext,
    private readonly info: KindInfo,
    private readonly printer: Printer,
    private readonly events: boolean,
  ) {}

  print(type: EventType, objects: AnyStored[], now: number): string {
    if (this.printer.kind !== 'table') {
      const printer = this.printer;
      return objects
        .map((object) => {
          this.printed++;
          // The name printer names the object inside the event; the others print the event itself.
          const data = this.events && printer.kind !== 'name' ? { type, object } : object;
          // The YAML printer separates documents after the first.
          return (printer.kind === 'yaml' && this.printed > 1 ? '---\n' : '') + printWith(printer, data).stdout;
        })
        .join('');
    }
    // printTable writes nothing, not even the header, for no rows.
    if (objects.length === 0) return '';
    const { headers, rows } = tableCells(
      this.info,
      objects,
      {
        now,
        wide: this.printer.wide,
        showLabels: isSet(this.ctx.flags, 'show-labels'),
        allNamespaces: this.ctx.allNamespaces && this.info.namespaced,
        noHeaders: isSet(this.ctx.flags, 'no-headers'),
      },
      false,
      (this.ctx.flags.values['label-columns'] ?? []).flatMap((v) => v.split(',')).filter(Boolean),
    );
    // formatEventType pads the type to eight characters.
    const withEvent = (cells: string[], cell: string) => (this.events ? [cell, ...cells] : cells);
    const block = rows.map((r) => withEvent(r, type.padEnd(8)));
    if (!this.headerPrinted && !isSet(this.ctx.flags, 'no-headers')) block.unshift(withEvent(headers, 'EVENT'));
    this.headerPrinted = true;
    return this.layout(block);
  }

  /** A flush of the tabwriter: each column as wide as the widest cell it has ever had, plus padding. */
  private layout(block: string[][]): string {
    for (const row of block) {
      row.slice(0, -1).forEach((cell, j) => {
        this.widths[j] = Math.max(this.widths[j] ?? 0, GET_TABWRITER.minWidth, [...cell].length + GET_TABWRITER.padding);
      });
    }
    return block.map((row) => row.map((cell, j) => (j < row.length - 1 ? cell + ' '.repeat(Math.max(0, this.widths[j]! - [...cell].length)) : cell)).join('') + '\n').join('');
  }
}
