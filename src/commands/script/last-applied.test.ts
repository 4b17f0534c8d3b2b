// The kubectl.kubernetes.io/last-applied-configuration value, byte for byte as kubectl 1.34
// writes it (util.GetModifiedConfiguration + the unstructured JSON encoder).
import { describe, expect, it } from 'vitest';
import { runScript } from './run-script.ts';
import { LAST_APPLIED } from '../../engine/cluster/apply.ts';

const run = (script: string) => runScript(script, { preset: 'bare', quiet: true, files: { read: () => undefined } });
const cm = (meta: string, data: string) => `kubectl apply -f - <<EOF\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cfg\n${meta}data:\n${data}EOF\n`;
const recorded = (script: string) => run(script).state.objects.ConfigMap?.['default/cfg']?.metadata.annotations?.[LAST_APPLIED];

describe('last-applied-configuration', () => {
  it('records an empty annotations map for a manifest without annotations, and ends with a newline', () => {
    expect(recorded(cm('', '  b: "1"\n  a: "2"\n'))).toBe('{"apiVersion":"v1","data":{"a":"2","b":"1"},"kind":"ConfigMap","metadata":{"annotations":{},"name":"cfg","namespace":"default"}}\n');
  });

  it('keeps the manifest\'s own annotations and escapes <, > and & as Go\'s encoder does', () => {
    expect(recorded(cm('  annotations:\n    note: hi\n', '  cmd: "a && b <c>"\n'))).toBe(
      '{"apiVersion":"v1","data":{"cmd":"a \\u0026\\u0026 b \\u003cc\\u003e"},"kind":"ConfigMap","metadata":{"annotations":{"note":"hi"},"name":"cfg","namespace":"default"}}\n',
    );
  });

  it('matches what apply --dry-run=client shows for the same manifest', () => {
    const script = cm('', '  a: "1"\n');
    const dry = JSON.parse(run(script.replace('apply -f -', 'apply --dry-run=client -o json -f -')).stdout);
    expect(dry.metadata.annotations[LAST_APPLIED]).toBe(recorded(script));
  });
});
