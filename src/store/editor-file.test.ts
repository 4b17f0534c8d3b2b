import { describe, expect, it } from 'vitest';
import { createAppStore } from './app-store.ts';
import { decodeShareFragment, encodeSession } from './share-link.ts';
import { runCommandAction } from './command-action.ts';
import { createCluster } from '../engine/index.ts';

const pvc = (name: string, size = '1Gi') => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${name}
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${size}
`;

const out = (r: { chunks: { text: string }[] }) => r.chunks.map((c) => c.text).join('');
const lastAction = (store: ReturnType<typeof createAppStore>) => store.getState().timeline.actions.at(-1)!.action;

describe("the editor's text is manifest.yaml in the terminal", () => {
  it('kubectl apply -f manifest.yaml applies what the editor shows, and cat prints it', async () => {
    const store = createAppStore({ seed: 1 });
    store.getState().setEditorText(pvc('data'));
    expect(out(await store.getState().runCommand('cat manifest.yaml'))).toBe(pvc('data'));
    expect(out(await store.getState().runCommand('ls'))).toBe('manifest.yaml\n');
    expect(out(await store.getState().runCommand('kubectl apply -f manifest.yaml'))).toBe('persistentvolumeclaim/data created\n');
    // The editor changes: the next line reads the new text.
    store.getState().setEditorText(pvc('logs'));
    expect(out(await store.getState().runCommand('kubectl apply -f ./manifest.yaml'))).toBe('persistentvolumeclaim/logs created\n');
    expect(out(await store.getState().runCommand('kubectl get pvc -o name'))).toBe('persistentvolumeclaim/data\npersistentvolumeclaim/logs\n');
    // Not from another directory, as a real file would not be.
    const elsewhere = await store.getState().runCommand('cd /tmp && kubectl apply -f manifest.yaml');
    expect(out(elsewhere)).toBe('error: the path "manifest.yaml" does not exist\n');
  });

  it('the recorded action carries the text the line read, so a share link replays the same result', async () => {
    const store = createAppStore({ seed: 1 });
    store.getState().setEditorText(pvc('data', '2Gi'));
    await store.getState().runCommand('kubectl apply -f manifest.yaml');
    expect(lastAction(store)).toEqual({ type: 'command', line: 'kubectl apply -f manifest.yaml', file: pvc('data', '2Gi') });
    // A line that does not read the file does not carry it.
    await store.getState().runCommand('kubectl create namespace lab');
    expect(lastAction(store)).toEqual({ type: 'command', line: 'kubectl create namespace lab' });
    // A copy made by a read-only line, applied later: the text comes with the line that changed the cluster.
    await store.getState().runCommand('cp manifest.yaml copy.yaml');
    store.getState().setEditorText('# something else now\n');
    await store.getState().runCommand('kubectl apply -f copy.yaml -n lab');
    expect(lastAction(store)).toMatchObject({ before: 'cp manifest.yaml copy.yaml', file: pvc('data', '2Gi') });

    // The link is opened where the editor holds something else entirely.
    const decoded = await decodeShareFragment(await encodeSession(store.getState().exportSession()));
    if (decoded.status !== 'ok') throw new Error(`the link does not open: ${JSON.stringify(decoded)}`);
    const session = decoded.session;
    const other = createAppStore({ seed: 1 });
    other.getState().setEditorText('');
    await other.getState().loadSession(session);
    const size = (s: typeof store) =>
      Object.values(s.getState().cluster.objects.PersistentVolumeClaim ?? {}).map((c) => `${c.metadata.namespace}/${c.metadata.name}=${(c as { spec?: { resources?: { requests?: { storage?: string } } } }).spec?.resources?.requests?.storage}`);
    expect(size(other)).toEqual(size(store));
    expect(size(other)).toEqual(['default/data=2Gi', 'lab/data=2Gi']);
  });

  it('a line that writes manifest.yaml changes the editor text; removing it lasts only for that line', async () => {
    const store = createAppStore({ seed: 1 });
    store.getState().setEditorText('# mine\n');
    await store.getState().runCommand(`cat > manifest.yaml <<EOF\n${pvc('from-terminal')}EOF`);
    expect(store.getState().editorText).toBe(pvc('from-terminal'));
    await store.getState().runCommand('echo "# appended" >> manifest.yaml');
    expect(store.getState().editorText).toBe(`${pvc('from-terminal')}# appended\n`);
    expect(out(await store.getState().runCommand('rm manifest.yaml; cat manifest.yaml'))).toBe('cat: manifest.yaml: No such file or directory\n');
    expect(store.getState().editorText).toBe(`${pvc('from-terminal')}# appended\n`);
    expect(out(await store.getState().runCommand('kubectl apply -f manifest.yaml'))).toBe('persistentvolumeclaim/from-terminal created\n');
  });

  it('kubesim run and the command layer without an editor have no manifest.yaml', () => {
    const r = runCommandAction(createCluster({ preset: 'kind' }), 'cat manifest.yaml');
    expect(r.chunks.map((c) => c.text).join('')).toBe('cat: manifest.yaml: No such file or directory\n');
    expect(r.editorFile).toBeUndefined();
  });
});
