// `kubectl get -o jsonpath|custom-columns`, `--sort-by`: each expectation was checked against
// kubectl v1.32.4 run on the same objects (served to it by a stub API server); the printers,
// jsonpath and sorter are the same in 1.34.
import { describe, expect, it } from 'vitest';
import { runScript } from '../../script/run-script.ts';

const VOLUMES = `kubectl apply -f - <<EOF
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-small, labels: {tier: cold}}
spec: {capacity: {storage: 500Mi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt/small}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-large, labels: {tier: hot}}
spec: {capacity: {storage: 10Gi}, accessModes: [ReadWriteOnce, ReadOnlyMany], persistentVolumeReclaimPolicy: Delete, hostPath: {path: /mnt/large}}
---
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-medium}
spec: {capacity: {storage: 2Gi}, accessModes: [ReadWriteOnce], hostPath: {path: /mnt/medium}}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec: {accessModes: [ReadWriteOnce], storageClassName: "", resources: {requests: {storage: 1Gi}}}
EOF
`;

function get(args: string, files: Record<string, string> = {}) {
  const r = runScript(`${VOLUMES}kubectl get ${args}\n`, { preset: 'bare', quiet: true, files: { read: (p) => files[p] } });
  return { stdout: r.stdout.replace(/^[\s\S]*persistentvolumeclaim\/data created\n/, ''), stderr: r.stderr, exitCode: r.exitCode };
}

describe('kubectl get -o jsonpath', () => {
  it('reads the List for several objects and the object itself for one, with no newline of its own', () => {
    expect(get(`pv -o jsonpath='{.items[*].spec.capacity.storage}'`)).toEqual({ stdout: '10Gi 2Gi 500Mi', stderr: '', exitCode: 0 });
    expect(get(`pv pv-small -o jsonpath='{.metadata.name}'`).stdout).toBe('pv-small');
    expect(get(`pv pv-small pv-large -o jsonpath='{.items[*].metadata.name}'`).stdout).toBe('pv-small pv-large');
    expect(get(`pv pv-small -o jsonpath='{.items[*].metadata.name}'`).stdout).toBe('');
  });

  it('range/end, filters and quoted literals', () => {
    expect(get(`pv -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}'`).stdout).toBe(
      'pv-large\tAvailable\npv-medium\tBound\npv-small\tAvailable\n',
    );
    expect(get(`pv -o jsonpath='{.items[?(@.spec.capacity.storage=="2Gi")].metadata.name}'`).stdout).toBe('pv-medium');
    expect(get(`pv -o jsonpath-as-json='{.items[*].metadata.name}'`).stdout).toBe('[\n    "pv-large",\n    "pv-medium",\n    "pv-small"\n]\n');
  });

  it('reports a template it cannot parse, or none at all, in kubectl words', () => {
    expect(get(`pv -o jsonpath='{.items[*].metadata.name'`)).toEqual({ stdout: '', stderr: 'error: error parsing jsonpath {.items[*].metadata.name, unclosed action\n', exitCode: 1 });
    expect(get('pv -o jsonpath').stderr).toBe('error: template format specified but no template given\n');
    expect(get('pv -o jsonpath=').stderr).toBe('error: template format specified but no template given\n');
    expect(get(`pv --template='{.items[0].metadata.name}' -o jsonpath`).stdout).toBe('pv-large');
  });

  it('dumps the object given to the engine when the template fails on it', () => {
    const r = get(`pv -o jsonpath='{.items[5]}'`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^error: error executing jsonpath "\{\.items\[5\]\}": Error executing template: array index out of bounds: index 5, length 3\. Printing more information for debugging the template:\n\ttemplate was:\n\t\t\{\.items\[5\]\}\n\tobject given to jsonpath engine was:\n\t\tmap\[string\]interface \{\}\{"apiVersion":"v1", "items":\[\]interface \{\}\{map\[string\]interface \{\}\{"apiVersion":"v1", "kind":"PersistentVolume", /,
    );
    expect(r.stderr.endsWith('"metadata":map[string]interface {}{"resourceVersion":""}}\n\n\n')).toBe(true);
  });

  it('--allow-missing-template-keys=false makes a missing key an error', () => {
    expect(get(`pv -o jsonpath='{.items[0].spec.nope}'`).stdout).toBe('');
    expect(get(`pv -o jsonpath='{.items[0].spec.nope}' --allow-missing-template-keys=false`).stderr).toMatch(/Error executing template: nope is not found\./);
  });

  it('reads jsonpath-file and reports a missing file', () => {
    expect(get('pv -o jsonpath-file=names.txt', { 'names.txt': '{.items[*].metadata.name}' }).stdout).toBe('pv-large pv-medium pv-small');
    expect(get('pv -o jsonpath-file=nofile.txt').stderr).toBe('error: error reading --template nofile.txt, open nofile.txt: no such file or directory\n');
  });
});

describe('kubectl get -o custom-columns', () => {
  it('prints one row per object, <none> for a missing field', () => {
    expect(get('pv -o custom-columns=NAME:.metadata.name,TIER:.metadata.labels.tier').stdout).toBe('NAME        TIER\npv-large    hot\npv-medium   <none>\npv-small    cold\n');
    expect(get('pv pv-small -o custom-columns=NAME:.metadata.name --no-headers').stdout).toBe('pv-small\n');
  });

  it('reads custom-columns-file, which ignores --no-headers', () => {
    const files = { 'cols.txt': 'NAME   RECLAIM\n.metadata.name   .spec.persistentVolumeReclaimPolicy\n' };
    expect(get('pv -o custom-columns-file=cols.txt --no-headers', files).stdout).toBe('NAME        RECLAIM\npv-large    Delete\npv-medium   Retain\npv-small    Retain\n');
    expect(get('pv -o custom-columns-file=nofile.txt').stderr).toBe('error: error reading template nofile.txt, open nofile.txt: no such file or directory\n');
  });

  it('refuses a bad spec and an unknown format in kubectl words', () => {
    expect(get('pv -o custom-columns=NAME').stderr).toBe('error: unexpected custom-columns spec: NAME, expected <header>:<json-path-expr>\n');
    expect(get('pv -o custom-columns').stderr).toBe('error: custom-columns format specified but no custom columns given\n');
    expect(get('pv -o foo').stderr).toBe(
      'error: unable to match a printer suitable for the output format "foo", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
    expect(get(`pv --show-labels -o jsonpath='{.x}'`).stderr).toBe('error: --show-labels option cannot be used with jsonpath={.x} printer\n');
  });

  it('says plainly that Go templates are not simulated', () => {
    expect(get(`pv -o go-template='{{.kind}}'`)).toMatchObject({ stderr: expect.stringMatching(/^error: go-template output is not simulated/), exitCode: 1 });
  });
});

describe('kubectl get --sort-by', () => {
  const names = (stdout: string) => stdout.split('\n').slice(1, -1).map((l) => l.split(' ')[0]);

  it('orders a table by quantity, and the List of the other printers too', () => {
    expect(names(get('pv --sort-by=.spec.capacity.storage').stdout)).toEqual(['pv-small', 'pv-medium', 'pv-large']);
    expect(get(`pv -o jsonpath='{.items[*].metadata.name}' --sort-by={.spec.capacity.storage}`).stdout).toBe('pv-small pv-medium pv-large');
    expect(get('pv -o name --sort-by=spec.capacity.storage').stdout).toBe('persistentvolume/pv-small\npersistentvolume/pv-medium\npersistentvolume/pv-large\n');
    expect(get(`pv,pvc -o jsonpath='{.items[*].metadata.name}' --sort-by=.metadata.name`).stdout).toBe('data pv-large pv-medium pv-small');
  });

  it('fails as kubectl fails: a field nobody has, several tables, an unsortable value', () => {
    expect(get(`pv -o jsonpath='{.items[*].metadata.name}' --sort-by=.spec.nothing`).stderr).toBe(
      'error: couldn\'t find any field with path "{.spec.nothing}" in the list of objects\n',
    );
    expect(get('pv,pvc --sort-by=.metadata.name')).toEqual({ stdout: '', stderr: 'error: couldn\'t find any field with path "{.metadata.name}" in the list of objects\n', exitCode: 1 });
    expect(get('pv --sort-by=.metadata.labels').stderr).toMatch(
      /^F\d{4} \d\d:\d\d:\d\d\.\d{6}       1 sorter\.go:375\] Field \{\.metadata\.labels\} in \[\]\[\]\[\]reflect\.Value is an unsortable type: interface, err: unsortable type: map\[string\]interface \{\}\n$/,
    );
  });

  it('warns that a watch ignores it', () => {
    expect(get('pv --sort-by=.metadata.name --watch-only')).toEqual({ stdout: '', stderr: 'warning: --watch-only requested, --sort-by will be ignored\n', exitCode: 0 });
    expect(get('pv --sort-by=.metadata.name -w').stderr).toBe('warning: --watch requested, --sort-by will be ignored for watch events received\n');
  });

  it('a table whose rows cannot be sorted is left out, and get says it found nothing', () => {
    expect(get('pv --sort-by=.spec.nothing')).toEqual({ stdout: '', stderr: 'No resources found\n', exitCode: 0 });
    // One row is never sorted.
    expect(names(get('pv pv-small --sort-by=.spec.nothing').stdout)).toEqual(['pv-small']);
  });
});
