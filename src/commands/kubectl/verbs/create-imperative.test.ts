// `kubectl create configmap|secret generic|deployment|namespace NAME`: the objects kubectl builds,
// its client-side checks and their words (kubectl 1.34 pkg/cmd/create; the --dry-run=client
// outputs compared with the kubectl client, less the `creationTimestamp: null` 1.34 no longer prints).
import { describe, expect, it } from 'vitest';
import { createCluster, readerOf, getObject } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';
import { kubectl } from '../index.ts';

const FILES: Record<string, string> = {
  'app.properties': 'color=blue\nsize=2\n',
  'game.env': '# settings\n  LIVES=3\n\nENEMIES=aliens\r\nEMPTY\n',
  'bad.env': 'OK=1\n1BAD=2\n',
  'conf/a.txt': 'A\n',
  'conf/b.txt': 'B\n',
};
const files = { read: (p: string) => FILES[p], list: (p: string) => (p === 'conf' || p === 'conf/' ? ['b.txt', 'a.txt', 'sub'] : undefined) };
const run = (script: string) => runScript(script, { preset: 'kind', quiet: true, files });
/** One kubectl command line with the directory-aware file source (the script runner reads files only). */
const one = (...argv: string[]) => kubectl({ state: createCluster({ preset: 'kind' }), argv: ['kubectl', ...argv], files });

describe('kubectl create configmap', () => {
  it('takes files, then literals, in one ConfigMap, as kubectl builds it', () => {
    const r = run('kubectl create configmap app --from-file=app.properties --from-file=cfg=app.properties --from-literal=mode=dev --dry-run=client -o yaml\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('apiVersion: v1\ndata:\n  app.properties: |\n    color=blue\n    size=2\n  cfg: |\n    color=blue\n    size=2\n  mode: dev\nkind: ConfigMap\nmetadata:\n  name: app\n');
  });

  it('creates it in the namespace, and refuses a second one as kubectl wraps the server error', () => {
    const r = run('kubectl create cm app --from-literal=a=1\nkubectl create cm app --from-literal=a=2\n');
    expect(r.stdout).toBe('configmap/app created\n');
    const cm = getObject(readerOf(r.state), 'ConfigMap', 'default', 'app');
    expect(cm.ok && cm.value.kind === 'ConfigMap' ? cm.value.data : undefined).toEqual({ a: '1' });
    expect(r.stderr).toBe('error: failed to create configmap: configmaps "app" already exists\n');
    expect(r.exitCode).toBe(1);
  });

  it('a directory gives one key per regular file, in name order', () => {
    const r = one('create', 'configmap', 'conf', '--from-file=conf', '--dry-run=client', '-o', 'yaml');
    expect(r.stdout).toBe('apiVersion: v1\ndata:\n  a.txt: |\n    A\n  b.txt: |\n    B\nkind: ConfigMap\nmetadata:\n  name: conf\n');
    expect(one('create', 'configmap', 'conf', '--from-file=k=conf').stderr).toBe('error: cannot give a key name for a directory path\n');
    expect(one('create', 'configmap', 'conf', '--from-env-file=conf').stderr).toBe('error: env config file cannot be a directory\n');
    expect(one('create', 'secret', 'generic', 'conf', '--from-env-file=conf').stderr).toBe('error: env secret file cannot be a directory\n');
  });

  it('reads env files: comments and blank lines skipped, leading blanks trimmed, a bare name empty', () => {
    const r = run('kubectl create configmap game --from-env-file=game.env -o json --dry-run=client\n');
    expect(r.stdout).toBe(
      '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "game"\n    },\n    "data": {\n        "EMPTY": "",\n        "ENEMIES": "aliens",\n        "LIVES": "3"\n    }\n}\n',
    );
  });

  it.each([
    ['--from-literal=novalue', 'error: invalid literal source novalue, expected key=value'],
    ['--from-literal==v', 'error: invalid literal source =v, expected key=value'],
    ['--from-literal=a=1 --from-literal=a=2', 'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "x"'],
    [
      "--from-literal='a b=c'",
      `error: "a b" is not a valid key name for a ConfigMap: a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`,
    ],
    ['--from-file=missing.txt', 'error: error reading missing.txt: no such file or directory'],
    ['--from-file==app.properties', 'error: key name for file path app.properties missing'],
    ['--from-file=k=', 'error: file path for key name k missing'],
    ['--from-file=a=b=c', "error: key names or file paths cannot contain '='"],
    ['--from-env-file=game.env --from-literal=a=b', 'error: from-env-file cannot be combined with from-file or from-literal'],
    [
      '--from-env-file=bad.env',
      `error: "1BAD" is not a valid key name: a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')`,
    ],
    ['--dry-run=maybe', 'error: Invalid dry-run value (maybe). Must be "none", "server", or "client".'],
    [
      '-o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml',
    ],
  ])('refuses %s before anything is sent', (flags, message) => {
    const r = run(`kubectl create configmap x ${flags}\nkubectl get cm x\n`);
    expect(r.stderr).toBe(`${message}\nError from server (NotFound): configmaps "x" not found\n`);
  });

  it('needs exactly one name, counted before `--`', () => {
    const r = run('kubectl create configmap\nkubectl create cm a b\nkubectl create secret generic\n');
    expect(r.stderr).toBe(
      "error: exactly one NAME is required, got 0\nSee 'kubectl create configmap -h' for help and examples\n" +
        "error: exactly one NAME is required, got 2\nSee 'kubectl create configmap -h' for help and examples\n" +
        "error: exactly one NAME is required, got 0\nSee 'kubectl create secret generic -h' for help and examples\n",
    );
  });
});

describe('kubectl create secret generic', () => {
  it('base64-encodes the values; literals come before files; the type is left to the server', () => {
    const r = run('kubectl create secret generic db --from-literal=user=admin --from-file=app.properties --dry-run=client -o yaml\n');
    expect(r.stdout).toBe('apiVersion: v1\ndata:\n  app.properties: Y29sb3I9Ymx1ZQpzaXplPTIK\n  user: YWRtaW4=\nkind: Secret\nmetadata:\n  name: db\n');
    const created = run('kubectl create secret generic db --from-literal=user=admin\n');
    expect(created.stdout).toBe('secret/db created\n');
    const secret = getObject(readerOf(created.state), 'Secret', 'default', 'db');
    expect(secret.ok && secret.value.kind === 'Secret' ? [secret.value.type, secret.value.data] : undefined).toEqual(['Opaque', { user: 'YWRtaW4=' }]);
  });

  it('words its errors as create_secret.go does', () => {
    const r = run("kubectl create secret generic s --from-literal=a=1 --from-literal=a=2\nkubectl create secret generic s --from-literal='a b=1'\nkubectl create secret generic s\nkubectl create secret generic s\n");
    expect(r.stdout).toBe('secret/s created\n');
    expect(r.stderr).toBe(
      'error: cannot add key a, another key by that name already exists\n' +
        `error: "a b" is not valid key name for a Secret a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')\n` +
        'error: failed to create secret secrets "s" already exists\n',
    );
  });
});

describe('kubectl create secret docker-registry', () => {
  it('holds a .dockerconfigjson, byte for byte what the kubectl client builds', () => {
    const r = run("kubectl create secret docker-registry reg --docker-username=me --docker-password='p&w' --docker-email=a@b.c --dry-run=client -o yaml\n");
    expect(r.stdout).toBe(
      'apiVersion: v1\ndata:\n  .dockerconfigjson: eyJhdXRocyI6eyJodHRwczovL2luZGV4LmRvY2tlci5pby92MS8iOnsidXNlcm5hbWUiOiJtZSIsInBhc3N3b3JkIjoicFx1MDAyNnciLCJlbWFpbCI6ImFAYi5jIiwiYXV0aCI6ImJXVTZjQ1ozIn19fQ==\n' +
        'kind: Secret\nmetadata:\n  name: reg\ntype: kubernetes.io/dockerconfigjson\n',
    );
  });

  it('needs credentials or a file; a file without a key is the .dockerconfigjson', () => {
    const r = run('kubectl create secret docker-registry reg\nkubectl create secret docker-registry reg --from-file=app.properties --dry-run=client -o name\n');
    expect(r.stderr).toBe('error: either --from-file or the combination of --docker-username, --docker-password and --docker-server is required\n');
    expect(r.stdout).toBe('secret/reg\n');
    const yaml = run('kubectl create secret docker-registry reg --from-file=app.properties --dry-run=client -o yaml\n').stdout;
    expect(yaml).toContain('  .dockerconfigjson: Y29sb3I9Ymx1ZQpzaXplPTIK\n');
  });

  it('a bare `create secret` prints its help and fails; an unknown type is an unknown command', () => {
    const r = run('kubectl create secret\nkubectl create secret opaque x\n');
    expect(r.stderr).toMatch(/^Create a secret with specified type\.\n[\s\S]*Usage:\n  kubectl create secret \(docker-registry \| generic \| tls\) \[options\]\n/);
    expect(r.stderr).toContain('error: unknown command "opaque x"\nSee \'kubectl create secret -h\' for help and examples\n');
    expect(r.exitCode).toBe(1);
  });
});

describe('kubectl create deployment', () => {
  it('builds app=NAME labels, a container named after the image, replicas, port and command', () => {
    const r = run('kubectl create deployment web --image=registry.k8s.io/nginx:1.27 --replicas=3 --port=80 --dry-run=client -o yaml -- nginx -g daemon\n');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n' +
        '  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - command:\n        - nginx\n        - -g\n        - daemon\n' +
        '        image: registry.k8s.io/nginx:1.27\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n',
    );
  });

  it('creates it and its pods; the namespace is in what it builds only with -n', () => {
    const r = run('kubectl create deploy web --image=nginx --replicas=2\nkubectl get deploy web --no-headers\nkubectl create deployment web --image=nginx\n');
    expect(r.stdout).toMatch(/^deployment\.apps\/web created\nweb +2\/2 +2 +2 +0s\n$/);
    expect(r.stderr).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
    const ns = one('create', 'deployment', 'api', '-n', 'kube-system', '--image=nginx', '--dry-run=client', '-o', 'yaml');
    expect(ns.stdout).toContain('  name: api\n  namespace: kube-system\n');
  });

  it('checks --image first, then the name, then image and command together', () => {
    const r = run('kubectl create deployment web\nkubectl create deployment --image=nginx\nkubectl create deployment web --image=a,b -- sleep 1\n');
    expect(r.stderr).toBe(
      'error: required flag(s) "image" not set\n' +
        "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n" +
        'error: cannot specify multiple --image options and command\n',
    );
  });

  it('a server dry run is defaulted and validated but stores nothing', () => {
    const r = run('kubectl create deployment web --image=nginx --dry-run=server\nkubectl create deployment Web --image=nginx --dry-run=server\nkubectl get deploy\n');
    expect(r.stdout).toBe('deployment.apps/web created (server dry run)\n');
    // The server's own message inside kubectl's: the kind named with its group.
    expect(r.stderr).toMatch(/^error: failed to create deployment: Deployment\.apps "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/);
    expect(r.stderr).toContain('No resources found in default namespace.\n');
    const yaml = run('kubectl create deployment web --image=nginx --dry-run=server -o yaml\n').stdout;
    expect(yaml).toContain('  uid: ');
    expect(yaml).not.toContain('resourceVersion');
    expect(yaml).toContain('    type: RollingUpdate\n');
  });
});

describe('kubectl create namespace', () => {
  it('prints the client dry run as kubectl does, and the server refusal unwrapped', () => {
    const r = run('kubectl create ns team --dry-run=client -o yaml\nkubectl create ns team\nkubectl create namespace team\n');
    expect(r.stdout).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  name: team\nspec: {}\nstatus: {}\nnamespace/team created\n');
    expect(r.stderr).toBe('Error from server (AlreadyExists): namespaces "team" already exists\n');
    const state = run('kubectl create ns team --dry-run=server\n').state;
    expect(getObject(readerOf(state), 'Namespace', undefined, 'team').ok).toBe(false);
  });
});

describe('names that are Object.prototype members', () => {
  it('are ordinary keys and names, and not subcommands', () => {
    const r = run('kubectl create configmap constructor --from-literal=constructor=1 --from-literal=__proto__=2 --dry-run=client -o json\nkubectl create constructor x\n');
    expect(JSON.parse(r.stdout)).toEqual({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'constructor' }, data: JSON.parse('{"__proto__":"2","constructor":"1"}') });
    expect(r.stderr).toBe('error: must specify one of -f and -k\n');
  });
});
