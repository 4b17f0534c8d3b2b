// Wires the context menu into the cluster canvas: right-click a card, a node or a zone lane (or
// press Shift+F10 / the ContextMenu key on a focused card), pick an action, and its command runs
// through the terminal's command layer (loaded on first use, so the first screen stays small).
// A note with the command's first line of output follows.
import { useCallback, useRef, useState, type KeyboardEvent as ReactKeyboardEvent, type MouseEvent as ReactMouseEvent } from 'react';
import { appStore } from '../../store/index.ts';
import type { ChaosAction, ChaosTarget } from './chaos-actions.ts';
import type { OpenMenu } from './ContextMenu.tsx';
import { CommandToasts, MAX_TOASTS, type CommandToast } from './CommandToasts.tsx';

/** The flow nodes the menu cares about (the canvas's own node type is wider). */
interface MenuNode {
  id: string;
  type?: string;
  data: unknown;
}

function targetOf(node: MenuNode): ChaosTarget | undefined {
  const data = node.data as { ref?: ChaosTarget; zone?: string };
  if ((node.type === 'object' || node.type === 'k8sNode') && data.ref) return data.ref;
  if (node.type === 'zone' && data.zone) return { kind: 'Zone', name: data.zone };
  return undefined;
}

/** Zone lanes let the pointer through (they are not selectable): find the one under a point by its box. */
function zoneAt(nodes: readonly MenuNode[], x: number, y: number): MenuNode | undefined {
  return nodes.find((n) => {
    if (n.type !== 'zone') return false;
    const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(n.id)}"]`);
    const r = el?.getBoundingClientRect();
    return !!r && x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
  });
}

type Kit = typeof import('./chaos-kit.ts');
let kitLoading: Promise<Kit> | null = null;
const loadKit = () => (kitLoading ??= import('./chaos-kit.ts'));

export function useChaosMenu(nodes: readonly MenuNode[], enabled: boolean) {
  const [open, setOpenState] = useState<OpenMenu | null>(null);
  const [kit, setKit] = useState<Kit | null>(null);
  const [toasts, setToasts] = useState<CommandToast[]>([]);
  const serial = useRef(0);
  // The open menu, readable from event handlers without re-creating them.
  const current = useRef<OpenMenu | null>(null);
  const setOpen = useCallback((next: OpenMenu | null) => {
    current.current = next;
    setOpenState(next);
  }, []);

  const show = useCallback(
    (target: ChaosTarget, targetId: string, x: number, y: number, returnFocus?: HTMLElement | SVGElement | null) => {
      void loadKit().then((k) => {
        setKit(k);
        const { cluster } = appStore.getState();
        const menu = k.chaosMenuFor(cluster, target) ?? k.chaosMenuFor(cluster, { kind: 'Canvas', name: '' })!;
        setOpen({ x, y, menu, targetId, ...(returnFocus ? { returnFocus } : {}) });
      });
    },
    [setOpen],
  );

  const close = useCallback(
    (refocus: boolean) => {
      const was = current.current;
      setOpen(null);
      if (refocus) was?.returnFocus?.focus();
    },
    [setOpen],
  );

  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((t) => t.id !== id)), []);

  const run = useCallback(
    async (action: ChaosAction) => {
      close(true);
      const [{ runLine }, { firstLine }] = await Promise.all([import('../terminal/run-line.ts'), loadKit()]);
      let toast: Omit<CommandToast, 'id'>;
      try {
        const r = await runLine(appStore, action.command);
        toast = { command: action.command, line: firstLine(r.chunks, r.exitCode !== 0, action.quietResult), failed: r.exitCode !== 0 };
      } catch (err) {
        // An engine bug must not take the canvas down: say so where the learner is looking.
        toast = { command: action.command, line: `the simulator failed: ${err instanceof Error ? err.message : String(err)}`, failed: true };
      }
      const id = ++serial.current;
      setToasts((list) => [...list, { ...toast, id }].slice(-MAX_TOASTS));
    },
    [close],
  );

  const onNodeContextMenu = useCallback(
    (event: ReactMouseEvent, node: MenuNode) => {
      if (!enabled) return;
      event.preventDefault();
      if (current.current?.targetId === node.id) return; // already open for it (a keyboard-made contextmenu after Shift+F10)
      const target = targetOf(node) ?? (() => {
        const zone = zoneAt(nodes, event.clientX, event.clientY);
        return zone ? targetOf(zone) : undefined;
      })();
      if (!target) return show({ kind: 'Canvas', name: '' }, 'canvas', event.clientX, event.clientY);
      // A keyboard-made contextmenu event has no pointer position: open at the card instead.
      const at = event.clientX === 0 && event.clientY === 0 ? (event.currentTarget as HTMLElement).getBoundingClientRect() : undefined;
      show(target, node.id, at ? at.left + 12 : event.clientX, at ? at.top + 28 : event.clientY);
    },
    [enabled, nodes, show],
  );

  const onPaneContextMenu = useCallback(
    (event: ReactMouseEvent | MouseEvent) => {
      if (!enabled) return;
      event.preventDefault();
      const zone = zoneAt(nodes, event.clientX, event.clientY);
      const target = zone ? targetOf(zone) : undefined;
      show(target ?? { kind: 'Canvas', name: '' }, zone?.id ?? 'canvas', event.clientX, event.clientY);
    },
    [enabled, nodes, show],
  );

  // Shift+F10 or the ContextMenu key on a focused card opens its menu, anchored to the card.
  const onKeyDown = useCallback(
    (event: ReactKeyboardEvent) => {
      if (!enabled || !(event.key === 'ContextMenu' || (event.key === 'F10' && event.shiftKey))) return;
      // A card, or in the overview (overview.ts) a tile: both carry the node id as data-id.
      const el = document.activeElement?.closest<HTMLElement | SVGGElement>('.react-flow__node, .overview-tile');
      const node = el ? nodes.find((n) => n.id === el.dataset['id']) : undefined;
      const target = node ? targetOf(node) : undefined;
      if (!el || !node || !target) return;
      event.preventDefault();
      const r = el.getBoundingClientRect();
      show(target, node.id, r.left + 12, r.top + Math.min(r.height, 44), el);
    },
    [enabled, nodes, show],
  );

  const overlay = (
    <>
      {open && kit && <kit.ContextMenu open={open} onRun={(a) => void run(a)} onClose={close} />}
      <CommandToasts toasts={toasts} onDismiss={dismiss} />
    </>
  );

  return { onNodeContextMenu, onPaneContextMenu, onKeyDown, overlay };
}
