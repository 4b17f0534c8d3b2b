// A command line that starts an interactive process (`kubectl exec -it POD -- sh`, `docker exec
// -it C bash`, `docker run -it busybox sh`) typed in the browser terminal, whose stdin is a
// terminal. The command layer decides that such a line starts one (this file), opens it through
// the engine (containers/interactive.ts) and hands it to its caller as an effect; the browser
// terminal's engine worker keeps it open and feeds it the lines typed (src/store/interactive-action.ts).
// `kubesim run` has no terminal: there the same lines run once, as before, with the tools' notes.
import type { ClusterState, Step } from '../../engine/index.ts';
import { act } from '../../engine/index.ts';
import type { InteractiveSession } from '../../engine/containers/interactive.ts';
import { finishInteractiveRun } from '../docker/containers.ts';

/** An interactive process as its opener leaves it to the terminal: plain data (it crosses to the engine's worker). */
export interface InteractiveLaunch {
  session: InteractiveSession;
  /** Who reports its end: kubectl prints `command terminated with exit code N`; docker prints nothing. */
  via: 'kubectl' | 'docker';
  /** `docker run -it`: the process is the container's own; its end stops the container (and `--rm` removes it). */
  mainProcess?: { id: string; autoRemove: boolean };
  /** What the kubelet's step says if a line ends the container's main process (`kill 1`). */
  label: string;
}

/** What ending the process does to the cluster and prints after it, as the tool that started it does. */
export function finishInteractive(state: ClusterState, launch: InteractiveLaunch, code: number): { state: ClusterState; stderr: string; steps: Step[] } {
  // The shell was PID 1: the container exits with its status (`docker ps -a`: Exited (3)).
  if (launch.mainProcess) return { state: finishInteractiveRun(state, launch.mainProcess.id, launch.mainProcess.autoRemove, code), stderr: '', steps: [] };
  // kubectl exec reports a non-zero status of the remote process (exec.go, CodeExitError).
  return { state, stderr: launch.via === 'kubectl' && code !== 0 ? `command terminated with exit code ${code}\n` : '', steps: [] };
}

/** After a line that ended the container's main process (`kill 1`): the kubelet notices, as after a one-off exec. */
export function settleMainEnded(state: ClusterState, launch: InteractiveLaunch): { state: ClusterState; steps: Step[] } {
  const settled = act(state, `user ran ${launch.label}`, () => undefined);
  return { state: settled.state, steps: settled.steps };
}
