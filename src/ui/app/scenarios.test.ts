import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCluster, parseManifestText } from '../../engine/index.ts';
import { applyManifest } from '../../engine/write.ts';
import { parseDemoScript, scenarioCatalog, scenarioIdOf, scenarioText } from './scenarios.ts';

// The real examples, read as Vite's import.meta.glob would hand them over.
const EXAMPLES = 'examples';
const folders = readdirSync(EXAMPLES);
const demos = Object.fromEntries(folders.map((id) => [id, readFileSync(`${EXAMPLES}/${id}/demo.sh`, 'utf8')]));
const yamlFiles = Object.fromEntries(folders.map((id) => [id, readdirSync(`${EXAMPLES}/${id}`).filter((f) => f.endsWith('.yaml'))]));
const contents = (id: string) => Object.fromEntries(yamlFiles[id]!.map((f) => [f, readFileSync(`${EXAMPLES}/${id}/${f}`, 'utf8')]));
const catalog = scenarioCatalog(demos, yamlFiles);
const byId = (id: string) => catalog.find((s) => s.id === id)!;

describe('parseDemoScript', () => {
  it('reads the summary, the --cluster preset, the applies with their comments, and the other commands', () => {
    const demo = parseDemoScript(
      [
        '# Static provisioning: an admin creates a volume,',
        '# a user claims it.',
        '# Run with: npx kubesim run examples/x/demo.sh --cluster bare',
        '',
        '# 1. The volume first.',
        'kubectl apply -f pv.yaml',
        'kubectl get pv',
        'sleep 60',
        '',
        'kubectl apply -f pvc.yaml',
        'kubectl describe pvc \\',
        '  example-pvc',
        'kubectl apply -f - <<EOF',
      ].join('\n'),
    );
    expect(demo).toEqual({
      summary: 'Static provisioning: an admin creates a volume, a user claims it.',
      preset: 'bare',
      applies: [
        { file: 'pv.yaml', comment: ['1. The volume first.'] },
        { file: 'pvc.yaml', comment: [] },
      ],
      commands: [{ line: 'kubectl get pv', after: 0 }],
    });
  });

  it('uses kubesim\'s default cluster (kind) without --cluster, or with one it does not know', () => {
    expect(parseDemoScript('# Run with: npx kubesim run demo.sh\n').preset).toBe('kind');
    expect(parseDemoScript('# Run with: npx kubesim run demo.sh --cluster gke\n').preset).toBe('kind');
  });
});

describe('the catalog of the repository\'s examples', () => {
  it('lists every example with YAML in teaching order, with the preset its demo runs on', () => {
    const known = new Set(['static-pv-pvc', 'dynamic-provisioning', 'multi-zone', 'ebs-storage-classes', 'emptydir', 'hostpath', 'configmap', 'secret', 'downward-api']);
    // (New examples may join; these keep their order and presets.)
    expect(catalog.filter((s) => known.has(s.id)).map((s) => [s.id, s.preset])).toEqual([
      ['static-pv-pvc', 'bare'],
      ['dynamic-provisioning', 'kind'],
      ['multi-zone', 'multi-az'],
      ['ebs-storage-classes', 'multi-az'],
      ['emptydir', 'kind'],
      ['hostpath', 'kind-multinode'],
      ['configmap', 'kind'],
      ['secret', 'kind'],
      ['downward-api', 'kind'],
    ]);
    // Docker-only examples (images built from folders) are not offered: there is no YAML to show.
    expect(catalog.some((s) => s.id.startsWith('docker-'))).toBe(false);
    for (const s of catalog) expect(s.summary, s.id).toMatch(/^[A-Z\w].{20,}\.$/);
    // Every example folder with YAML is offered.
    expect(catalog.map((s) => s.id).sort()).toEqual(folders.filter((id) => yamlFiles[id]!.length > 0).sort());
  });

  it('drops a summary\'s leading "Title:" in the menu, where the title is shown anyway', () => {
    expect(byId('emptydir').blurb).toBe('Scratch space shared by the containers of one pod, gone with the pod.');
    expect(byId('static-pv-pvc').blurb).toBe('An admin creates a PersistentVolume, a user claims it, a pod mounts it.');
    expect(byId('configmap').blurb).toBe(byId('configmap').summary);
  });

  it('keeps the demo\'s order of files, not the alphabet', () => {
    expect(byId('static-pv-pvc').files.map((f) => f.file)).toEqual(['pv.yaml', 'pvc.yaml', 'pod.yaml']);
    expect(byId('dynamic-provisioning').files.map((f) => f.file)).toEqual(['pvc.yaml', 'pod.yaml']);
  });

  it('puts examples it has no title for after the known ones, titled from the folder', () => {
    const more = scenarioCatalog({ ...demos, 'zz-new-thing': '# Something new.\n' }, { ...yamlFiles, 'zz-new-thing': ['a.yaml'] });
    expect(more.at(-1)).toMatchObject({ id: 'zz-new-thing', title: 'Zz new thing', preset: 'kind', files: [{ file: 'a.yaml', comment: [] }] });
  });
});

describe('scenarioText', () => {
  it('names the scenario in a leading comment and joins the files\' documents with ---', () => {
    const text = scenarioText(byId('static-pv-pvc'), contents('static-pv-pvc'));
    const lines = text.split('\n');
    expect(lines[0]).toBe('# Example: Static provisioning (examples/static-pv-pvc), on the "bare" cluster.');
    expect(lines).toContain('# pvc.yaml: 2. The claim asks for 2Gi; the 5Gi volume is the smallest that fits, so they bind.');
    // The commands the demo runs right after the last file, as a next step.
    expect(lines.slice(lines.indexOf('# Then try in the terminal (Ctrl+`):'), lines.indexOf('# Then try in the terminal (Ctrl+`):') + 3)).toEqual([
      '# Then try in the terminal (Ctrl+`):',
      '#   kubectl get pod example-pod',
      '#   kubectl describe pvc example-pvc',
    ]);
    expect(parseManifestText(text).map((d) => (d.value as { kind: string }).kind)).toEqual(['PersistentVolume', 'PersistentVolumeClaim', 'Pod']);
    expect(scenarioIdOf(text)).toBe('static-pv-pvc');
    expect(scenarioIdOf('apiVersion: v1\n')).toBeNull();
  });

  it('leaves out a later file that only changes what an earlier one made, and says so', () => {
    const text = scenarioText(byId('configmap'), contents('configmap'));
    expect(text).not.toContain('<h1>Version 2</h1>');
    expect(text).toContain('# (The demo applies frontend-cm-v2.yaml here: change ConfigMap frontend-cm above and press Apply again.)');
    expect(parseManifestText(text)).toHaveLength(2);
    // The hints follow the last file included (the Deployment), not the update left out.
    expect(text).toContain('# Then try in the terminal (Ctrl+`):\n#   kubectl get pods\n#   kubectl exec deploy/frontend-deploy -- printenv');
  });

  it.each(catalog.map((s) => [s.id, s]))('%s applies cleanly on its preset', (_id, scenario) => {
    const text = scenarioText(scenario, contents(scenario.id));
    const { result } = applyManifest(createCluster({ preset: scenario.preset, seed: 1 }), text, { mode: 'apply' });
    const problems = result.filter((r) => r.error);
    expect(problems, JSON.stringify(problems)).toEqual([]);
    // Every document the example's files hold is there (minus a replaced second version).
    const expected = scenario.files.reduce((n, f) => n + parseManifestText(contents(scenario.id)[f.file]!).length, 0) - (scenario.id === 'configmap' ? 1 : 0);
    expect(parseManifestText(text)).toHaveLength(expected);
  });
});
