// Who waits for a container to end: `docker run` without -d attaches to the container and asks
// `POST /containers/ID/wait?condition=next-exit` (or `removed` with --rm) before it starts it,
// then prints what the attach stream carries and exits with the wait's status code.
//
// The CLI sends its wait from a goroutine, so it may arrive after the start it was meant to see
// (here a container's command runs the moment it starts): an exit nobody waited for is kept until
// the next start, and a removed container's status is kept, so a late wait is answered at once.
import type { Socket } from 'node:net';
import type { ClusterState } from '../../engine/index.ts';

export type WaitCondition = 'not-running' | 'next-exit' | 'removed';

interface Waiter {
  condition: WaitCondition;
  answer: (code: number) => void;
}

export class ExitTracker {
  private seen = new Map<string, { state: string; finishedAt: number; exitCode: number }>();
  private unwaited = new Map<string, number>();
  private removed = new Map<string, number>();
  private waiters = new Map<string, Waiter[]>();
  private attached = new Map<string, Socket[]>();
  /** Containers created with HostConfig.AutoRemove (`--rm`). */
  readonly autoRemove = new Set<string>();

  constructor(state: ClusterState) {
    this.observe(state, () => state);
  }

  /** An attach stream that ends when the container does. */
  attach(id: string, socket: Socket): void {
    this.attached.set(id, [...(this.attached.get(id) ?? []), socket]);
    socket.on('close', () => this.attached.set(id, (this.attached.get(id) ?? []).filter((s) => s !== socket)));
  }

  /** The sockets attached to a container (its output goes to them). */
  attachedTo(id: string): readonly Socket[] {
    return this.attached.get(id) ?? [];
  }

  /** A container is starting: an old exit is no longer news. */
  starting(id: string): void {
    this.unwaited.delete(id);
  }

  /** Registers a wait; answers at once when what it waits for has already happened. */
  wait(state: ClusterState, id: string, condition: WaitCondition, answer: (code: number) => void): void {
    const c = state.docker.containers[id];
    if (!c) {
      answer(this.removed.get(id) ?? 0);
      return;
    }
    if (condition === 'not-running' && c.state !== 'running') return answer(c.exitCode);
    if (condition === 'next-exit' && this.unwaited.has(id)) {
      const code = this.unwaited.get(id)!;
      this.unwaited.delete(id);
      return answer(code);
    }
    this.waiters.set(id, [...(this.waiters.get(id) ?? []), { condition, answer }]);
  }

  /**
   * After an operation: containers that ended are announced (attach streams close, waits are
   * answered); `--rm` containers that ended are removed through `remove`, then announced as removed.
   */
  observe(state: ClusterState, remove: (state: ClusterState, id: string) => ClusterState): ClusterState {
    let next = state;
    for (const c of Object.values(state.docker.containers)) {
      const before = this.seen.get(c.id);
      const ended = c.state === 'exited' && (before === undefined ? false : before.state !== 'exited' || before.finishedAt !== c.finishedAt);
      if (ended) this.exited(c.id, c.exitCode);
      if (ended && this.autoRemove.has(c.id)) next = remove(next, c.id);
    }
    const now = new Set(Object.keys(next.docker.containers));
    for (const [id, last] of this.seen) {
      if (now.has(id)) continue;
      // Removed in this very operation (--rm), the container's last status is in `state`.
      const code = state.docker.containers[id]?.exitCode ?? last.exitCode;
      this.removed.set(id, code);
      this.autoRemove.delete(id);
      this.answer(id, ['removed', 'next-exit', 'not-running'], code);
      for (const s of this.attachedTo(id)) s.end();
    }
    this.seen = new Map(Object.values(next.docker.containers).map((c) => [c.id, { state: c.state, finishedAt: c.finishedAt, exitCode: c.exitCode }]));
    return next;
  }

  /** A start the daemon refused (runc could not mount): the waits end with the container's exit code. */
  startFailed(id: string, code: number): void {
    this.exited(id, code);
  }

  private exited(id: string, code: number): void {
    const answered = this.answer(id, ['next-exit', 'not-running'], code);
    if (!answered) this.unwaited.set(id, code);
    for (const s of this.attachedTo(id)) s.end();
  }

  private answer(id: string, conditions: readonly WaitCondition[], code: number): boolean {
    const all = this.waiters.get(id) ?? [];
    const due = all.filter((w) => conditions.includes(w.condition));
    this.waiters.set(id, all.filter((w) => !due.includes(w)));
    for (const w of due) w.answer(code);
    return due.length > 0;
  }
}
