// `--validate` is the `fieldValidation` kubectl sends: strict (the default) refuses a field the
// schema does not know, warn stores the object without it and prints the server's warning, and
// false/ignore drop it silently. Other values are refused before anything is sent.
import { describe, expect, it } from 'vitest';
import { readerOf, getObject } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files: { read: () => undefined } });
const CM = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  bogus: 1\ndata:\n  a: b\n';
const doc = (flags: string, verb = 'apply') => `kubectl ${verb} ${flags} -f - <<EOF\n${CM}EOF\n`;
const stored = (r: ReturnType<typeof run>) => getObject(readerOf(r.state), 'ConfigMap', 'default', 'x');

describe('kubectl apply|create --validate', () => {
  it('strict (the default, and true) refuses the unknown field', () => {
    for (const flags of ['', '--validate', '--validate=true', '--validate=Strict']) {
      const r = run(doc(flags));
      expect(r.stderr).toBe('Error from server (BadRequest): error when creating "STDIN": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "metadata.bogus"\n');
      expect(stored(r).ok).toBe(false);
    }
  });

  it('warn stores the object without the field and prints the warning before the result', () => {
    const r = run(doc('--validate=warn'));
    expect(r.stderr).toBe('Warning: unknown field "metadata.bogus"\n');
    expect(r.stdout).toBe('configmap/x created\n');
    const cm = stored(r);
    expect(cm.ok && (cm.value.metadata as unknown as Record<string, unknown>)['bogus']).toBe(undefined);
    expect(cm.ok && (cm.value as { data?: unknown }).data).toEqual({ a: 'b' });
    // Applied again unchanged: kubectl sends no patch, so no warning either.
    const again = run(doc('--validate=warn') + doc('--validate=warn'));
    expect(again.stderr).toBe('Warning: unknown field "metadata.bogus"\n');
    expect(again.stdout).toBe('configmap/x created\nconfigmap/x unchanged\n');
  });

  it('false and ignore drop the field silently, for create too', () => {
    for (const [flags, verb] of [['--validate=false', 'apply'], ['--validate=ignore', 'create'], ['--validate=IGNORE', 'create']] as const) {
      const r = run(doc(flags, verb));
      expect([r.stdout, r.stderr, r.exitCode]).toEqual(['configmap/x created\n', '', 0]);
      expect(stored(r).ok).toBe(true);
    }
  });

  it('a wrong type still fails when unknown fields are ignored', () => {
    const r = run('kubectl apply --validate=false -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  bogus: 1\ndata: true\nEOF\n');
    expect(r.stderr).toContain('cannot be handled as a ConfigMap: json: cannot unmarshal bool into Go struct field ConfigMap.data of type map[string]string');
    expect(r.exitCode).toBe(1);
  });

  it('another value is refused as cmdutil refuses it: create before its -f check, apply after', () => {
    const msg = 'error: invalid - validate option "bogus"; must be one of: strict (or true), warn, ignore (or false)\n';
    expect(run('kubectl create --validate=bogus\n').stderr).toBe(msg);
    expect(run('kubectl apply --validate=bogus\n').stderr).toBe('error: must specify one of -f and -k\n');
    expect(run(doc('--validate=bogus')).stderr).toBe(msg);
    expect(run(doc('--validate=bogus --dry-run=bad')).stderr).toBe('error: Invalid dry-run value (bad). Must be "none", "server", or "client".\n');
  });
});
