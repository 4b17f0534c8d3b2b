// `kubectl scale`: sets spec.replicas on whatever kind has one, with kubectl's preconditions,
// dry runs and words (pkg/cmd/scale, pkg/scale).
import { describe, expect, it } from 'vitest';
import { getObject, readerOf, resolveResource } from '../../../engine/index.ts';
import { runScript } from '../../script/run-script.ts';

const DEPLOY = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: nginx\n        image: nginx\n';
const files = { read: (p: string) => ({ 'web.yaml': DEPLOY })[p] };
const run = (script: string) => runScript(`kubectl apply -f web.yaml\n${script}`, { preset: 'kind', quiet: true, files });
const replicas = (state: Parameters<typeof readerOf>[0]) => {
  const got = getObject(readerOf(state), 'Deployment', 'default', 'web');
  return got.ok && got.value.kind === 'Deployment' ? got.value.spec?.replicas : undefined;
};

describe('kubectl scale', () => {
  it('scales a deployment and its pods follow', () => {
    const r = run('kubectl scale deployment web --replicas=3\nkubectl get deploy web --no-headers\nkubectl scale deploy/web --replicas=0\n');
    expect(r.stdout).toMatch(/^deployment\.apps\/web created\ndeployment\.apps\/web scaled\nweb +3\/3 +3 +3 +0s\ndeployment\.apps\/web scaled\n$/);
    expect(replicas(r.state)).toBe(0);
  });

  it('--current-replicas is a precondition', () => {
    const r = run('kubectl scale deploy web --current-replicas=2 --replicas=3\nkubectl scale deploy web --current-replicas=1 --replicas=2\n');
    expect(r.stderr).toBe('error: Expected replicas to be 2, was 1\n');
    expect(r.stdout).toBe('deployment.apps/web created\ndeployment.apps/web scaled\n');
    expect(replicas(r.state)).toBe(2);
  });

  it('-f names what to scale; -l and --all select', () => {
    const r = run('kubectl scale -f web.yaml --replicas=2\nkubectl scale deploy -l app!=none --replicas=4\nkubectl scale deploy --all --replicas=1 -o name\n');
    expect(r.stdout).toBe('deployment.apps/web created\ndeployment.apps/web scaled\ndeployment.apps/web scaled\ndeployment.apps/web\n');
    expect(replicas(r.state)).toBe(1);
  });

  it('dry runs say so and change nothing; -o yaml shows the new size', () => {
    const r = run('kubectl scale deploy web --replicas=5 --dry-run=client\nkubectl scale deploy web --replicas=5 --dry-run=server\nkubectl scale deploy web --replicas=5 --dry-run=client -o yaml\n');
    expect(r.stdout).toContain('deployment.apps/web scaled (dry run)\ndeployment.apps/web scaled (server dry run)\napiVersion: apps/v1\n');
    expect(r.stdout).toContain('\n  replicas: 5\n');
    expect(replicas(r.state)).toBe(1);
  });

  it.each([
    ['scale deploy web', 'error: required flag(s) "replicas" not set'],
    ['scale deploy web --replicas=-1', 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0'],
    ['scale deploy web --replicas=1 --current-replicas=-2', 'error: The --current-replicas must specify an integer of -1 or greater'],
    ['scale deploy web --replicas=x', 'Error: invalid argument "x" for "--replicas" flag: strconv.ParseInt: parsing "x": invalid syntax\nSee \'kubectl scale --help\' for usage.'],
    ['scale deploy nope --replicas=2', 'Error from server (NotFound): deployments.apps "nope" not found'],
    ['scale deploy --replicas=2', 'error: resource(s) were provided, but no name was specified'],
    ['scale --replicas=2', "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'"],
    ['scale pod web --replicas=2', 'Error from server (NotFound): pods "web" not found'],
    ['scale deploy web --replicas=2 --dry-run=later', 'error: Invalid dry-run value (later). Must be "none", "server", or "client".'],
  ])('kubectl %s is refused', (line, message) => {
    const r = run(`kubectl ${line}\n`);
    expect(r.stderr).toBe(`${message}\n`);
    expect(replicas(r.state)).toBe(1);
  });

  // scale knows no kind by name: any kind whose objects carry spec.replicas scales.
  it.runIf(resolveResource('statefulsets') !== undefined)('scales a StatefulSet the same way', () => {
    const sts =
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\nspec:\n  serviceName: db\n  replicas: 1\n  selector:\n    matchLabels: {app: db}\n' +
      '  template:\n    metadata:\n      labels: {app: db}\n    spec:\n      containers:\n      - name: db\n        image: busybox\n        command: [sleep, infinity]\n';
    const r = run(`kubectl apply -f - <<EOF\n${sts}EOF\nkubectl scale sts db --replicas=2\nkubectl scale statefulset/db --replicas=3 --dry-run=server\n`);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('deployment.apps/web created\nstatefulset.apps/db created\nstatefulset.apps/db scaled\nstatefulset.apps/db scaled (server dry run)\n');
    const db = Object.values(r.state.objects['StatefulSet' as 'Deployment'] ?? {})[0] as { spec?: { replicas?: number } } | undefined;
    expect(db?.spec?.replicas).toBe(2);
  });

  it('a kind without replicas has no scale subresource', () => {
    const r = run('kubectl run one --image=nginx\nkubectl scale pod one --replicas=2\n');
    expect(r.stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
  });
});
