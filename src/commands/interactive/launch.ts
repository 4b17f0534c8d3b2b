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
import { finishPodMain } from '../kubectl/verbs/run-attach.ts';

/** An interactive process as its opener leaves it to the terminal: plain data (it crosses to the engine's worker). */
export interface InteractiveLaunch {
  session: InteractiveSession;
  /** Who reports its end: kubectl prints `command terminated with exit code N`; docker prints nothing. */
  via: 'kubectl' | 'docker';
  /** `docker run -it`: the process is the container's own; its end stops the container (and `--rm` removes it). */
  mainProcess?: { id: string; autoRemove: boolean };
  /** `kubectl run -it`: the process is the pod's main process; its end is the container's, then kubectl run's own ending (kubectl/verbs/run-attach.ts). */
  podMain?: PodMainProcess;
  /** What the kubelet's step says if a line ends the container's main process (`kill 1`). */
  label: string;
}

/** The pod `kubectl run -it` attached to, and what kubectl does once the attach ends. */
export interface PodMainProcess {
  namespace: string;
  pod: string;
  container: string;
  restartPolicy: 'Always' | 'OnFailure' | 'Never';
  /** --rm: the pod is deleted. */
  remove: boolean;
  /** --leave-stdin-open: kubectl does not wait for the pod's end. */
  leaveStdinOpen: boolean;
}

/** What ending the process does to the cluster and prints after it, as the tool that started it does. */
export function finishInteractive(state: ClusterState, launch: InteractiveLaunch, code: number): { state: ClusterState; stderr: string; steps: Step[] } {
  // The shell was PID 1: the container exits with its status (`docker ps -a`: Exited (3)).
  if (launch.mainProcess) return { state: finishInteractiveRun(state, launch.mainProcess.id, launch.mainProcess.autoRemove, code), stderr: '', steps: [] };
  // kubectl run -it: the pod's main process ended; kubectl's notes follow (one stream here: the terminal's).
  if (launch.podMain) {
    const fin = finishPodMain(state, launch.podMain, code);
    return { state: fin.state, stderr: fin.text, steps: fin.steps };
  }
  // kubectl exec reports a non-zero status of the remote process (exec.go, CodeExitError).
  return { state, stderr: launch.via === 'kubectl' && code !== 0 ? `command terminated with exit code ${code}\n` : '', steps: [] };
}

/** After a line that ended the container's main process (`kill 1`): the kubelet notices, as after a one-off exec. */
export function settleMainEnded(state: ClusterState, launch: InteractiveLaunch): { state: ClusterState; steps: Step[] } {
  const settled = act(state, `user ran ${launch.label}`, () => undefined);
  return { state: settled.state, steps: settled.steps };
}
