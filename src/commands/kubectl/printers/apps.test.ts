import type { Pod } from 'kubernetes-types/core/v1';
import { describe, expect, it } from 'vitest';
import { describeObject, printTable } from './index.ts';
import { NOW, ago, frontendDeploy, frontendRS } from './fixtures.ts';

const lines = (...l: string[]): string => l.map((x) => x + '\n').join('');

describe('kubectl get deployments / replicasets', () => {
  it('prints a Deployment, and its containers, images and selector with -o wide', () => {
    expect(printTable('Deployment', [frontendDeploy], { now: NOW })).toBe(
      lines('NAME       READY   UP-TO-DATE   AVAILABLE   AGE', 'frontend   2/2     2            2           8m'),
    );
    expect(printTable('Deployment', [frontendDeploy], { now: NOW, wide: true })).toBe(
      lines(
        'NAME       READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES       SELECTOR',
        'frontend   2/2     2            2           8m    frontend     nginx:1.27   app=frontend',
      ),
    );
  });

  it('prints a ReplicaSet', () => {
    expect(printTable('ReplicaSet', [frontendRS], { now: NOW })).toBe(
      lines('NAME                 DESIRED   CURRENT   READY   AGE', 'frontend-7d9c8b6f5   2         2         2       8m'),
    );
    expect(printTable('ReplicaSet', [frontendRS], { now: NOW, wide: true, allNamespaces: true })).toBe(
      lines(
        'NAMESPACE   NAME                 DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR',
        'default     frontend-7d9c8b6f5   2         2         2       8m    frontend     nginx:1.27   app=frontend,pod-template-hash=7d9c8b6f5',
      ),
    );
  });

  it('shows a freshly created Deployment as 0/N', () => {
    const fresh = { ...frontendDeploy, status: {} };
    expect(printTable('Deployment', [fresh], { now: NOW, noHeaders: true })).toBe('frontend   0/2   0     0     8m\n');
  });
});

describe('kubectl describe deployment', () => {
  it('describes the course frontend Deployment', () => {
    const events = [
      {
        metadata: { name: 'frontend.1', namespace: 'default' },
        involvedObject: { kind: 'Deployment', namespace: 'default', name: 'frontend', uid: 'deploy-uid-1' },
        type: 'Normal',
        reason: 'ScalingReplicaSet',
        message: 'Scaled up replica set frontend-7d9c8b6f5 from 0 to 2',
        source: { component: 'deployment-controller' },
        firstTimestamp: ago(8 * 60),
        lastTimestamp: ago(8 * 60),
        count: 1,
      },
    ];
    expect(describeObject(frontendDeploy, { now: NOW, events, replicaSets: { old: [], new: frontendRS } })).toBe(
      lines(
        'Name:                   frontend',
        'Namespace:              default',
        'CreationTimestamp:      Thu, 01 Jan 2026 00:02:00 +0000',
        'Labels:                 app=frontend',
        'Annotations:            deployment.kubernetes.io/revision: 1',
        'Selector:               app=frontend',
        'Replicas:               2 desired | 2 updated | 2 total | 2 available | 0 unavailable',
        'StrategyType:           RollingUpdate',
        'MinReadySeconds:        0',
        'RollingUpdateStrategy:  25% max unavailable, 25% max surge',
        'Pod Template:',
        '  Labels:  app=frontend',
        '  Containers:',
        '   frontend:',
        '    Image:      nginx:1.27',
        '    Port:       80/TCP',
        '    Host Port:  0/TCP',
        '    Environment Variables from:',
        '      frontend-cm  ConfigMap  Optional: false',
        '    Environment:',
        "      MODE:        <set to the key 'ENVIRONMENT' of config map 'frontend-cm'>  Optional: false",
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Conditions:',
        '  Type           Status  Reason',
        '  ----           ------  ------',
        '  Available      True    MinimumReplicasAvailable',
        '  Progressing    True    NewReplicaSetAvailable',
        'OldReplicaSets:  <none>',
        'NewReplicaSet:   frontend-7d9c8b6f5 (2/2 replicas created)',
        'Events:',
        '  Type    Reason             Age   From                   Message',
        '  ----    ------             ----  ----                   -------',
        '  Normal  ScalingReplicaSet  8m    deployment-controller  Scaled up replica set frontend-7d9c8b6f5 from 0 to 2',
      ),
    );
  });
});

describe('kubectl describe replicaset', () => {
  it('counts the pods it controls and shows its owner', () => {
    const owned = (name: string, phase: string): Pod => ({
      metadata: {
        name,
        namespace: 'default',
        ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'frontend-7d9c8b6f5', uid: 'rs-uid-1', controller: true }],
      },
      status: { phase },
    });
    const stray: Pod = { metadata: { name: 'stray', namespace: 'default' }, status: { phase: 'Running' } };
    expect(
      describeObject(frontendRS, { now: NOW, pods: [owned('frontend-7d9c8b6f5-a', 'Running'), owned('frontend-7d9c8b6f5-b', 'Pending'), stray] }),
    ).toBe(
      lines(
        'Name:           frontend-7d9c8b6f5',
        'Namespace:      default',
        'Selector:       app=frontend,pod-template-hash=7d9c8b6f5',
        'Labels:         app=frontend',
        '                pod-template-hash=7d9c8b6f5',
        'Annotations:    deployment.kubernetes.io/desired-replicas: 2',
        '                deployment.kubernetes.io/max-replicas: 3',
        '                deployment.kubernetes.io/revision: 1',
        'Controlled By:  Deployment/frontend',
        'Replicas:       2 current / 2 desired',
        'Pods Status:    1 Running / 1 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=frontend',
        '           pod-template-hash=7d9c8b6f5',
        '  Containers:',
        '   frontend:',
        '    Image:         nginx:1.27',
        '    Port:          80/TCP',
        '    Host Port:     0/TCP',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:            <none>',
      ),
    );
  });
});
