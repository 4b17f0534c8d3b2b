// The terminal in the bottom dock: xterm.js over the same command layer as `kubesim run`
// (kubectl, docker, kubesim explain, sleep, sudo). Commands change the cluster through the store,
// so the canvas and the timeline follow. Loaded lazily: xterm is not part of the first screen.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { appStore } from '../../store/index.ts';
import { actingForks } from '../../store/playback.ts';
import { complete } from './complete.ts';
import { runLine } from './run-line.ts';
import type { Nested } from '../../store/engine-protocol.ts';
import type { CommandResult } from '../../store/index.ts';
import { needsMoreLines } from './continuation.ts';
import { CONTINUATION_PROMPT, EMPTY_LINE, insertCompletion, pressKey, PROMPT, viewOf, type LineState } from './line-editor.ts';
import { erase, paint, toEnd } from './screen.ts';

const GREETING = [
  '\x1b[1mkubectl\x1b[0m and \x1b[1mdocker\x1b[0m against the simulated cluster. Tab completes, ↑/↓ walk the history, Ctrl+R searches it, Ctrl+C cancels, `clear` clears.',
  'Try: \x1b[36mkubectl apply -f manifest.yaml\x1b[0m (the editor\'s text) · \x1b[36mkubectl get pv,pvc\x1b[0m · \x1b[36mkubectl exec example-pod -- df -h /usr/share/nginx/html\x1b[0m · \x1b[36mdocker run -d --name web nginx\x1b[0m',
];

const THEME = { background: '#0b1020', foreground: '#e2e8f0', cursor: '#a5b4fc', selectionBackground: '#334155', green: '#4ade80', red: '#f87171', cyan: '#67e8f9', brightBlack: '#64748b' };

export default function TerminalPane({ active }: { active: boolean }) {
  const host = useRef<HTMLDivElement>(null);
  const terminal = useRef<Terminal | null>(null);

  useEffect(() => {
    const el = host.current!;
    const term = new Terminal({ convertEol: true, cursorBlink: true, fontSize: 13, lineHeight: 1.2, fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace', theme: THEME, scrollback: 5000 });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    terminal.current = term;
    const refit = () => {
      if (el.clientWidth > 0 && el.clientHeight > 0) fit.fit();
    };
    refit();
    const resize = new ResizeObserver(refit);
    resize.observe(el);
    term.write(GREETING.join('\r\n') + '\r\n\r\n');

    // The history survives a reload (the store saves it).
    const saved = appStore.getState().terminalHistory;
    let state: LineState = { ...EMPTY_LINE, history: saved, historyIndex: saved.length };
    // A line running in the engine's worker: keys wait (as a shell's do) except Ctrl+C, which cancels it.
    let running = false;
    let typedAhead: string[] = [];
    // A command typed over several lines (a loop, a here-document, an open quote): its lines
    // collect behind bash's `> ` prompt until it is whole, then run as one.
    let pending: string[] | undefined;
    // The row of the line's drawing the cursor is on (a long line wraps onto several): see screen.ts.
    let row = 0;
    // Inside a container's shell (`kubectl exec -it POD -- sh`; the store says which is open): its
    // prompt, its own history (a fresh shell has none), and the terminal's line kept for afterwards.
    let outer: LineState | undefined;
    const processPrompt = () => appStore.getState().terminalProcess?.prompt;
    const prompt = () => processPrompt() ?? (pending ? CONTINUATION_PROMPT : PROMPT);
    const view = () => viewOf(state, prompt());
    const show = () => {
      const painted = paint(view(), term.cols, row);
      row = painted.row;
      term.write(painted.out);
    };
    /** Leaves the line as typed (the cursor after its end) and starts a new row below it. */
    const leaveLine = (text: string, mark = '') => {
      // Behind the prompt again, also when the line came from a Ctrl+R search.
      const done = viewOf({ ...EMPTY_LINE, line: text, cursor: text.length }, prompt());
      term.write(paint(done, term.cols, row).out + mark + '\r\n');
      row = 0;
    };
    show();

    // Which timeline the terminal last said it is on (live, or the past); see the note below.
    // A play-out counts as live: a line run during one goes live first (the store), it forks nothing.
    let announcedLive = true;
    const announce = () => {
      const s = appStore.getState();
      const t = s.timeline;
      const live = !actingForks(s);
      if (live === announcedLive) return;
      announcedLive = live;
      const note = live
        ? '\x1b[2m── back to live ──\x1b[0m'
        : `\x1b[33m── viewing frame ${t.cursor + t.dropped} of the timeline (the past): commands run now fork a what-if timeline ──\x1b[0m`;
      // Above the line being typed, which is drawn again below it.
      term.write(erase(row) + note + '\r\n');
      row = 0;
      show();
    };

    /** Into the process a line opened, or back out of it: the line editor's state follows. */
    const followProcess = () => {
      const inside = appStore.getState().terminalProcess !== null;
      if (inside && !outer) {
        outer = state;
        state = EMPTY_LINE;
      } else if (!inside && outer) {
        state = outer;
        outer = undefined;
      }
    };
    /** A line (or Ctrl-D, Ctrl-C) for the process open at the terminal: it runs in the container, recorded on the timeline. */
    const sendToProcess = (line: string, nested: Nested) => {
      running = true;
      void runLine(appStore, line, nested).then((result) => {
        printResult(result);
        // Nothing printed after Ctrl-D (ash says nothing): the next prompt still starts a row of its own.
        if (nested === 'eof' && !result.chunks.some((c) => c.text)) term.write('\r\n');
        afterLine();
      });
    };
    /** The prompt comes back after a line: the container's, or the terminal's; keys typed meanwhile are handled now. */
    const afterLine = () => {
      running = false;
      followProcess();
      // A what-if fork made by this line, said after its output rather than inside it.
      announce();
      show();
      const ahead = typedAhead;
      typedAhead = [];
      for (const data of ahead) onInput(data);
    };
    const submit = (typed: string) => {
      if (outer) {
        // The container's shell reads the line; an unfinished command waits there at its `> `.
        const unfinished = appStore.getState().terminalProcess?.pending;
        if (typed.trim() === '' && !unfinished) return show();
        // `clear` only clears the screen: the terminal does that itself, as it does at `$`.
        if (typed.trim() === 'clear' && !unfinished) {
          term.clear();
          return show();
        }
        return sendToProcess(typed, 'line');
      }
      const lines = [...(pending ?? []), typed];
      const line = lines.join('\n');
      if (needsMoreLines(line)) {
        pending = lines;
        return show();
      }
      pending = undefined;
      appStore.getState().setTerminalHistory(state.history);
      if (line.trim() === 'clear') term.clear();
      else if (line.trim()) {
        running = true;
        void runLine(appStore, line).then(async (result) => {
          printResult(result);
          // `kubectl edit`: the object is in the editor pane; like kubectl waiting for its editor,
          // the prompt comes back once the edit is applied or abandoned.
          const edit = result.effects?.find((e) => e.type === 'edit');
          if (edit) {
            term.write(`\x1b[2mEditing ${edit.resource} in the editor: Apply edit (${/Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl'}+S) saves it, Cancel (Escape) leaves it.\x1b[0m\r\n`);
            const { startEdit, editLine } = await import('../editor/kubectl-edit.ts');
            const saved = await startEdit(edit);
            if (saved === undefined) term.write('Edit cancelled, no changes made.\r\n');
            else printResult(await runLine(appStore, editLine(edit, saved)));
          }
          afterLine();
        });
        return;
      }
      show();
    };
    function printResult({ chunks, exitCode }: CommandResult) {
      // stderr is red only when the command failed: docker's pull progress is not an error.
      for (const c of chunks) term.write(c.stream === 'stderr' && exitCode !== 0 ? `\x1b[31m${c.text}\x1b[0m` : c.text);
      // Output that does not end its line (`echo -n hi`) is ended here, so the prompt starts a row of its own.
      const last = chunks.filter((c) => c.text).at(-1)?.text;
      if (last !== undefined && !last.endsWith('\n')) term.write('\r\n');
    }
    const onData = term.onData((data) => onInput(data));
    function onInput(data: string) {
      if (running) {
        // Ctrl+C also abandons an edit open in the editor pane.
        if (data === '\x03') void import('../editor/kubectl-edit.ts').then(({ endEdit }) => endEdit(undefined)).then(() => appStore.getState().cancelAction());
        else typedAhead.push(data);
        return;
      }
      // Pasted text with newlines runs line by line.
      const pieces = data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b') ? data.split(/\r\n|\r|\n/) : [data];
      pieces.forEach((piece, i) => {
        // Lines after the first wait when the first started a command (they are typed ahead).
        if (running) return void typedAhead.push(i < pieces.length - 1 ? `${piece}\r` : piece);
        const out = i < pieces.length - 1 ? pressKey(pressKey(state, piece).state, '\r') : pressKey(state, piece);
        if (out.kind === 'edit') {
          state = out.state;
          show();
        } else if (out.kind === 'submit') {
          leaveLine(out.line);
          state = out.state;
          // The next lines of a command (a loop's body, a here-document's) are not commands to recall with ↑.
          if ((pending || (outer && appStore.getState().terminalProcess?.pending)) && state.history[state.history.length - 1] === out.line.trim()) state = { ...state, history: state.history.slice(0, -1), historyIndex: state.history.length - 1 };
          submit(out.line);
        } else if (out.kind === 'interrupt') {
          leaveLine(view().text, '^C');
          state = out.state;
          pending = undefined;
          // A container's shell throws its unfinished command away too (the engine holds it).
          if (outer && appStore.getState().terminalProcess?.pending) return sendToProcess('', 'interrupt');
          show();
        } else if (out.kind === 'eof') {
          // Ctrl-D: the container's shell reads end of input and exits; the terminal's own stays.
          if (!outer) return;
          // The cursor stays behind the prompt: what the shell prints on leaving (bash: `exit`) goes there.
          term.write(toEnd(view(), term.cols, row).out);
          row = 0;
          state = out.state;
          sendToProcess('', 'eof');
        } else if (out.kind === 'clear') {
          state = out.state;
          term.clear();
          // The terminal keeps the cursor's row as its first: the line is drawn again from there.
          row = 0;
          show();
        } else if (out.kind === 'complete') {
          state = out.state;
          // Completion knows the terminal's commands and the cluster's names, not a container's files.
          if (outer) return;
          const before = state.line.slice(0, state.cursor);
          const { candidates, common } = complete(before, appStore.getState().cluster);
          const current = before.match(/\S*$/)![0];
          if (candidates.length === 1) state = insertCompletion(state, candidates[0]!, true).state;
          else if (common.length > current.length) state = insertCompletion(state, common, false).state;
          else if (candidates.length > 1) {
            // The candidates below the line, then the line again, as bash lists them.
            const end = toEnd(view(), term.cols, row);
            term.write(end.out + '\r\n' + candidates.join('  ') + '\r\n');
            row = 0;
          }
          show();
        }
      });
    }
    // A resize rewraps what is on screen: find the row the cursor is on within the line's drawing
    // (the rows the terminal marks as continuing the one above), then draw the line for the new width.
    const onResize = term.onResize(() => {
      if (running) return;
      term.write('', () => {
        const buffer = term.buffer.active;
        let y = buffer.baseY + buffer.cursorY;
        let wrapped = 0;
        while (y > 0 && buffer.getLine(y)?.isWrapped) {
          y--;
          wrapped++;
        }
        row = wrapped;
        show();
      });
    });
    // Time travel: say so when the view leaves the present and when it comes back, above the line
    // being typed (a line per frame during playback would drown the learner's own output). Not
    // while a line runs or a multi-line command is open: that is said when the prompt comes back.
    const unsubscribe = appStore.subscribe(() => {
      if (running) return;
      // A reset or a loaded session closed the process: the terminal's own prompt again.
      if (outer && appStore.getState().terminalProcess === null) {
        term.write(erase(row));
        row = 0;
        followProcess();
        show();
      }
      if (!pending) announce();
    });
    return () => {
      unsubscribe();
      onData.dispose();
      onResize.dispose();
      resize.disconnect();
      term.dispose();
      terminal.current = null;
    };
  }, []);

  useEffect(() => {
    if (active) terminal.current?.focus();
  }, [active]);

  return <div ref={host} className="h-full min-h-0 w-full bg-[#0b1020] px-2 pt-1" role="region" aria-label="Terminal" data-testid="terminal" />;
}
