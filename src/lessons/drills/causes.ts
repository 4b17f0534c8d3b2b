// The ways a drill is broken, one function each: the cluster it needs, the setup that breaks it,
// one fix that works, hints, and the explanation shown afterwards. The causes are those the CKA
// asks about when a claim is Pending (class, size, access mode, selector, zone, no provisioner,
// no consumer) and a pod stuck on a volume it cannot mount.
import type { PresetName } from '../../engine/index.ts';
import { pick, type Next } from './random.ts';

export const DRILL_CAUSES = ['class', 'size', 'access-mode', 'selector', 'zone', 'no-provisioner', 'no-consumer', 'missing-configmap'] as const;
export type DrillCause = (typeof DRILL_CAUSES)[number];

export interface DrillParts {
  pod: string;
  claim: string;
  /** The volume's size in Gi. */
  size: number;
  next: Next;
}

export interface Made {
  preset: PresetName;
  setup: string;
  fix: string;
  hints: string[];
  explanation: string;
  /** Suggested time limit. */
  minutes: number;
}

const apply = (yaml: string) => `kubectl apply -f - <<EOF\n${yaml}EOF\n`;

function pv(name: string, size: number, o: { cls?: string; mode?: string; labels?: string } = {}): string {
  return (
    `apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\n${o.labels ? `  labels: {${o.labels}}\n` : ''}spec:\n` +
    `${o.cls !== undefined ? `  storageClassName: ${o.cls}\n` : ''}  capacity:\n    storage: ${size}Gi\n  accessModes: [${o.mode ?? 'ReadWriteOnce'}]\n  hostPath:\n    path: /mnt/${name}\n`
  );
}

function pvc(name: string, size: number, o: { cls?: string; mode?: string; selector?: string } = {}): string {
  return (
    `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\nspec:\n` +
    `${o.cls !== undefined ? `  storageClassName: ${o.cls}\n` : ''}${o.selector ? `  selector:\n    matchLabels: {${o.selector}}\n` : ''}` +
    `  accessModes: [${o.mode ?? 'ReadWriteOnce'}]\n  resources:\n    requests:\n      storage: ${size}Gi\n`
  );
}

function pod(name: string, claim: string, o: { zone?: string; configMap?: string } = {}): string {
  return (
    `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n${o.zone ? `  nodeSelector:\n    topology.kubernetes.io/zone: ${o.zone}\n` : ''}` +
    `  containers:\n  - name: app\n    image: nginx\n    volumeMounts:\n    - name: data\n      mountPath: /usr/share/nginx/html\n` +
    `${o.configMap ? '    - name: conf\n      mountPath: /etc/app\n' : ''}` +
    `  volumes:\n  - name: data\n    persistentVolumeClaim:\n      claimName: ${claim}\n` +
    `${o.configMap ? `  - name: conf\n    configMap:\n      name: ${o.configMap}\n` : ''}`
  );
}

const RECREATE = 'Most of a claim\'s spec cannot change once it exists: delete the claim and create it again, fixed, under the same name; the pod waiting for it then starts.';

export const CAUSES = new Map<DrillCause, (p: DrillParts) => Made>([
  [
    'class',
    (p) => {
      const cls = pick(p.next, ['manual', 'slow', 'local-disks']);
      const typo = pick(p.next, [`${cls}-ssd`, `${cls}s`, cls.toUpperCase()]);
      return {
        preset: 'bare',
        setup: apply(pv(`pv-${p.claim}`, p.size, { cls })) + apply(pvc(p.claim, p.size, { cls: typo })) + apply(pod(p.pod, p.claim)),
        fix: `kubectl delete pvc ${p.claim}\n` + apply(pvc(p.claim, p.size, { cls })),
        hints: ['Compare the STORAGECLASS column of the claim with the volume\'s (`kubectl get pv,pvc`).', RECREATE],
        explanation: `The claim asked for the storage class "${typo}", and the only volume is of class "${cls}"; no class "${typo}" exists to provision one. A claim binds only a volume of the very class it names. ${RECREATE}`,
        minutes: 6,
      };
    },
  ],
  [
    'size',
    (p) => {
      const asked = p.size * 2 + 1;
      return {
        preset: 'bare',
        setup: apply(pv(`pv-${p.claim}`, p.size, { cls: '' })) + apply(pvc(p.claim, asked, { cls: '' })) + apply(pod(p.pod, p.claim)),
        fix: `kubectl delete pvc ${p.claim}\n` + apply(pvc(p.claim, p.size, { cls: '' })),
        hints: ['Compare the claim\'s request with the CAPACITY of the volumes (`kubectl get pv,pvc`, `kubectl describe pvc`).', RECREATE],
        explanation: `The claim asked for ${asked}Gi and the only volume holds ${p.size}Gi. A claim binds only a volume at least as large as its request (a request can grow for classes that allow expansion, never shrink). ${RECREATE}`,
        minutes: 6,
      };
    },
  ],
  [
    'access-mode',
    (p) => {
      const wrong = pick(p.next, ['ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOncePod']);
      return {
        preset: 'bare',
        setup: apply(pv(`pv-${p.claim}`, p.size, { cls: '' })) + apply(pvc(p.claim, p.size, { cls: '', mode: wrong })) + apply(pod(p.pod, p.claim)),
        fix: `kubectl delete pvc ${p.claim}\n` + apply(pvc(p.claim, p.size, { cls: '' })),
        hints: ['Compare ACCESS MODES in `kubectl get pv,pvc`.', RECREATE],
        explanation: `The claim asked for ${wrong} and the volume offers only ReadWriteOnce. A claim binds only a volume that offers every access mode it asks for. ${RECREATE}`,
        minutes: 6,
      };
    },
  ],
  [
    'selector',
    (p) => {
      const [want, have] = pick(p.next, [['gold', 'silver'], ['fast', 'slow'], ['prod', 'test']] as const);
      return {
        preset: 'bare',
        setup: apply(pv(`pv-${p.claim}`, p.size, { cls: '', labels: `tier: ${have}` })) + apply(pvc(p.claim, p.size, { cls: '', selector: `tier: ${want}` })) + apply(pod(p.pod, p.claim)),
        fix: `kubectl label pv pv-${p.claim} tier=${want} --overwrite\n`,
        hints: ['The claim has a `selector` (`kubectl get pvc -o yaml`): compare it with the volume\'s labels (`kubectl get pv --show-labels`).', 'Relabel the volume (`kubectl label pv … --overwrite`), or create the claim again without the selector.'],
        explanation: `The claim selects volumes labelled tier=${want}, and the only volume is labelled tier=${have}. A claim with a selector binds only volumes whose labels match it. Relabel the volume, or delete the claim and create it again with a selector that matches (or none).`,
        minutes: 6,
      };
    },
  ],
  [
    'zone',
    (p) => {
      const [diskZone, podZone] = pick(p.next, [['us-east-1a', 'us-east-1c'], ['us-east-1b', 'us-east-1a'], ['us-east-1c', 'us-east-1b']] as const);
      const cls = `${p.pod}-now`;
      const sc = `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${cls}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: Immediate\nallowedTopologies:\n- matchLabelExpressions:\n  - key: topology.kubernetes.io/zone\n    values: [${diskZone}]\n`;
      return {
        preset: 'multi-az',
        setup: apply(sc) + apply(pvc(p.claim, p.size, { cls })) + apply(pod(p.pod, p.claim, { zone: podZone })),
        fix: `kubectl delete pod ${p.pod}\n` + apply(pod(p.pod, p.claim, { zone: diskZone })),
        hints: ['The claim is Bound: look at where its volume lives (`kubectl get pv -L topology.kubernetes.io/zone`) and where the pod may run (`kubectl describe pod`).', 'An EBS disk attaches only to nodes in its own zone. Run the pod there, or give the claim a WaitForFirstConsumer class so its disk is made where the pod is.'],
        explanation: `The class binds Immediately and may only make disks in ${diskZone}, so the claim's disk was made there; the pod's nodeSelector asks for ${podZone}, where the disk cannot attach: no node there matches the volume's node affinity. Run the pod in ${diskZone}, or delete the claim and create it again with a WaitForFirstConsumer class (such as the default gp3) so the disk is made in the pod's zone.`,
        minutes: 8,
      };
    },
  ],
  [
    'no-provisioner',
    (p) => {
      const cls = pick(p.next, ['local-storage', 'local-disks', 'manual-disks']);
      const sc = `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${cls}\nprovisioner: kubernetes.io/no-provisioner\nvolumeBindingMode: WaitForFirstConsumer\n`;
      return {
        preset: 'bare',
        setup: apply(sc) + apply(pvc(p.claim, p.size, { cls })) + apply(pod(p.pod, p.claim)),
        fix: apply(pv(`pv-${p.claim}`, p.size, { cls })),
        hints: ['Look at the claim\'s class (`kubectl get sc`): what is its PROVISIONER, and are there any volumes (`kubectl get pv`)?', `\`kubernetes.io/no-provisioner\` makes nothing: an administrator creates the volumes, with \`storageClassName: ${cls}\`.`],
        explanation: `The class "${cls}" has the provisioner kubernetes.io/no-provisioner: nobody creates volumes for it, and there were none, so the scheduler found no node with a volume to bind. Create a PersistentVolume of that class, large enough, with the claim's access mode.`,
        minutes: 7,
      };
    },
  ],
  [
    'no-consumer',
    (p) => {
      const typo = pick(p.next, [`${p.claim}-claim`, `${p.claim}s`, `${p.claim}-pvc`]);
      return {
        preset: 'kind',
        setup: apply(pvc(p.claim, p.size)) + apply(pod(p.pod, typo)),
        fix: `kubectl delete pod ${p.pod}\n` + apply(pod(p.pod, p.claim)),
        hints: ['`kubectl describe pvc`: the claim waits for its first consumer. Which claim does the pod use (`kubectl describe pod`)?', 'A pod\'s volumes cannot be changed: delete the pod and create it again with the right `claimName`.'],
        explanation: `The default class binds on WaitForFirstConsumer, and no pod used the claim: the pod named "${typo}", a claim that does not exist, so the pod was unschedulable and the claim waited for a consumer. Delete the pod and create it again with claimName ${p.claim}.`,
        minutes: 6,
      };
    },
  ],
  [
    'missing-configmap',
    (p) => {
      const cm = `${p.pod}-config`;
      return {
        preset: 'kind',
        setup: apply(pvc(p.claim, p.size)) + apply(pod(p.pod, p.claim, { configMap: cm })),
        fix: `kubectl create configmap ${cm} --from-literal=mode=production\n`,
        hints: ['The claim is Bound: the pod is stuck in ContainerCreating. Read its events (`kubectl describe pod`).', 'A configMap volume needs its ConfigMap: create it (or remove the volume by creating the pod again).'],
        explanation: `The pod mounts a configMap volume from "${cm}", which does not exist: the kubelet cannot set up the volume (FailedMount), so the pod stays ContainerCreating though its claim is Bound. Create the ConfigMap (or, when it is optional, mark the volume optional: true).`,
        minutes: 5,
      };
    },
  ],
]);
