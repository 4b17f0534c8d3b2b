// The terminal in the bottom dock: xterm.js over the same command layer as `kubesim run`
// (kubectl, docker, kubesim explain, sleep, sudo). Commands change the cluster through the store,
// so the canvas and the timeline follow. Loaded lazily: xterm is not part of the first screen.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import { appStore } from '../../store/index.ts';
import { complete } from './complete.ts';
import { runLine } from './run-line.ts';
import { needsMoreLines } from './continuation.ts';
import { CONTINUATION_PROMPT, EMPTY_LINE, insertCompletion, pressKey, PROMPT, redraw, type LineState } from './line-editor.ts';

const GREETING = [
  '\x1b[1mkubectl\x1b[0m and \x1b[1mdocker\x1b[0m against the simulated cluster. Tab completes, ↑/↓ walk the history, Ctrl+R searches it, Ctrl+C cancels, `clear` clears.',
  'Try: \x1b[36mkubectl get pv,pvc\x1b[0m · \x1b[36mkubectl exec example-pod -- df -h /usr/share/nginx/html\x1b[0m · \x1b[36mdocker run -d --name web nginx\x1b[0m',
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
    term.write(GREETING.join('\r\n') + '\r\n\r\n' + PROMPT);

    let state: LineState = EMPTY_LINE;
    // A line running in the engine's worker: keys wait (as a shell's do) except Ctrl+C, which cancels it.
    let running = false;
    let typedAhead: string[] = [];
    // A command typed over several lines (a loop, a here-document, an open quote): its lines
    // collect behind bash's `> ` prompt until it is whole, then run as one.
    let pending: string[] | undefined;
    const submit = (typed: string) => {
      term.write('\r\n');
      const lines = [...(pending ?? []), typed];
      const line = lines.join('\n');
      if (needsMoreLines(line)) {
        pending = lines;
        return void term.write(CONTINUATION_PROMPT);
      }
      pending = undefined;
      if (line.trim() === 'clear') term.clear();
      else if (line.trim()) {
        running = true;
        void runLine(appStore, line).then(({ chunks, exitCode }) => {
          // stderr is red only when the command failed: docker's pull progress is not an error.
          for (const c of chunks) term.write(c.stream === 'stderr' && exitCode !== 0 ? `\x1b[31m${c.text}\x1b[0m` : c.text);
          term.write(PROMPT);
          running = false;
          const ahead = typedAhead;
          typedAhead = [];
          for (const data of ahead) onInput(data);
        });
        return;
      }
      term.write(PROMPT);
    };
    const onData = term.onData((data) => onInput(data));
    function onInput(data: string) {
      if (running) {
        if (data === '\x03') appStore.getState().cancelAction();
        else typedAhead.push(data);
        return;
      }
      // Pasted text with newlines runs line by line.
      const pieces = data.length > 1 && /[\r\n]/.test(data) && !data.startsWith('\x1b') ? data.split(/\r\n|\r|\n/) : [data];
      pieces.forEach((piece, i) => {
        const out = i < pieces.length - 1 ? pressKey(pressKey(state, piece).state, '\r') : pressKey(state, piece);
        state = out.state;
        if (out.kind === 'edit') term.write(out.echo);
        else if (out.kind === 'submit') {
          // The next lines of a command (a loop's body, a here-document's) are not commands to recall with ↑.
          if (pending && state.history[state.history.length - 1] === out.line.trim()) state = { ...state, history: state.history.slice(0, -1), historyIndex: state.history.length - 1 };
          if (out.echo) term.write(out.echo);
          submit(out.line);
        }
        else if (out.kind === 'interrupt') {
          pending = undefined;
          term.write('^C\r\n' + PROMPT);
        }
        else if (out.kind === 'clear') {
          term.clear();
          term.write(redraw(state));
        } else if (out.kind === 'complete') {
          const before = state.line.slice(0, state.cursor);
          const { candidates, common } = complete(before, appStore.getState().cluster);
          const current = before.match(/\S*$/)![0];
          if (candidates.length === 1) {
            const done = insertCompletion(state, candidates[0]!, true);
            state = done.state;
            if (done.kind === 'edit') term.write(done.echo);
          } else if (common.length > current.length) {
            const done = insertCompletion(state, common, false);
            state = done.state;
            if (done.kind === 'edit') term.write(done.echo);
          } else if (candidates.length > 1) {
            term.write('\r\n' + candidates.join('  ') + '\r\n' + PROMPT + state.line);
            term.write(redraw(state));
          }
        }
      });
    }
    // Time travel: say so when the view leaves the present and when it comes back, above the line
    // being typed (a line per frame during playback would drown the learner's own output).
    const unsubscribe = appStore.subscribe((now, before) => {
      const wasLive = before.timeline.cursor === before.timeline.frames.length - 1;
      const isLive = now.timeline.cursor === now.timeline.frames.length - 1;
      if (wasLive === isLive || pending) return;
      const note = isLive
        ? '\x1b[2m── back to live ──\x1b[0m'
        : `\x1b[33m── viewing frame ${now.timeline.cursor + now.timeline.dropped} of the timeline (the past): commands run now fork a what-if timeline ──\x1b[0m`;
      term.write('\r\x1b[2K' + note + '\r\n' + PROMPT + redraw(state));
    });
    return () => {
      unsubscribe();
      onData.dispose();
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
