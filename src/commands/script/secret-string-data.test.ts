// Secret stringData is folded into data on every write, updates included (the API server's
// v1 → internal conversion), and is never stored.
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';
import { act, createCluster, updateObject, type Stored } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { foldStringData } from '../../engine/cluster/secret-string-data.ts';

const run = (script: string) => runScript(script, { preset: 'bare', quiet: true, files: { read: () => undefined } });
const secret = (r: ReturnType<typeof run>, name = 's') => r.state.objects.Secret?.[`default/${name}`] as Stored<'Secret'> & { stringData?: unknown };
const CREATE = 'kubectl create secret generic s --from-literal=a=b --from-literal=k=old\n';

describe('Secret stringData on update', () => {
  it('kubectl patch (strategic, merge, json) folds stringData into data, overwriting a key', () => {
    for (const patch of [
      `kubectl patch secret s -p '{"stringData":{"k":"v","new":"x"}}'`,
      `kubectl patch secret s --type merge -p '{"stringData":{"k":"v","new":"x"}}'`,
      `kubectl patch secret s --type json -p '[{"op":"add","path":"/stringData","value":{"k":"v","new":"x"}}]'`,
    ]) {
      const r = run(CREATE + patch + '\n');
      expect(r.exitCode, patch).toBe(0);
      expect(secret(r).data, patch).toEqual({ a: 'Yg==', k: 'dg==', new: 'eA==' });
      expect(secret(r).stringData, patch).toBeUndefined();
    }
  });

  it('the patched object printed back has no stringData', () => {
    const out = run(CREATE + `kubectl patch secret s -p '{"stringData":{"k":"v"}}' -o json\n`).chunks.map((c) => c.text).join('');
    expect(out).not.toContain('stringData');
    expect(out).toContain('"k": "dg=="');
  });

  it('a patch whose stringData repeats the stored value changes nothing', () => {
    const r = run(CREATE + `kubectl patch secret s -p '{"stringData":{"k":"old"}}'\n`);
    expect(r.chunks.map((c) => c.text).join('')).toContain('secret/s patched (no change)');
  });

  it('an immutable Secret refuses a stringData patch as it refuses a data change', () => {
    const r = run(CREATE + `kubectl patch secret s -p '{"immutable":true}'\nkubectl patch secret s -p '{"stringData":{"k":"v"}}'\n`);
    expect(r.exitCode).toBe(1);
    expect(secret(r).data).toEqual({ a: 'Yg==', k: 'b2xk' });
  });

  it('apply of an existing Secret with changed stringData updates data', () => {
    const doc = (v: string) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: Secret\nmetadata:\n  name: s2\nstringData:\n  k: ${v}\nEOF\n`;
    const r = run(doc('v') + doc('w'));
    expect(secret(r, 's2').data).toEqual({ k: 'dw==' });
    expect(secret(r, 's2').stringData).toBeUndefined();
  });

  it('updateObject (the write door) folds stringData for any caller', () => {
    const first = applyManifest(createCluster({ preset: 'bare' }), 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: s\ndata:\n  a: Yg==\n', { mode: 'apply' });
    const live = first.state.objects.Secret!['default/s']!;
    const r = act(first.state, 'edit', (txn) => updateObject(txn, live, { ...live, stringData: { a: 'c' } } as Stored<'Secret'>));
    const stored = r.state.objects.Secret!['default/s'] as Stored<'Secret'> & { stringData?: unknown };
    expect(stored.data).toEqual({ a: 'Yw==' });
    expect('stringData' in stored).toBe(false);
  });

  it('an empty stringData writes nothing and is dropped (len(StringData) > 0 in the conversion)', () => {
    const s = { apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, stringData: {} } as unknown as Stored<'Secret'>;
    expect(foldStringData(s)).toEqual({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' } });
    // A key named __proto__ is data, as any other key.
    const withKey = { ...s, stringData: JSON.parse('{"__proto__":"x"}') as Record<string, string> };
    expect(Object.hasOwn(foldStringData(withKey).data!, '__proto__')).toBe(true);
  });
});
