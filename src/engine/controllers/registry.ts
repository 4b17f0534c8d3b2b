// The controllers of the simulated cluster, in the order they run on every pass. The order is
// part of determinism: the same inputs always produce the same steps in the same sequence.
import type { Controller } from '../runtime/controller.ts';
import { attachDetach, csiAttacher } from './attach-detach/index.ts';
import { garbageCollector } from './garbage-collector/index.ts';
import { kubelet } from './kubelet/index.ts';
import { nodeLifecycle } from './node-lifecycle/index.ts';
import { taintEviction } from './taint-eviction/index.ts';
import { podGarbageCollector } from './pod-gc/index.ts';
import { pvProtection, pvcProtection } from './protection/index.ts';
import { externalProvisioner } from './provisioner/index.ts';
import { pvBinder } from './pv-binder/index.ts';
import { reclaimer } from './reclaimer/index.ts';
import { scheduler } from './scheduler/index.ts';
import { deploymentController } from './workloads/deployment.ts';
import { expander } from './expander/index.ts';
import { replicaSetController } from './workloads/replicaset.ts';
import { statefulSetController } from './workloads/statefulset.ts';
import { jobController } from './workloads/job.ts';
import { ttlAfterFinishedController } from './workloads/ttl-after-finished.ts';
import { rootCACertPublisher } from './root-ca-cert-publisher/index.ts';
import { serviceAccountController } from './serviceaccount/index.ts';
import { ephemeralVolumeController } from './ephemeral-volume/index.ts';
import { endpointSliceController } from './endpoints/endpointslice.ts';
import { endpointsController } from './endpoints/endpoints.ts';
import { dockerDaemon } from '../docker/main-process.ts';

export const CONTROLLERS: readonly Controller[] = [
  // First: what every namespace must hold before pods are admitted into it.
  serviceAccountController,
  rootCACertPublisher,
  nodeLifecycle,
  taintEviction,
  podGarbageCollector,
  deploymentController,
  replicaSetController,
  statefulSetController,
  jobController,
  ttlAfterFinishedController,
  ephemeralVolumeController,
  garbageCollector,
  pvBinder,
  externalProvisioner,
  scheduler,
  attachDetach,
  csiAttacher,
  kubelet,
  // After the kubelet: endpoints follow the pod IPs and readiness it reports.
  endpointSliceController,
  endpointsController,
  pvcProtection,
  pvProtection,
  reclaimer,
  expander,
  // Not Kubernetes: the Docker host beside it, whose containers' processes also live on the clock.
  dockerDaemon,
];
