import { describe, expect, it } from 'vitest';
import { viewOf } from '../engine/index.ts';
import { createAppStore, MAX_STEPS } from './app-store.ts';
import { loadInputs, STORAGE_KEY, type KeyValueStorage } from './persistence.ts';
import { selectEvents, selectProblems, selectSelectedObject } from './selectors.ts';
import { STARTER_MANIFEST } from './starter.ts';

function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

const PVC = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: example-pvc
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 2Gi
`;
const POD = `apiVersion: v1
kind: Pod
metadata:
  name: example-pod
spec:
  containers:
    - name: app
      image: nginx
      volumeMounts: [{ name: data, mountPath: /data }]
  volumes:
    - name: data
      persistentVolumeClaim: { claimName: example-pvc }
`;

function phaseOf(store: ReturnType<typeof createAppStore>, kind: 'PersistentVolumeClaim' | 'PersistentVolume' | 'Pod', key: string) {
  const obj = viewOf(store.getState().cluster).get(kind, key) as { status?: { phase?: string } } | undefined;
  return obj?.status?.phase;
}

describe('app store', () => {
  it('starts on the bare preset with the starter manifest and an empty timeline', () => {
    const store = createAppStore();
    const s = store.getState();
    expect(s.preset).toBe('bare');
    expect(s.editorText).toBe(STARTER_MANIFEST);
    expect(s.steps).toEqual([]);
    expect(s.lastApply).toBeNull();
    expect(viewOf(s.cluster).list('Node').map((n) => n.metadata.name)).toEqual(['node-1']);
  });

  it('applyEditor runs the engine: the starter ends PV, PVC Bound and the pod Running', () => {
    const store = createAppStore();
    store.getState().applyEditor();
    expect(phaseOf(store, 'PersistentVolume', 'example-pv')).toBe('Bound');
    expect(phaseOf(store, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Bound');
    expect(phaseOf(store, 'Pod', 'default/example-pod')).toBe('Running');
    const s = store.getState();
    expect(s.lastApply?.results.map((r) => r.outcome)).toEqual(['created', 'created', 'created']);
    expect(s.latestSteps[0]?.actor).toBe('user');
    expect(s.steps.map((x) => x.summary)).toContain('persistentvolume-binder bound claim default/example-pvc to volume example-pv');
    expect(selectProblems(s)).toEqual([]);
  });

  it('does not touch the cluster it was given (the engine returns a new state)', () => {
    const store = createAppStore();
    const before = store.getState().cluster;
    const snapshot = JSON.stringify(before);
    store.getState().applyEditor();
    expect(store.getState().cluster).not.toBe(before);
    expect(JSON.stringify(before)).toBe(snapshot);
  });

  it('turns engine errors into problems with the line they are about', () => {
    const store = createAppStore();
    store.getState().setEditorText('# a claim without access modes\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\nspec:\n  resources:\n    requests:\n      storage: 1Gi\n');
    store.getState().applyEditor();
    const problems = selectProblems(store.getState());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ line: 6, severity: 'error' });
    expect(problems[0]!.text).toMatch(/^Line 6: The PersistentVolumeClaim "data" is invalid: spec\.accessModes: Required value/);
  });

  it('reports a YAML syntax error without changing the cluster', () => {
    const store = createAppStore();
    const before = store.getState().cluster;
    store.getState().setEditorText('kind: PersistentVolume\nmetadata: [oops\n');
    store.getState().applyEditor();
    expect(store.getState().cluster.objects.PersistentVolume ?? {}).toEqual(before.objects.PersistentVolume ?? {});
    expect(selectProblems(store.getState())[0]?.severity).toBe('error');
  });

  it('resetCluster starts a fresh cluster of the chosen preset and keeps the editor text', () => {
    const store = createAppStore();
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    store.getState().selectObject({ kind: 'PersistentVolumeClaim', namespace: 'default', name: 'example-pvc' });
    store.getState().resetCluster('kind');
    const s = store.getState();
    expect(s.preset).toBe('kind');
    expect(s.editorText).toBe(PVC);
    expect(s.steps).toEqual([]);
    expect(s.lastApply).toBeNull();
    expect(s.selected).toBeNull();
    expect(viewOf(s.cluster).list('PersistentVolumeClaim')).toEqual([]);
    expect(viewOf(s.cluster).list('StorageClass').map((c) => c.metadata.name)).toEqual(['standard']);
  });

  it('on kind, a claim waits for its first consumer and binds once a pod uses it', () => {
    const store = createAppStore();
    store.getState().resetCluster('kind');
    store.getState().setEditorText(PVC);
    store.getState().applyEditor();
    expect(phaseOf(store, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Pending');
    store.getState().setEditorText(`${PVC}---\n${POD}`);
    store.getState().applyEditor();
    expect(phaseOf(store, 'PersistentVolumeClaim', 'default/example-pvc')).toBe('Bound');
  });

  it('keeps at most MAX_STEPS steps, newest last', () => {
    const store = createAppStore();
    for (let i = 0; i < 40; i++) {
      store.getState().setEditorText(`apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\n`);
      store.getState().applyEditor();
    }
    const steps = store.getState().steps;
    expect(steps.length).toBeLessThanOrEqual(MAX_STEPS);
    expect(steps.at(-1)?.summary).toContain('cm-39');
  });

  it('selects objects by reference and reads them from the current cluster', () => {
    const store = createAppStore();
    store.getState().applyEditor();
    store.getState().selectObject({ kind: 'PersistentVolume', name: 'example-pv' });
    expect(selectSelectedObject(store.getState())?.metadata.name).toBe('example-pv');
    store.getState().selectObject(null);
    expect(selectSelectedObject(store.getState())).toBeUndefined();
  });

  it('lists events oldest first, in the order they happened', () => {
    const store = createAppStore();
    store.getState().applyEditor();
    const reasons = selectEvents(store.getState()).map((e) => e.reason);
    expect(reasons).toEqual(['Scheduled', 'Pulling', 'Pulled', 'Created', 'Started']);
  });

  it('survives an engine failure: the report carries the message, the cluster is unchanged', () => {
    const store = createAppStore();
    const before = store.getState().timeline;
    // A state the engine cannot work with stands in for an engine bug.
    store.setState({ timeline: { ...before, frames: [{ state: null as never, action: -1 }] } });
    store.getState().applyEditor();
    expect(store.getState().lastApply?.crash).toBeTruthy();
    expect(selectProblems(store.getState())[0]?.text).toMatch(/^error: internal error: /);
    expect(selectProblems(store.getState())[0]?.text).not.toMatch(/\n    at /); // a message, not a stack trace
    expect(store.getState().busy).toBeNull(); // and the store takes the next action
    expect(store.getState().timeline.frames).toHaveLength(1);
  });
});

describe('app store persistence', () => {
  it('while the editor shows borrowed text (kubectl edit), a reload and a share link keep the learner\'s text', () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().setEditorText(PVC);
    a.getState().setEditorTextAside(PVC);
    a.getState().setEditorText('# Please edit the object below.\nkind: Deployment\n');
    expect(loadInputs(storage).editorText).toBe(PVC);
    expect(a.getState().exportSession().editorText).toBe(PVC);
    expect(createAppStore({ storage }).getState().editorText).toBe(PVC);
    // The edit ends: what the editor shows is saved again.
    a.getState().setEditorText(PVC + '# more\n');
    a.getState().setEditorTextAside(null);
    expect(loadInputs(storage).editorText).toBe(PVC + '# more\n');
  });

  it('saves the editor text, preset and theme, and restores them', () => {
    const storage = memoryStorage();
    const a = createAppStore({ storage });
    a.getState().setEditorText(PVC);
    a.getState().resetCluster('multi-az');
    a.getState().setTheme('dark');
    expect(loadInputs(storage)).toEqual({ editorText: PVC, preset: 'multi-az', theme: 'dark' });

    const b = createAppStore({ storage });
    expect(b.getState().editorText).toBe(PVC);
    expect(b.getState().preset).toBe('multi-az');
    expect(b.getState().theme).toBe('dark');
    expect(viewOf(b.getState().cluster).list('StorageClass').map((c) => c.metadata.name)).toEqual(['gp3']);
  });

  it('keeps an empty editor text (it is not replaced by the starter)', () => {
    const storage = memoryStorage();
    createAppStore({ storage }).getState().setEditorText('');
    expect(createAppStore({ storage }).getState().editorText).toBe('');
  });

  it('ignores corrupt, foreign or invalid saved data', () => {
    for (const raw of ['{not json', '[]', '{"v":99,"editorText":"x"}', '{"v":1,"preset":"minikube","theme":"blue","editorText":3}']) {
      const s = createAppStore({ storage: memoryStorage({ [STORAGE_KEY]: raw }) }).getState();
      expect(s.preset).toBe('bare');
      expect(s.theme).toBe('system');
      expect(s.editorText).toBe(STARTER_MANIFEST);
    }
  });

  it('works when the storage throws (private mode, quota)', () => {
    const storage: KeyValueStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    const store = createAppStore({ storage });
    expect(() => store.getState().setEditorText('x')).not.toThrow();
    expect(store.getState().editorText).toBe('x');
  });
});
