// Replaying a session (a share link, a restored reload, a lesson's start): its actions run again
// from a fresh cluster of its preset, and the deterministic engine rebuilds every frame exactly.
// Runs where the engine runs (the worker, or in-process in tests); never on the first screen.
import { createCluster } from '../engine/index.ts';
import { runManifestAction } from './manifest-action.ts';
import type { SessionV1 } from './session.ts';
import { recordAction, seek, startTimeline, type Timeline } from './timeline.ts';

/**
 * Rebuilds a session's timeline by running its actions again (commands load the command layer).
 * `onAction(done)` hears after each action, so a long replay can show how far it got.
 */
export async function replaySession(session: SessionV1, onAction?: (done: number) => void): Promise<Timeline> {
  const needsCommands = session.actions.some((a) => a.action.type === 'command' || a.action.type === 'interactive');
  const commands = needsCommands ? await import('./command-action.ts') : undefined;
  let t = startTimeline(session.preset, session.seed, createCluster({ preset: session.preset, seed: session.seed }));
  // The commands ran in one terminal shell (a variable set by one line is read by the next): so do they here.
  const shell = commands?.replayShell();
  for (const [i, { action, at }] of session.actions.entries()) {
    if (at !== undefined) {
      const frame = at - t.dropped;
      if (frame < 0 || frame >= t.frames.length) throw new Error(`action ${i + 1} forks at frame ${at}, which the replay never reached`);
      t = seek(t, frame);
    } else {
      t = seek(t, t.frames.length - 1);
    }
    const state = t.frames[t.cursor]!.state;
    // A line typed into a process a command opened (`kubectl exec -it`) goes to that process, open in the replay's shell as it was in the terminal's.
    const out =
      action.type === 'command' ? commands!.runCommandAction(state, action.before ? `${action.before}\n${action.line}` : action.line, shell, action.file)
      : action.type === 'interactive' ? commands!.runTerminalInput(state, action.line, shell, undefined, action.key ?? 'line')
      : runManifestAction(state, action);
    t = recordAction(t, action, out);
    onAction?.(i + 1);
  }
  return seek(t, session.cursor);
}
