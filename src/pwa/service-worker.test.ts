import { describe, expect, it, vi } from 'vitest';
import { createUpdateStore, startServiceWorker, UPDATE_CHECK_MS, type RegisterOptions, type ServiceWorkerEnv } from './service-worker.ts';

/** A fake browser: idle when the test says so, a register helper that records what it was given. */
function fakeEnv(overrides: Partial<ServiceWorkerEnv> = {}) {
  let becomeIdle = () => {};
  const idle = new Promise<void>((resolve) => (becomeIdle = resolve));
  const registered: RegisterOptions[] = [];
  const update = vi.fn(async (_reload?: boolean) => {});
  const timers: { ms: number; fn: () => void }[] = [];
  let online = true;
  const env: ServiceWorkerEnv = {
    supported: true,
    whenIdle: () => idle,
    loadRegister: async () => (options) => {
      registered.push(options);
      return update;
    },
    every: (ms, fn) => void timers.push({ ms, fn }),
    isOnline: () => online,
    reportError: () => {},
    ...overrides,
  };
  return { env, becomeIdle, registered, update, timers, goOffline: () => (online = false) };
}

describe('service worker registration', () => {
  it('waits for the page to be idle before loading the register helper', async () => {
    const f = fakeEnv();
    const store = createUpdateStore();
    const started = startServiceWorker(store, f.env);
    await Promise.resolve();
    expect(f.registered).toEqual([]);
    f.becomeIdle();
    await started;
    expect(f.registered).toHaveLength(1);
    expect(f.registered[0]!.immediate).toBe(true);
  });

  it('does nothing where service workers are not supported (vite dev, old browsers)', async () => {
    const loadRegister = vi.fn();
    const f = fakeEnv({ supported: false, loadRegister });
    f.becomeIdle();
    await startServiceWorker(createUpdateStore(), f.env);
    expect(loadRegister).not.toHaveBeenCalled();
  });

  it('offers the waiting version and never reloads by itself; Reload lets it take over', async () => {
    const f = fakeEnv();
    const store = createUpdateStore();
    f.becomeIdle();
    await startServiceWorker(store, f.env);
    expect(store.getState().waiting).toBe(false);

    f.registered[0]!.onNeedRefresh!();
    expect(store.getState().waiting).toBe(true);
    expect(f.update).not.toHaveBeenCalled();

    store.getState().reload();
    expect(f.update).toHaveBeenCalledWith(true);
  });

  it('"Not now" hides the offer without activating the new version', async () => {
    const f = fakeEnv();
    const store = createUpdateStore();
    f.becomeIdle();
    await startServiceWorker(store, f.env);
    f.registered[0]!.onNeedRefresh!();
    store.getState().dismiss();
    expect(store.getState().waiting).toBe(false);
    expect(f.update).not.toHaveBeenCalled();
  });

  it('checks for a new version every hour while online, and skips the check offline', async () => {
    const f = fakeEnv();
    f.becomeIdle();
    await startServiceWorker(createUpdateStore(), f.env);
    const registration = { update: vi.fn(async () => {}) };
    f.registered[0]!.onRegisteredSW!('/sw.js', registration);
    expect(f.timers.map((t) => t.ms)).toEqual([UPDATE_CHECK_MS]);

    f.timers[0]!.fn();
    expect(registration.update).toHaveBeenCalledTimes(1);
    f.goOffline();
    f.timers[0]!.fn();
    expect(registration.update).toHaveBeenCalledTimes(1);
  });

  it('a failed update check does not surface as an unhandled rejection', async () => {
    const f = fakeEnv();
    f.becomeIdle();
    await startServiceWorker(createUpdateStore(), f.env);
    const registration = { update: vi.fn(() => Promise.reject(new Error('offline'))) };
    f.registered[0]!.onRegisteredSW!('/sw.js', registration);
    f.timers[0]!.fn();
    await new Promise((r) => setTimeout(r, 0));
    expect(registration.update).toHaveBeenCalledTimes(1);
  });
});
