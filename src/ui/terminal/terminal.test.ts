import { describe, expect, it } from 'vitest';
import { createCluster } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { createAppStore } from '../../store/app-store.ts';
import { runLine } from './run-line.ts';
import { complete } from './complete.ts';
import { EMPTY_LINE, heredocTerminator, insertCompletion, pressKey, viewOf, type LineState } from './line-editor.ts';

const type = (state: LineState, ...keys: string[]) => keys.reduce((s, k) => pressKey(s, k).state, state);

describe('the terminal line editor', () => {
  it('inserts, erases and moves like a shell line', () => {
    let s = type(EMPTY_LINE, 'kubectl get pv');
    expect([s.line, s.cursor]).toEqual(['kubectl get pv', 14]);
    s = type(s, '\x1b[D', '\x1b[D', 'X', '\x7f', '\x7f');
    expect([s.line, s.cursor]).toEqual(['kubectl getpv', 11]);
    s = type(s, '\x01', '\x1b[3~');
    expect([s.line, s.cursor]).toEqual(['ubectl getpv', 0]);
    s = type(s, '\x05', '\x15');
    expect([s.line, s.cursor]).toEqual(['', 0]);
  });

  it('Enter submits and records history; Up/Down walk it and give back the draft', () => {
    let out = pressKey(type(EMPTY_LINE, 'kubectl get pvc'), '\r');
    expect(out.kind === 'submit' && out.line).toBe('kubectl get pvc');
    let s = type(out.state, 'docker ps', '\r', 'half');
    expect(s.history).toEqual(['kubectl get pvc', 'docker ps']);
    s = type(s, '\x1b[A');
    expect(s.line).toBe('docker ps');
    s = type(s, '\x1b[A', '\x1b[A');
    expect(s.line).toBe('kubectl get pvc');
    s = type(s, '\x1b[B', '\x1b[B');
    expect(s.line).toBe('half');
    out = pressKey(s, '\x03');
    expect(out.kind).toBe('interrupt');
    expect(out.state.line).toBe('');
  });

  it('Ctrl+W erases the word before the cursor', () => {
    expect(type(EMPTY_LINE, 'kubectl get pvc  ', '\x17').line).toBe('kubectl get ');
    expect(type(EMPTY_LINE, 'kubectl get pvc', '\x1b[D', '\x1b[D', '\x17')).toMatchObject({ line: 'kubectl get vc', cursor: 12 });
  });

  it('Ctrl+R searches the history backwards as bash does, and Enter runs what it found', () => {
    const history = type(EMPTY_LINE, 'kubectl get pvc', '\r', 'kubectl describe pv data', '\r', 'docker ps', '\r', 'kubectl get pv', '\r');
    const searching = type(history, '\x12', 'g', 'e', 't');
    expect(searching.search).toMatchObject({ query: 'get', failed: false });
    const shown = (s: LineState) => `${viewOf(s).prompt}${viewOf(s).text}`;
    expect(shown(type(history, '\x12', 'g', 'e', 't'))).toBe("(reverse-i-search)`get': kubectl get pv");
    // Ctrl+R again: the next older match; past the oldest it fails and keeps the last one.
    expect(shown(type(searching, '\x12'))).toBe("(reverse-i-search)`get': kubectl get pvc");
    expect(shown(type(searching, '\x12', '\x12'))).toBe("(failed reverse-i-search)`get': kubectl get pvc");
    expect(shown(type(searching, 'x'))).toBe("(failed reverse-i-search)`getx': kubectl get pv");
    // Backspace widens the search again, from the newest entry.
    expect(type(searching, '\x7f', '\x7f').search).toMatchObject({ query: 'g', match: 3 });
    const run = pressKey(type(searching, '\x12'), '\r');
    expect(run).toMatchObject({ kind: 'submit', line: 'kubectl get pvc' });
    expect(run.state.search).toBeUndefined();
  });

  it('leaving the search: Escape or an arrow keeps what it found to edit, Ctrl+G puts the line back, Ctrl+C drops it', () => {
    const history = type(EMPTY_LINE, 'kubectl get pvc', '\r', 'docker ps', '\r');
    const searching = type(history, 'kub', '\x12', 'ps');
    expect(type(searching, '\x1b')).toMatchObject({ line: 'docker ps', cursor: 9 });
    expect(type(searching, '\x1b').search).toBeUndefined();
    expect(type(searching, '\x1b[D')).toMatchObject({ line: 'docker ps', cursor: 8 });
    expect(type(searching, '\x07')).toMatchObject({ line: 'kub', cursor: 3 });
    expect(pressKey(searching, '\x03')).toMatchObject({ kind: 'interrupt', state: { line: '' } });
  });

  it('moves and kills by word as bash does: Alt+B/F and Ctrl+arrows by letters and digits, Ctrl+W by spaces', () => {
    const s = type(EMPTY_LINE, 'kubectl get pvc/data-0 -n lab');
    expect(type(s, '\x1bb').cursor).toBe(26); // "lab"
    expect(type(s, '\x1bb', '\x1bb', '\x1bb').cursor).toBe(21); // "0" of data-0, then "n", then "0"
    expect(type(s, '\x01', '\x1bf').cursor).toBe(7); // the end of "kubectl"
    expect(type(s, '\x01', '\x1b[1;5C', '\x1b[1;5C').cursor).toBe(11);
    expect(type(s, '\x1b[1;5D').cursor).toBe(26);
    expect(type(s, '\x17').line).toBe('kubectl get pvc/data-0 -n ');
    expect(type(s, '\x1b\x7f').line).toBe('kubectl get pvc/data-0 -n ');
    expect(type(s, '\x1b\x7f', '\x1b\x7f', '\x1b\x7f').line).toBe('kubectl get pvc/data-');
    expect(type(s, '\x01', '\x1bd')).toMatchObject({ line: ' get pvc/data-0 -n lab', cursor: 0 });
  });

  it('Ctrl+K kills to the end, Ctrl+U to the start, Ctrl+Y puts the last kill back; Home/End in every encoding', () => {
    const s = type(EMPTY_LINE, 'kubectl get pvc', '\x1b[D', '\x1b[D', '\x1b[D');
    expect(type(s, '\x0b')).toMatchObject({ line: 'kubectl get ', killed: 'pvc' });
    expect(type(s, '\x0b', '\x01', '\x19')).toMatchObject({ line: 'pvckubectl get ', cursor: 3 });
    expect(type(s, '\x15')).toMatchObject({ line: 'pvc', cursor: 0, killed: 'kubectl get ' });
    for (const home of ['\x1b[H', '\x1bOH', '\x1b[1~', '\x01']) expect(type(s, home).cursor).toBe(0);
    for (const end of ['\x1b[F', '\x1bOF', '\x1b[4~', '\x05']) expect(type(s, end).cursor).toBe(15);
    expect(type(s, '\x02', '\x06', '\x06').cursor).toBe(13); // Ctrl+B, Ctrl+F
    expect(type(s, '\x04').line).toBe('kubectl get vc'); // Ctrl+D deletes under the cursor
    // A kill survives Enter, as bash's kill ring does.
    expect(type(s, '\x0b', '\r', '\x19').line).toBe('pvc');
  });

  it('Ctrl+D on an empty line is end of input (a container shell exits on it), and deletes elsewhere', () => {
    expect(pressKey(EMPTY_LINE, '\x04').kind).toBe('eof');
    expect(pressKey(type(EMPTY_LINE, 'ls'), '\x04')).toMatchObject({ kind: 'edit', state: { line: 'ls' } });
  });

  it('a container prompt is drawn as the shell prints it, its width counted without colour codes', () => {
    expect(viewOf(type(EMPTY_LINE, 'ls'), 'root@box:/data# ')).toMatchObject({ prompt: 'root@box:/data# ', promptWidth: 16, text: 'ls' });
  });

  it('a pasted line loses its control characters', () => {
    expect(type(EMPTY_LINE, 'echo a\tb').line).toBe('echo ab');
  });

  it('recognises the start of a here-document and its terminator', () => {
    expect(heredocTerminator('kubectl apply -f - <<EOF')).toBe('EOF');
    expect(heredocTerminator("docker build -t x - <<'END'")).toBe('END');
    expect(heredocTerminator('cat <<-DONE')).toBe('DONE');
    expect(heredocTerminator('echo "a << b"')).toBeUndefined();
  });

  it('a completion replaces the word under the cursor', () => {
    const s = type(EMPTY_LINE, 'kubectl de');
    expect(insertCompletion(s, 'describe', true).state.line).toBe('kubectl describe ');
  });
});

describe('terminal completion', () => {
  const state = applyManifest(createCluster({ preset: 'kind' }), 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: data}\nspec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}\n', { mode: 'apply' }).state;
  it.each([
    ['kub', ['kubectl', 'kubesim'], 'kube'],
    ['kubectl d', ['delete', 'describe', 'drain'], 'd'],
    ['kubectl get p', ['persistentvolumeclaims', 'persistentvolumes', 'pods'], 'p'],
    ['kubectl get s', ['secrets', 'serviceaccounts', 'services', 'statefulsets', 'storageclasses'], 's'],
    ['kubectl describe sa d', ['default'], 'default'],
    ['kubectl describe pvc d', ['data'], 'data'],
    ['kubectl get no', ['nodes'], 'nodes'],
    ['kubectl t', ['taint'], 'taint'],
    ['docker vo', ['volume'], 'volume'],
    ['docker c', ['container', 'cp'], 'c'],
    // The host's own tools and the ones it shares with containers.
    ['cu', ['curl', 'cut'], 'cu'],
    ['ba', ['base64'], 'base64'],
    ['docker volume l', ['ls'], 'ls'],
    // The editor's text is manifest.yaml in the terminal's home.
    ['kubectl apply -f m', ['manifest.yaml'], 'manifest.yaml'],
    ['kubectl diff --filename ', ['manifest.yaml'], 'manifest.yaml'],
    ['cat ', ['manifest.yaml'], 'manifest.yaml'],
  ])('%s → %j', (text, candidates, common) => {
    expect(complete(text, state)).toEqual({ candidates, common });
  });
  it('kubectl logs -f still completes pods, not the file', () => {
    expect(complete('kubectl logs -f ', state).candidates).not.toContain('manifest.yaml');
  });
  it('offers the node names that exist', () => {
    expect(complete('kubectl cordon ', state).candidates).toEqual(['kind-control-plane']);
  });
});

describe('the store runs terminal lines through the command layer', () => {
  it('a command changes the cluster and adds its steps; output comes back in order', async () => {
    const store = createAppStore({ seed: 1 });
    const before = store.getState().cluster;
    const r = await runLine(store, 'kubectl create namespace lab');
    expect(r).toEqual({ chunks: [{ stream: 'stdout', text: 'namespace/lab created\n' }], exitCode: 0 });
    expect(store.getState().cluster).not.toBe(before);
    const frames = store.getState().timeline.frames.length;
    expect((await runLine(store, 'kubectl get ns lab')).chunks[0]!.text).toMatch(/^NAME {3}STATUS {3}AGE\nlab {4}Active {3}0s\n$/);
    expect(store.getState().timeline.frames.length).toBe(frames); // a read-only line adds no frame
    const bad = await runLine(store, 'kubectl get pvc nope');
    expect(bad).toEqual({ chunks: [{ stream: 'stderr', text: 'Error from server (NotFound): persistentvolumeclaims "nope" not found\n' }], exitCode: 1 });
  });
});
