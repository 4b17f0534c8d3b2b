// A container's main process on the Docker host. It lives in simulated time as a pod's does
// (containers/main-process.ts): `docker run -d busybox sh -c 'while true; do date; sleep 1; done'`
// prints a line a second into `docker logs`, as the clock moves (`sleep` in a script, the wall
// clock under `kubesim serve`); `dockerd` below wakes it at the end of each sleep. A container
// whose main process reads its stdin (`docker run -it busybox sh`, `docker run -i busybox sh`) is
// fed after it starts, line by line, by whoever is attached. What it prints then goes to the
// container's log, as the daemon's log driver records everything the process writes, and when it
// ends on its own (`exit 3`, end of input) the container stops with its status.
import type { ClusterState } from '../cluster/state.ts';
import type { Controller } from '../runtime/controller.ts';
import { followMainProcess } from '../containers/main-process.ts';
import { runsUntilStopped } from '../containers/process.ts';
import { COMMANDS } from '../shell/commands.ts';
import { runArgv, runProgram, type ShellResult } from '../shell/interpreter.ts';
import { hasOwn } from '../../lib/own.ts';
import { exitedAt, runInContainer, stopContainer, writableCopy } from './host.ts';

const SHELLS = ['sh', 'bash', 'ash'];

/** Appends what the attached main process printed (with a TTY: the terminal's bytes, echo and prompts included). */
export function appendContainerLog(state: ClusterState, id: string, text: string): ClusterState {
  const c = state.docker.containers[id];
  if (!c || text === '') return state;
  return {
    ...state,
    docker: {
      ...state.docker,
      containers: {
        ...state.docker.containers,
        [id]: { ...c, logs: c.logs + text },
      },
    },
  };
}

/** The main process exited with `code`: the container is Exited (code), its writable layer kept, as after `docker stop`. */
export function mainProcessExited(state: ClusterState, id: string, code: number): ClusterState {
  return stopContainer(state, id, code);
}

/**
 * Runs the container's main process on to the clock's now: at its start (with `stdin`, what it
 * reads before its input ends) and at each wake. Its output goes to the log; `output` is what
 * this run printed (what `docker run` without -d shows). A program the shell does not know (a
 * server binary) and a foreground server run until stopped.
 */
export function followDockerProcess(state: ClusterState, id: string, stdin = ''): { state: ClusterState; output: ShellResult } {
  const next = writableCopy(state);
  const c = next.docker.containers[id]!;
  const argv = c.command;
  const base = (argv[0] ?? '').slice((argv[0] ?? '').lastIndexOf('/') + 1);
  const shell = SHELLS.includes(base);
  // Long-running servers (nginx, python app.py) have nothing to print in the simulation.
  if (!shell && !hasOwn(COMMANDS, base)) return { state: next, output: { stdout: '', stderr: '', code: 0 } };
  const result = followMainProcess({
    startedAt: c.startedAt,
    now: next.now,
    ...(c.sleeps !== undefined ? { completed: c.sleeps } : {}),
    ...(c.resume ? { resume: c.resume } : {}),
    run: (attach, onOutput) =>
      runInContainer(next, id, argv, stdin, (ctx) => {
        const world = attach({ fs: ctx.fs });
        ctx.fs = world.fs;
        ctx.main = { stopsOn: [], command: argv, waits: world.waits, suspend: world.suspend };
        if (world.resume) return { stdout: '', stderr: '', ...world.resume(ctx, onOutput) };
        if (argv.length === 1 && stdin && shell) {
          const code = runProgram(stdin, ctx, { onOutput });
          return { stdout: '', stderr: '', code: ctx.exited ?? code };
        }
        return runArgv(argv, ctx, stdin, onOutput);
      }),
  });
  const after = next.docker.containers[id]!;
  const { sleeps: _sleeps, wakeAt: _wakeAt, resume: _resume, ...rest } = after;
  const logged = { ...rest, logs: after.logs + result.output };
  const running = result.running || (result.code === 0 && runsUntilStopped(argv));
  const output: ShellResult = {
    stdout: result.stdout,
    stderr: result.stderr,
    code: result.running ? 0 : result.code,
  };
  const waiting = result.running
    ? {
        sleeps: result.sleeps,
        ...(result.wakeAt !== undefined ? { wakeAt: result.wakeAt } : {}),
        ...(result.resume ? { resume: result.resume } : {}),
      }
    : {};
  next.docker = {
    ...next.docker,
    containers: { ...next.docker.containers, [id]: { ...logged, ...waiting } },
  };
  return {
    state: running ? next : exitedAt(next, id, result.running ? next.now : result.at, result.code),
    output,
  };
}

/** When the container's main process wakes from the sleep it is in, if it is running and has one. */
function wakeOf(c: ClusterState['docker']['containers'][string]): number | undefined {
  return c.state === 'running' ? c.wakeAt : undefined;
}

/**
 * The Docker daemon's clock: each running container whose main process's sleep has ended runs on.
 * It writes no API objects, so it makes no timeline step; its wakes bound a `sleep`'s skipping.
 */
export const dockerDaemon: Controller = {
  name: 'dockerd',
  source: 'dockerd',
  sync(ctx) {
    const state = ctx.txn.state;
    for (const id of Object.keys(state.docker.containers).sort()) {
      const wake = wakeOf(ctx.txn.state.docker.containers[id]!);
      if (wake === undefined || wake > ctx.now) continue;
      const next = followDockerProcess(ctx.txn.state, id).state;
      ctx.txn.state.docker = next.docker;
      ctx.txn.state.volumeData = next.volumeData;
      ctx.txn.state.nodeFiles = next.nodeFiles;
    }
  },
  wakeTimes(view) {
    return Object.values(view.state.docker.containers).map(wakeOf);
  },
};
