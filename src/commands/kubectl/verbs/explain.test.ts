// `kubectl explain`: the v2 plaintext template (kubectl pkg/explain/v2/templates/plaintext.tmpl)
// over the bundled schema: header, FIELD with a blank pair after it, DESCRIPTION wrapped at 76
// and indented 4, FIELDS in name order with tab, <type>, -required-, enum:; errors word for word.
import { describe, expect, it } from 'vitest';
import { makeContext } from '../context.ts';
import { parseFlags, type FlagSpec } from '../flags.ts';
import { explainVerb } from './explain.ts';
import { indent, wordWrap } from './explain-wrap.ts';
import type { CommandInput } from '../../types.ts';

const SPECS: FlagSpec[] = [
  { long: 'recursive', value: false, repeat: false },
  { long: 'api-version', value: true, repeat: false },
  { long: 'output', short: 'o', value: true, repeat: false },
];

function explain(...argv: string[]) {
  const parsed = parseFlags(argv, SPECS);
  if (!parsed.ok) throw new Error(parsed.error);
  // explain reads no cluster state: the schema is the server's OpenAPI document.
  const r = explainVerb(makeContext({ state: {} } as unknown as CommandInput, parsed.parsed));
  return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode };
}

const URL = 'https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md';

describe('kubectl explain', () => {
  it('prints a kind: KIND, VERSION, DESCRIPTION and every field with its description', () => {
    expect(explain('pods').stdout).toBe(
      'KIND:       Pod\nVERSION:    v1\n\n' +
        'DESCRIPTION:\n    Pod is a collection of containers that can run on a host. This resource is\n    created by clients and scheduled onto hosts.\n    \n' +
        'FIELDS:\n' +
        '  apiVersion\t<string>\n    APIVersion defines the versioned schema of this representation of an object.\n    Servers should convert recognized schemas to the latest internal value, and\n    may reject unrecognized values. More info:\n' +
        `    ${URL}#resources\n\n` +
        '  kind\t<string>\n    Kind is a string value representing the REST resource this object\n    represents. Servers may infer this from the endpoint the client submits\n    requests to. Cannot be updated. In CamelCase. More info:\n' +
        `    ${URL}#types-kinds\n\n` +
        `  metadata\t<ObjectMeta>\n    Standard object's metadata. More info:\n    ${URL}#metadata\n\n` +
        `  spec\t<PodSpec>\n    Specification of the desired behavior of the pod. More info:\n    ${URL}#spec-and-status\n\n` +
        '  status\t<PodStatus>\n    Most recently observed status of the pod. This data may not be up to date.\n    Populated by the system. Read-only. More info:\n' +
        `    ${URL}#spec-and-status\n\n\n`,
    );
  });

  it('a group kind has a GROUP line; short names, plurals and kind.group resolve as in get', () => {
    const deploy = explain('deploy').stdout;
    expect(deploy.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
    expect(explain('deployments.apps').stdout).toBe(deploy);
    expect(explain('Deployment').stdout).toBe(deploy);
    expect(explain('deploy', '--api-version=apps/v1').stdout).toBe(deploy);
    expect(explain('sc').stdout.startsWith('GROUP:      storage.k8s.io\nKIND:       StorageClass\n')).toBe(true);
  });

  it('a field: FIELD with its type, two blank lines, its description then its type\'s, and the type\'s fields', () => {
    const out = explain('pod.spec.volumes').stdout;
    expect(out).toMatch(
      /^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: volumes <\[\]Volume>\n\n\nDESCRIPTION:\n {4}List of volumes that can be mounted by containers belonging to the pod\. More\n {4}info: https:\/\/kubernetes\.io\/docs\/concepts\/storage\/volumes\n {4}Volume represents a named volume in a pod that may be accessed by any\n {4}container in the pod\.\n {4}\nFIELDS:\n {2}awsElasticBlockStore\t<AWSElasticBlockStoreVolumeSource>\n/,
    );
    expect(out).toContain('\n  name\t<string> -required-\n    name of the volume. Must be a DNS_LABEL and unique within the pod. More\n');
    expect(out).toContain('\n  persistentVolumeClaim\t<PersistentVolumeClaimVolumeSource>\n');
  });

  it('an enum field lists its values under ENUM: (long view) and after enum: (field list)', () => {
    expect(explain('pod.spec.restartPolicy').stdout).toMatch(/^KIND: {7}Pod\nVERSION: {4}v1\n\nFIELD: restartPolicy <string>\nENUM:\n {4}Always\n {4}Never\n {4}OnFailure\n\nDESCRIPTION:\n {4}Restart policy for all containers within the pod\./);
    expect(explain('pv.spec').stdout).toContain('\n  persistentVolumeReclaimPolicy\t<string>\n  enum: Delete, Recycle, Retain\n    persistentVolumeReclaimPolicy defines what happens');
    expect(explain('pod.spec.volumes.hostPath').stdout).toContain('\n  type\t<string>\n  enum: "", BlockDevice, CharDevice, Directory, ....\n');
  });

  it('a map of quantities: map[string]Quantity, the field\'s text then Quantity\'s, no FIELDS', () => {
    const out = explain('persistentvolumeclaim.spec.resources.requests').stdout;
    expect(out).toMatch(/^KIND: {7}PersistentVolumeClaim\nVERSION: {4}v1\n\nFIELD: requests <map\[string\]Quantity>\n\n\nDESCRIPTION:\n {4}Requests describes the minimum amount of compute resources required\. If\n/);
    expect(out).toContain('\n    Quantity is a fixed-point representation of a number. It provides convenient\n');
    expect(out).not.toContain('FIELDS:');
    expect(out.endsWith('use a fixed point implementation.\n    \n\n')).toBe(true);
  });

  it('--recursive: names and types only, nested two spaces a level', () => {
    const out = explain('pv.spec', '--recursive').stdout;
    expect(out).toContain('FIELDS:\n  accessModes\t<[]string>\n  awsElasticBlockStore\t<AWSElasticBlockStoreVolumeSource>\n    fsType\t<string>\n    partition\t<integer>\n    readOnly\t<boolean>\n    volumeID\t<string> -required-\n');
    expect(out).toContain('\n  capacity\t<map[string]Quantity>\n  cephfs\t');
    expect(out).toContain('\n  nodeAffinity\t<VolumeNodeAffinity>\n    required\t<NodeSelector>\n      nodeSelectorTerms\t<[]NodeSelectorTerm> -required-\n        matchExpressions\t<[]NodeSelectorRequirement>\n          key\t<string> -required-\n');
    expect(out).toContain('\n  volumeMode\t<string>\n  enum: Block, Filesystem\n');
    expect(out.slice(out.indexOf('FIELDS:'))).not.toMatch(/\n {4}[A-Z]/); // no descriptions
    expect(out.endsWith('\n    volumePath\t<string> -required-\n\n')).toBe(true);
  });

  it('refuses what kubectl refuses, in its words', () => {
    expect(explain('pod.spec.nope')).toEqual({ stdout: '', stderr: 'error: field "nope" does not exist\n', exitCode: 1 });
    // The template names the last element of the path, whichever one was missing.
    expect(explain('pod.foo.bar').stderr).toBe('error: field "bar" does not exist\n');
    // Only `deployments.apps` is a prefix kubectl matches; after `deploy` the next segment is a field.
    expect(explain('deploy.apps').stderr).toBe('error: field "apps" does not exist\n');
    expect(explain('nope').stderr).toBe('error: the server doesn\'t have a resource type "nope"\n');
    expect(explain('deploy', '--api-version=apps/v2').stderr).toBe('error: couldn\'t find resource for "apps/v2, Resource=deployments"\n');
    expect(explain('pods', '--api-version=apps/v1').stderr).toBe('error: GVR (apps/v1, Resource=pods) not found in OpenAPI schema\n');
    expect(explain('pods', '-o', 'yaml').stderr).toBe('error: unrecognized format: yaml\n');
    expect(explain().stderr).toBe('error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n');
    expect(explain('pods', 'pvc').stderr).toBe('error: We accept only this format: explain RESOURCE\n');
  });
});

describe("explain's word wrap (go-wordwrap)", () => {
  it('breaks at spaces within the limit, keeps newlines, never splits a long word', () => {
    expect(wordWrap('aaa bbb ccc', 7)).toBe('aaa bbb\nccc');
    expect(wordWrap('one two\n\nthree four', 9)).toBe('one two\n\nthree\nfour');
    expect(wordWrap(`More info: ${URL}`, 20)).toBe(`More info:\n${URL}`);
    expect(wordWrap('x\n', 5)).toBe('x\n');
  });
  it("indent pads the first line and every line after a newline, as the template's indent does", () => {
    expect(indent(4, 'a\nb\n')).toBe('    a\n    b\n    ');
  });
});
