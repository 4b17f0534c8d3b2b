// A container whose main process reads its stdin (`docker run -it busybox sh`, `docker run -i
// busybox sh`) is fed after it starts, line by line, by whoever is attached. What it prints then
// goes to the container's log, as the daemon's log driver records everything the process writes,
// and when it ends on its own (`exit 3`, end of input) the container stops with its status.
import type { ClusterState } from '../cluster/state.ts';
import { stopContainer } from './host.ts';

/** Appends what the attached main process printed (with a TTY: the terminal's bytes, echo and prompts included). */
export function appendContainerLog(state: ClusterState, id: string, text: string): ClusterState {
  const c = state.docker.containers[id];
  if (!c || text === '') return state;
  return { ...state, docker: { ...state.docker, containers: { ...state.docker.containers, [id]: { ...c, logs: c.logs + text } } } };
}

/** The main process exited with `code`: the container is Exited (code), its writable layer kept, as after `docker stop`. */
export function mainProcessExited(state: ClusterState, id: string, code: number): ClusterState {
  return stopContainer(state, id, code);
}
