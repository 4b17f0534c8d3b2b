import { describe, expect, it } from 'vitest';
import { UI_PREFS_KEY, type KeyValueStorage } from '../../store/persistence.ts';
import { applySessionLayout, createLayoutStore, layoutForSession, playOutOn, TEXT_SCALES } from './layout-store.ts';
import { headerZoom, presentationZoom } from './presentation.ts';

function fakeStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('layout store', () => {
  it('starts on the Events tab, YAML, presentation off', () => {
    const s = createLayoutStore(fakeStorage()).getState();
    expect([s.dockTab, s.inspectorView, s.presentation]).toEqual(['events', 'yaml', false]);
  });

  it('remembers the dock tab, the inspector view and presentation mode across a reload', () => {
    const storage = fakeStorage();
    const first = createLayoutStore(storage);
    first.getState().setDockTab('explain');
    first.getState().setInspectorView('describe');
    first.getState().setPresentation(true);
    const again = createLayoutStore(storage).getState();
    expect([again.dockTab, again.inspectorView, again.presentation]).toEqual(['explain', 'describe', true]);
  });

  it('falls back to the defaults for corrupt, foreign or unknown values', () => {
    for (const raw of ['{oops', '[]', JSON.stringify({ v: 99, dockTab: 'explain' }), JSON.stringify({ v: 1, dockTab: 'nope', inspectorView: 3, presentation: 'yes' })]) {
      const s = createLayoutStore(fakeStorage({ [UI_PREFS_KEY]: raw })).getState();
      expect([s.dockTab, s.inspectorView, s.presentation]).toEqual(['events', 'yaml', false]);
    }
  });

  it('plays out each action in presentation mode unless the teacher chose otherwise, and remembers the choice', () => {
    const storage = fakeStorage();
    const store = createLayoutStore(storage);
    expect(playOutOn(store.getState())).toBe(false);
    store.getState().setPresentation(true);
    expect(playOutOn(store.getState())).toBe(true);
    store.getState().setPlayOut(false);
    expect(playOutOn(store.getState())).toBe(false);
    store.getState().setPresentation(false);
    store.getState().setPlayOut(true);
    expect(playOutOn(createLayoutStore(storage).getState())).toBe(true);
    expect(createLayoutStore(fakeStorage({ [UI_PREFS_KEY]: JSON.stringify({ v: 1, playOut: 'yes' }) })).getState().playOut).toBeNull();
  });

  it('keeps working when the storage refuses to write', () => {
    const store = createLayoutStore({ getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } });
    store.getState().setPresentation(true);
    expect(store.getState().presentation).toBe(true);
  });
});

describe('the layout a share link carries', () => {
  it('round-trips the dock tab, the inspector view and presentation mode', () => {
    const from = createLayoutStore();
    from.getState().setDockTab('explain');
    from.getState().setInspectorView('layers');
    from.getState().setPresentation(true);
    const to = createLayoutStore();
    applySessionLayout(layoutForSession(from), to);
    expect([to.getState().dockTab, to.getState().inspectorView, to.getState().presentation]).toEqual(['explain', 'layers', true]);
  });

  it('ignores words this version does not know, and links without a layout', () => {
    const to = createLayoutStore();
    to.getState().setDockTab('terminal');
    applySessionLayout({ dock: 'graphs', inspector: 'hexdump' }, to);
    applySessionLayout(undefined, to);
    expect([to.getState().dockTab, to.getState().inspectorView, to.getState().presentation]).toEqual(['terminal', 'yaml', false]);
  });
});

describe('text size', () => {
  it('steps along TEXT_SCALES, clamped at both ends, and survives a reload', () => {
    const data = new Map<string, string>();
    const storage = { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) };
    const store = createLayoutStore(storage);
    expect(store.getState().textScale).toBe(1);
    store.getState().stepTextScale(1);
    store.getState().stepTextScale(1);
    expect(store.getState().textScale).toBe(1.5);
    for (let i = 0; i < 9; i++) store.getState().stepTextScale(1);
    expect(store.getState().textScale).toBe(TEXT_SCALES.at(-1));
    expect(createLayoutStore(storage).getState().textScale).toBe(2);
    for (let i = 0; i < 9; i++) store.getState().stepTextScale(-1);
    expect(store.getState().textScale).toBe(0.8);
  });
});

describe('presentationZoom', () => {
  it('is 1.25 at 1280×720 and 1.5 at 1920×1080, at most 1.5 and never below 1', () => {
    expect(presentationZoom(1280, 720)).toBe(1.25);
    expect(presentationZoom(1920, 1080)).toBe(1.5);
    expect(presentationZoom(3840, 2160)).toBe(1.5);
    expect(presentationZoom(1366, 768)).toBe(1.33);
    // 150 % browser zoom on a 720p projector leaves 853×480 CSS pixels: already large, not zoomed again.
    expect(presentationZoom(853, 480)).toBe(1);
    expect(presentationZoom(800, 600)).toBe(1);
  });

  it('multiplies by the teacher\'s text size', () => {
    expect(presentationZoom(1280, 720, 1.5)).toBe(1.88);
    expect(presentationZoom(853, 480, 0.8)).toBe(0.8);
  });
});

describe('headerZoom', () => {
  it('keeps the header at least 1280 px wide in layout: no zoom at 1280, the full zoom at 1920', () => {
    expect(headerZoom(1280, 1.25)).toBe(1);
    expect(headerZoom(1920, 1.5)).toBe(1.5);
    expect(headerZoom(1600, 1.5)).toBe(1.25);
    expect(headerZoom(1000, 1.25)).toBe(1);
  });
});
