import type { PersistentVolume, PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { describe, expect, it } from 'vitest';
import { describeObject, printTable } from './index.ts';
import {
  NOW,
  ago,
  exampleAttachment,
  exampleEvents,
  examplePV,
  examplePVC,
  hostpathDriver,
  pendingPVC,
  standardSC,
} from './fixtures.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

// The PV and PVC the local-path provisioner makes in the course's StorageClass demo.
const provisionedPV: PersistentVolume = {
  apiVersion: 'v1',
  kind: 'PersistentVolume',
  metadata: {
    name: 'pvc-24d1f4ee-d3f8-40eb-8120-21f232087a19',
    uid: 'pv-uid-9',
    creationTimestamp: ago(6 * 60),
    annotations: {
      'local.path.provisioner/selected-node': 'kind-control-plane',
      'pv.kubernetes.io/provisioned-by': 'rancher.io/local-path',
    },
    finalizers: ['kubernetes.io/pv-protection'],
  },
  spec: {
    capacity: { storage: '2Gi' },
    accessModes: ['ReadWriteOnce'],
    persistentVolumeReclaimPolicy: 'Delete',
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    claimRef: { kind: 'PersistentVolumeClaim', namespace: 'default', name: 'example-pvc', uid: 'pvc-uid-9' },
    hostPath: {
      path: '/var/local-path-provisioner/pvc-24d1f4ee-d3f8-40eb-8120-21f232087a19_default_example-pvc',
      type: 'DirectoryOrCreate',
    },
    nodeAffinity: {
      required: {
        nodeSelectorTerms: [
          { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: ['kind-control-plane'] }] },
        ],
      },
    },
  },
  status: { phase: 'Bound' },
};

const provisionedPVC: PersistentVolumeClaim = {
  apiVersion: 'v1',
  kind: 'PersistentVolumeClaim',
  metadata: { name: 'example-pvc', namespace: 'default', uid: 'pvc-uid-9', creationTimestamp: ago(6 * 60) },
  spec: {
    accessModes: ['ReadWriteOnce'],
    resources: { requests: { storage: '2Gi' } },
    storageClassName: 'standard',
    volumeMode: 'Filesystem',
    volumeName: 'pvc-24d1f4ee-d3f8-40eb-8120-21f232087a19',
  },
  status: { phase: 'Bound', accessModes: ['ReadWriteOnce'], capacity: { storage: '2Gi' } },
};

describe('kubectl get pv', () => {
  it("prints the course's example-pv (5Gi RWO Retain, bound, no class, 6m)", () => {
    expect(printTable('PersistentVolume', [examplePV], { now: NOW })).toBe(
      lines(
        'NAME         CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
        'example-pv   5Gi        RWO            Retain           Bound    default/example-pvc                  <unset>                          6m',
      ),
    );
  });

  it('prints a provisioned volume like the course output, plus the v1.34 columns', () => {
    expect(printTable('PersistentVolume', [provisionedPV], { now: NOW })).toBe(
      lines(
        'NAME                                       CAPACITY   ACCESS MODES   RECLAIM POLICY   STATUS   CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE',
        'pvc-24d1f4ee-d3f8-40eb-8120-21f232087a19   2Gi        RWO            Delete           Bound    default/example-pvc   standard       <unset>                          6m',
      ),
    );
  });

  it('adds VOLUMEMODE with -o wide and shows Terminating, Released claims and all access modes', () => {
    const released: PersistentVolume = {
      ...examplePV,
      metadata: { ...examplePV.metadata, name: 'old-pv', deletionTimestamp: ago(10) },
      spec: { ...examplePV.spec, accessModes: ['ReadWriteOncePod', 'ReadWriteMany', 'ReadWriteOnce', 'ReadOnlyMany', 'ReadWriteOnce'] },
      status: { phase: 'Released' },
    };
    expect(printTable('PersistentVolume', [released], { now: NOW, wide: true })).toBe(
      lines(
        'NAME     CAPACITY   ACCESS MODES       RECLAIM POLICY   STATUS        CLAIM                 STORAGECLASS   VOLUMEATTRIBUTESCLASS   REASON   AGE   VOLUMEMODE',
        'old-pv   5Gi        RWO,ROX,RWX,RWOP   Retain           Terminating   default/example-pvc                  <unset>                          6m    Filesystem',
      ),
    );
  });
});

describe('kubectl get pvc', () => {
  it('leaves CAPACITY and ACCESS MODES empty until spec.volumeName is set', () => {
    expect(printTable('PersistentVolumeClaim', [examplePVC, pendingPVC], { now: NOW })).toBe(
      lines(
        'NAME          STATUS    VOLUME       CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        'example-pvc   Bound     example-pv   5Gi        RWO                           <unset>                 5m',
        'data-pvc      Pending                                          standard       <unset>                 90s',
      ),
    );
  });

  it('prints the course StorageClass demo claim', () => {
    expect(printTable('PersistentVolumeClaim', [provisionedPVC], { now: NOW })).toBe(
      lines(
        'NAME          STATUS   VOLUME                                     CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE',
        'example-pvc   Bound    pvc-24d1f4ee-d3f8-40eb-8120-21f232087a19   2Gi        RWO            standard       <unset>                 6m',
      ),
    );
  });

  it('adds NAMESPACE with -A and VOLUMEMODE with -o wide', () => {
    expect(printTable('PersistentVolumeClaim', [pendingPVC], { now: NOW, allNamespaces: true, wide: true })).toBe(
      lines(
        'NAMESPACE   NAME       STATUS    VOLUME   CAPACITY   ACCESS MODES   STORAGECLASS   VOLUMEATTRIBUTESCLASS   AGE   VOLUMEMODE',
        'default     data-pvc   Pending                                      standard       <unset>                 90s   Filesystem',
      ),
    );
  });
});

describe('kubectl get storageclass', () => {
  it("prints KIND's standard class exactly as the course shows it", () => {
    expect(printTable('StorageClass', [standardSC], { now: NOW })).toBe(
      lines(
        'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE',
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  27d',
      ),
    );
  });

  const fast: StorageClass = {
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: {
      name: 'fast',
      creationTimestamp: ago(3600),
      annotations: { 'storageclass.kubernetes.io/is-default-class': 'true' },
    },
    provisioner: 'ebs.csi.aws.com',
    reclaimPolicy: 'Retain',
    allowVolumeExpansion: true,
  };

  it('marks every class carrying the default annotation, as v1.34 does (§14)', () => {
    expect(printTable('StorageClass', [fast, standardSC], { now: NOW })).toBe(
      lines(
        'NAME                 PROVISIONER             RECLAIMPOLICY   VOLUMEBINDINGMODE      ALLOWVOLUMEEXPANSION   AGE',
        'fast (default)       ebs.csi.aws.com         Retain          Immediate              true                   60m',
        'standard (default)   rancher.io/local-path   Delete          WaitForFirstConsumer   false                  27d',
      ),
    );
  });

  it('marks no class when none carries the annotation', () => {
    const plain = { ...fast, metadata: { ...fast.metadata, annotations: {} } };
    expect(printTable('StorageClass', [plain], { now: NOW })).not.toContain('(default)');
  });
});

describe('kubectl get csidrivers / volumeattachments', () => {
  it('prints CSIDriver columns with defaults', () => {
    expect(printTable('CSIDriver', [hostpathDriver], { now: NOW })).toBe(
      lines(
        'NAME                  ATTACHREQUIRED   PODINFOONMOUNT   STORAGECAPACITY   TOKENREQUESTS   REQUIRESREPUBLISH   MODES                  AGE',
        'hostpath.csi.k8s.io   true             true             false             <unset>         false               Persistent,Ephemeral   27d',
      ),
    );
  });

  it('prints VolumeAttachment columns', () => {
    expect(printTable('VolumeAttachment', [exampleAttachment], { now: NOW })).toBe(
      lines(
        'NAME         ATTACHER              PV             NODE          ATTACHED   AGE',
        'csi-8a3f0c   hostpath.csi.k8s.io   pvc-24d1f4ee   kind-worker   true       2m30s',
      ),
    );
  });
});

describe('kubectl describe pv', () => {
  it("describes the course's example-pv", () => {
    expect(describeObject(examplePV, { now: NOW })).toBe(
      lines(
        'Name:            example-pv',
        'Labels:          <none>',
        'Annotations:     pv.kubernetes.io/bound-by-controller: yes',
        'Finalizers:      [kubernetes.io/pv-protection]',
        'StorageClass:    ',
        'Status:          Bound',
        'Claim:           default/example-pvc',
        'Reclaim Policy:  Retain',
        'Access Modes:    RWO',
        'VolumeMode:      Filesystem',
        'Capacity:        5Gi',
        'Node Affinity:   <none>',
        'Message:         ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /mnt/data',
        '    HostPathType:  ',
        'Events:            <none>',
      ),
    );
  });

  it('prints node affinity terms of a local-path volume', () => {
    expect(describeObject(provisionedPV, { now: NOW })).toBe(
      lines(
        'Name:              pvc-24d1f4ee-d3f8-40eb-8120-21f232087a19',
        'Labels:            <none>',
        'Annotations:       local.path.provisioner/selected-node: kind-control-plane',
        '                   pv.kubernetes.io/provisioned-by: rancher.io/local-path',
        'Finalizers:        [kubernetes.io/pv-protection]',
        'StorageClass:      standard',
        'Status:            Bound',
        'Claim:             default/example-pvc',
        'Reclaim Policy:    Delete',
        'Access Modes:      RWO',
        'VolumeMode:        Filesystem',
        'Capacity:          2Gi',
        'Node Affinity:     ',
        '  Required Terms:  ',
        '    Term 0:        kubernetes.io/hostname in [kind-control-plane]',
        'Message:           ',
        'Source:',
        '    Type:          HostPath (bare host directory volume)',
        '    Path:          /var/local-path-provisioner/pvc-24d1f4ee-d3f8-40eb-8120-21f232087a19_default_example-pvc',
        '    HostPathType:  DirectoryOrCreate',
        'Events:            <none>',
      ),
    );
  });

  it("prints a CSI source, keeping kubectl's VolumeAttributes indentation", () => {
    const csiPV: PersistentVolume = {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: 'pvc-3c1d', creationTimestamp: ago(60), finalizers: ['kubernetes.io/pv-protection'] },
      spec: {
        capacity: { storage: '1Gi' },
        accessModes: ['ReadWriteOnce'],
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: 'csi-hostpath-sc',
        volumeMode: 'Filesystem',
        csi: {
          driver: 'hostpath.csi.k8s.io',
          fsType: 'ext4',
          volumeHandle: '7e0a1b2c',
          volumeAttributes: { kind: 'file', 'storage.kubernetes.io/csiProvisionerIdentity': '1767225600000-9087-hostpath.csi.k8s.io' },
        },
      },
      status: { phase: 'Available' },
    };
    expect(describeObject(csiPV, { now: NOW })).toBe(
      lines(
        'Name:            pvc-3c1d',
        'Labels:          <none>',
        'Annotations:     <none>',
        'Finalizers:      [kubernetes.io/pv-protection]',
        'StorageClass:    csi-hostpath-sc',
        'Status:          Available',
        'Claim:           ',
        'Reclaim Policy:  Delete',
        'Access Modes:    RWO',
        'VolumeMode:      Filesystem',
        'Capacity:        1Gi',
        'Node Affinity:   <none>',
        'Message:         ',
        'Source:',
        '    Type:              CSI (a Container Storage Interface (CSI) volume source)',
        '    Driver:            hostpath.csi.k8s.io',
        '    FSType:            ext4',
        '    VolumeHandle:      7e0a1b2c',
        '    ReadOnly:          false',
        '    VolumeAttributes:      kind=file',
        '                           storage.kubernetes.io/csiProvisionerIdentity=1767225600000-9087-hostpath.csi.k8s.io',
        'Events:                <none>',
      ),
    );
  });

  it('shows Terminating with how long it has lasted', () => {
    const deleting = { ...examplePV, metadata: { ...examplePV.metadata, deletionTimestamp: ago(150) } };
    expect(describeObject(deleting, { now: NOW })).toContain('\nStatus:          Terminating (lasts 2m30s)\n');
  });
});

describe('kubectl describe pvc', () => {
  it("describes the course's example-pvc with Used By", () => {
    expect(describeObject(examplePVC, { now: NOW, usedBy: ['example-pod'] })).toBe(
      lines(
        'Name:          example-pvc',
        'Namespace:     default',
        'StorageClass:  ',
        'Status:        Bound',
        'Volume:        example-pv',
        'Labels:        <none>',
        'Annotations:   pv.kubernetes.io/bind-completed: yes',
        '               pv.kubernetes.io/bound-by-controller: yes',
        'Finalizers:    [kubernetes.io/pvc-protection]',
        'Capacity:      5Gi',
        'Access Modes:  RWO',
        'VolumeMode:    Filesystem',
        'Used By:       example-pod',
        'Events:        <none>',
      ),
    );
  });

  it('describes a WaitForFirstConsumer claim with its repeated event, ignoring other objects\' events', () => {
    expect(describeObject(pendingPVC, { now: NOW, events: exampleEvents, usedBy: [] })).toBe(
      lines(
        'Name:          data-pvc',
        'Namespace:     default',
        'StorageClass:  standard',
        'Status:        Pending',
        'Volume:        ',
        'Labels:        <none>',
        'Annotations:   <none>',
        'Finalizers:    []',
        'Capacity:      ',
        'Access Modes:  ',
        'VolumeMode:    Filesystem',
        'Used By:       <none>',
        'Events:',
        '  Type    Reason                Age               From                         Message',
        '  ----    ------                ----              ----                         -------',
        '  Normal  WaitForFirstConsumer  5s (x7 over 90s)  persistentvolume-controller  waiting for first consumer to be created before binding',
      ),
    );
  });

  it('lists several users sorted by name', () => {
    const out = describeObject(examplePVC, { now: NOW, usedBy: ['web-1', 'api-0'] });
    expect(out).toContain('Used By:       api-0\n               web-1\n');
  });
});

describe('kubectl describe storageclass', () => {
  it("describes KIND's standard class, last-applied annotation and its newline included", () => {
    expect(describeObject(standardSC, { now: NOW })).toBe(
      lines(
        'Name:            standard',
        'IsDefaultClass:  Yes',
        'Annotations:     kubectl.kubernetes.io/last-applied-configuration={"apiVersion":"storage.k8s.io/v1","kind":"StorageClass","metadata":{"annotations":{"storageclass.kubernetes.io/is-default-class":"true"},"name":"standard"},"provisioner":"rancher.io/local-path","reclaimPolicy":"Delete","volumeBindingMode":"WaitForFirstConsumer"}',
        ',storageclass.kubernetes.io/is-default-class=true',
        'Provisioner:           rancher.io/local-path',
        'Parameters:            <none>',
        'AllowVolumeExpansion:  <unset>',
        'MountOptions:          <none>',
        'ReclaimPolicy:         Delete',
        'VolumeBindingMode:     WaitForFirstConsumer',
        'Events:                <none>',
      ),
    );
  });

  it('prints parameters, mount options and allowed topologies', () => {
    const sc: StorageClass = {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: 'ebs-sc-gp3' },
      provisioner: 'ebs.csi.aws.com',
      parameters: { type: 'gp3', fsType: 'ext4' },
      allowVolumeExpansion: true,
      mountOptions: ['debug'],
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
      allowedTopologies: [
        { matchLabelExpressions: [{ key: 'topology.kubernetes.io/zone', values: ['us-east-1a', 'us-east-1b'] }] },
      ],
    };
    expect(describeObject(sc, { now: NOW })).toBe(
      lines(
        'Name:                  ebs-sc-gp3',
        'IsDefaultClass:        No',
        'Annotations:           <none>',
        'Provisioner:           ebs.csi.aws.com',
        'Parameters:            fsType=ext4,type=gp3',
        'AllowVolumeExpansion:  True',
        'MountOptions:',
        '  debug',
        'ReclaimPolicy:      Delete',
        'VolumeBindingMode:  WaitForFirstConsumer',
        'AllowedTopologies:  ',
        '  Term 0:           topology.kubernetes.io/zone in [us-east-1a, us-east-1b]',
        'Events:             <none>',
      ),
    );
  });
});
