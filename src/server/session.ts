// One served cluster: its state, and the simulated clock following the wall clock. Each request
// first lets the time since the last one pass (the engine's `sleep`: controllers resync, ages
// grow, timeouts fire), then reads or writes through the engine's doors.
//
// The controllers settle after a client's writes as `kubesim run` settles after a command: one
// kubectl command sends its requests on one connection (`apply -f` of three documents is three
// POSTs), so the writes of a connection settle together when another connection (the next
// command) is served, when the connection closes, or after a quiet moment. In between, that
// client sees its own writes unsettled, as it would against a real API server.
import { act, advanceClock, type ClusterState, type Txn } from '../engine/index.ts';
import { beginTxn } from '../engine/cluster/store.ts';

/** How long a connection's writes wait for more before the controllers act on them. */
export const QUIET_MS = 150;

export interface ServeSession {
  state: ClusterState;
  /**
   * Wall clock minus simulated clock when serving began, in whole seconds: what timestamps are
   * moved by on the wire (wire-time.ts), so kubectl's own age arithmetic sees today's times.
   */
  offsetMs: number;
  /**
   * Before serving a request of `client` (a connection): settles another client's pending writes,
   * then advances the clock to the wall clock. While `client`'s own writes are pending nothing
   * moves (its command is still sending). A `passive` caller (a watch's poll) never settles.
   */
  sync(client?: number, passive?: boolean): void;
  /** Runs a write (an API request); with `dryRun` the result is computed and thrown away. */
  write<T>(summary: string, action: (txn: Txn) => T, dryRun?: boolean, client?: number): T;
  /** Lets the controllers act on writes not yet settled (a connection closed, or went quiet). */
  settle(): void;
  /** The client whose writes wait to be settled, if any. */
  readonly pending: number | undefined;
}

/**
 * `wallNow` is the wall clock (Date.now in serve; a fake in tests). Simulated time starts where
 * `state` is (after a `--script`, whatever its sleeps made it) and moves one for one with it.
 */
export function createSession(state: ClusterState, wallNow: () => number = Date.now): ServeSession {
  const wallStart = wallNow();
  const simStart = state.now;
  let pending: number | undefined;
  const session: ServeSession = {
    state,
    offsetMs: Math.round((wallStart - simStart) / 1000) * 1000,
    get pending() {
      return pending;
    },
    settle() {
      if (pending === undefined) return;
      pending = undefined;
      session.state = act(session.state, 'settle', () => undefined).state;
    },
    sync(client, passive = false) {
      if (pending !== undefined) {
        if (passive || pending === client) return;
        session.settle();
      }
      const target = simStart + (wallNow() - wallStart);
      const seconds = (target - session.state.now) / 1000;
      if (seconds >= 0.001) session.state = advanceClock(session.state, seconds).state;
    },
    write(summary, action, dryRun = false, client) {
      if (dryRun) return action(beginTxn(session.state));
      if (client === undefined) {
        session.settle();
        const r = act(session.state, summary, action);
        session.state = r.state;
        return r.result;
      }
      const txn = beginTxn(session.state);
      const result = action(txn);
      session.state = txn.state;
      pending = client;
      return result;
    },
  };
  return session;
}
