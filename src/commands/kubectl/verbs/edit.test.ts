// `kubectl edit`: on the script host the editor is $KUBE_EDITOR or $EDITOR run on a temp file
// (there is no vi); in the browser terminal with neither set, the object goes to the editor pane.
import { describe, expect, it } from 'vitest';
import { createCluster, getObject, readerOf } from '../../../engine/index.ts';
import { createHostSession } from '../../shell/host-shell.ts';
import { runScript } from '../../script/run-script.ts';

const EDITED = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx:1.27\n        name: nginx\n';
const FILES: Record<string, string> = { 'edited.yaml': EDITED, 'bad.yaml': EDITED.replace('replicas: 3', 'replicas: -1'), 'broken.yaml': 'metadata: [\n', 'renamed.yaml': EDITED.replace('name: web', 'name: other') };
const run = (script: string) => runScript(`kubectl create deployment web --image=nginx:1.27\n${script}`, { preset: 'kind', quiet: true, files: { read: (p) => FILES[p] } });
const replicas = (state: Parameters<typeof readerOf>[0]) => {
  const got = getObject(readerOf(state), 'Deployment', 'default', 'web');
  return got.ok && got.value.kind === 'Deployment' ? got.value.spec?.replicas : undefined;
};

describe('kubectl edit on the script host', () => {
  it('with no editor set, vi cannot be launched', () => {
    const r = run('kubectl edit deployment/web\n');
    expect(r.stderr).toBe('error: unable to launch the editor "vi"\n');
    expect(r.exitCode).toBe(1);
  });

  it('an editor that saves a changed file updates the object and removes the temp file', () => {
    const r = run('KUBE_EDITOR="cp edited.yaml" kubectl edit deploy web\nls /tmp\n');
    expect(r.stdout).toBe('deployment.apps/web created\ndeployment.apps/web edited\n');
    expect(replicas(r.state)).toBe(3);
  });

  it('the editor sees the header comment and the object; saving it unchanged cancels', () => {
    const r = run('EDITOR="cp /dev/null" kubectl edit deployment/web\nexport EDITOR=true\nkubectl edit deployment/web\n');
    expect(r.stderr).toBe('Edit cancelled, saved file was empty.\nEdit cancelled, no changes made.\n');
    expect(replicas(r.state)).toBe(1);
    const shown = run('export EDITOR="head -4"\nkubectl edit deployment/web\n');
    expect(shown.stdout).toContain("# Please edit the object below. Lines beginning with a '#' will be ignored,\n# and an empty file will abort the edit. If an error occurs while saving this file will be\n# reopened with the relevant failures.\n#\n");
  });

  it('a refused update reopens the editor; the same text again gives up and keeps the file', () => {
    const r = run('KUBE_EDITOR="cp bad.yaml" kubectl edit deployment/web\n');
    expect(r.stderr).toMatch(/^error: deployments\.apps "web" is invalid\nA copy of your changes has been stored to "\/tmp\/kubectl-edit-\d+\.yaml"\nerror: Edit cancelled, no valid changes were saved\.\n$/);
    expect(replicas(r.state)).toBe(1);
    const s = run('KUBE_EDITOR="cp broken.yaml" kubectl edit deployment/web\nKUBE_EDITOR="cp renamed.yaml" kubectl edit deployment/web\n');
    expect(s.stderr).toMatch(/^A copy of your changes has been stored to "[^"]+"\nerror: Edit cancelled, no valid changes were saved\.\nA copy of your changes has been stored to "[^"]+"\nerror: At least one of apiVersion, kind and name was changed\n$/);
  });

  it("an editor that is missing or fails, and a missing object", () => {
    const r = run('EDITOR="nano -w" kubectl edit deployment/web\nEDITOR=false kubectl edit deployment/web\nkubectl edit pod/nope\n');
    expect(r.stderr).toBe('error: unable to launch the editor "nano -w"\nerror: there was a problem with the editor "false"\nError from server (NotFound): pods "nope" not found\n');
  });
});

describe('kubectl edit in the browser terminal', () => {
  it('with no editor set, asks for the editor pane with the header and the YAML, and changes nothing', () => {
    const session = createHostSession(createCluster({ preset: 'kind' }), { read: () => undefined }, { browserTerminal: true });
    const r = runScript('kubectl create deployment web --image=nginx:1.27\nkubectl edit deployment web\n', { state: session.state, quiet: true, files: { read: () => undefined }, session });
    expect(r.stdout).toBe('deployment.apps/web created\n');
    expect(session.effects).toHaveLength(1);
    const effect = session.effects[0]!;
    expect(effect.resource).toBe('deployments.apps/web');
    expect(effect.text.startsWith("# Please edit the object below.")).toBe(true);
    expect(effect.text).toContain('\nkind: Deployment\n');
  });
});
